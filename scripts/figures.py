"""Captions for Mermaid diagrams.

Material replaces each `<pre class="mermaid">` with a rendered SVG inside a closed shadow
root, which assistive tools and axe can still read but page CSS and tests cannot reach. To give
every diagram a visible caption and an accessible name outside that root, `add_captions` wraps
each block in a `<figure>` whose `<figcaption>` is the diagram's own `accTitle:` line.
"""
from __future__ import annotations

import html
import re

BLOCK_RE = re.compile(r'<pre(?P<attrs>[^>]*)class="mermaid"[^>]*>\s*<code>(?P<src>.*?)</code>\s*</pre>', re.S)
TITLE_RE = re.compile(r"^\s*accTitle:\s*(.+?)\s*$", re.M)


def add_captions(page_html: str) -> tuple[str, int]:
    """Wrap each Mermaid block in a captioned figure; return the HTML and the block count."""
    count = 0

    def wrap(m: re.Match) -> str:
        nonlocal count
        count += 1
        title = TITLE_RE.search(html.unescape(m.group("src")))
        caption = html.escape(title.group(1)) if title else f"Diagram {count}"
        return (f'<figure class="diagram" id="diagram-{count}">{m.group(0)}'
                f"<figcaption>Figure {count}. {caption}</figcaption></figure>")

    return BLOCK_RE.sub(wrap, page_html), count
