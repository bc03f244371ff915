"""Mermaid diagrams as captioned figures, rendered by the site's own script.

mkdocs-mermaid2's fence formatter emits `<pre class="mermaid"><code>SOURCE</code></pre>`.
`add_captions` turns each into a `<figure class="diagram">` that holds the source in a
`<script type="text/x-mermaid">` (Material's renderer and its search index ignore it) and a
`<figcaption>` made from the diagram's `accTitle:` line, which is also the figure's accessible
name. `docs/assets/javascripts/mermaid-diagrams.mjs` renders each source into an open shadow root when
the figure nears the viewport, keeps its labels readable, and adds the enlarge view.
"""
from __future__ import annotations

import html
import re

BLOCK_RE = re.compile(r'<pre(?P<attrs>[^>]*)class="mermaid"[^>]*>\s*<code>(?P<src>.*?)</code>\s*</pre>', re.S)
TITLE_RE = re.compile(r"^\s*accTitle:\s*(.+?)\s*$", re.M)
SOURCE_TYPE = "text/x-mermaid"


def add_captions(page_html: str) -> tuple[str, int]:
    """Wrap each Mermaid block in a captioned figure; return the HTML and the block count."""
    count = 0

    def wrap(m: re.Match) -> str:
        nonlocal count
        count += 1
        source = html.unescape(m.group("src")).replace("</", "<\\/")
        title = TITLE_RE.search(source)
        caption = html.escape(title.group(1)) if title else f"Diagram {count}"
        return (f'<figure class="diagram" id="diagram-{count}">'
                f'<script type="{SOURCE_TYPE}" class="diagram-source">{source}</script>'
                f'<div class="diagram-box" data-diagram="{count}"></div>'
                f"<figcaption>Figure {count}. {caption}</figcaption></figure>")

    return BLOCK_RE.sub(wrap, page_html), count


def sources(page_html: str) -> list[str]:
    """The Mermaid sources of a built page, as the browser will read them."""
    return [s.replace("<\\/", "</") for s in
            re.findall(r'<script[^>]*class="diagram-source"[^>]*>(.*?)</script>', page_html, re.S)]
