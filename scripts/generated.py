"""Content generated from other pages' front matter and sections, so nothing is typed twice.

A page asks for a block with a marker line `<!-- generated: NAME -->`; the build hook replaces
it with `render(NAME, ...)`. Each renderer takes the parsed source pages and returns Markdown.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data

import pagetypes

MARKER_RE = re.compile(r"^<!-- generated: ([a-z-]+) -->[ \t]*$", re.M)


@dataclass
class Source:
    path: str       # relative to docs/, forward slashes
    meta: dict
    markdown: str


def read_sources(docs_dir: Path, order: list[str]) -> list[Source]:
    """Every Markdown page under docs/, in navigation order (pages outside the nav last)."""
    rank = {p: i for i, p in enumerate(order)}
    pages = []
    for file in docs_dir.rglob("*.md"):
        rel = file.relative_to(docs_dir).as_posix()
        markdown, meta = get_data(file.read_text(encoding="utf-8"))
        pages.append(Source(rel, meta, markdown))
    return sorted(pages, key=lambda s: (rank.get(s.path, len(rank)), s.path))


def relative_link(target: str, from_page: str) -> str:
    """A link from page `from_page` to `target` (both paths under docs/, target may carry #anchor)."""
    path, _, frag = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(from_page) or ".")
    return rel + (f"#{frag}" if frag else "")



LINK_RE = re.compile(r"(\]\()([^)\s#]+\.md)(#[^)\s]*)?(\))")


def rebase_links(markdown: str, from_page: str, to_page: str) -> str:
    """Relative .md links written on `from_page`, rewritten to work on `to_page`."""
    def fix(m: re.Match) -> str:
        if "://" in m.group(2):
            return m.group(0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(from_page), m.group(2)))
        return m.group(1) + relative_link(target, to_page) + (m.group(3) or "") + m.group(4)
    return LINK_RE.sub(fix, markdown)


def _cell(value) -> str:
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return str(value).replace("|", "\\|").replace("\n", " ")


def cases(sources: list[Source]) -> list[Source]:
    return [s for s in sources if pagetypes.page_type(s.path).name == "case study"]


def steps(sources: list[Source]) -> list[Source]:
    found = [s for s in sources if pagetypes.page_type(s.path).name == "framework step"]
    return sorted(found, key=lambda s: s.meta.get("step", 0))  # stable: nav order within a step


def case_index(sources: list[Source], page: str) -> str:
    rows = ["| Case | Difficulty | ML task | Key models | Scale | Latency budget |",
            "| --- | --- | --- | --- | --- | --- |"]
    for s in cases(sources):
        m = s.meta
        rows.append(f"| [{_cell(m['title'])}]({relative_link(s.path, page)}) | {_cell(m['difficulty'])} | "
                    f"{_cell(m['ml_task'])} | {_cell(m['key_models'])} | {_cell(m['scale'])} | "
                    f"{_cell(m['latency_budget'])} |")
    return "\n".join(rows)


def case_metrics(sources: list[Source], page: str) -> str:
    rows = ["| Case | Input → output | Offline metrics | Online metrics |",
            "| --- | --- | --- | --- |"]
    for s in cases(sources):
        m = s.meta
        rows.append(f"| [{_cell(m['title'])}]({relative_link(s.path, page)}) | {_cell(m['input'])} → "
                    f"{_cell(m['output'])} | {_cell(m['offline_metrics'])} | {_cell(m['online_metrics'])} |")
    return "\n".join(rows)


def case_patterns(sources: list[Source], page: str) -> str:
    return "\n".join(f"- **[{_cell(s.meta['title'])}]({relative_link(s.path, page)})**: {_cell(s.meta['pattern'])}"
                     for s in cases(sources))


def step_numbers(sources: list[Source]) -> dict[str, str]:
    """Each step page's number as the navigation shows it: "2a", "2b" where pages share a step."""
    found = steps(sources)
    shared = {n for n in (s.meta["step"] for s in found) if sum(t.meta["step"] == n for t in found) > 1}
    out, seen = {}, {}
    for s in found:
        n = s.meta["step"]
        if n in shared:
            seen[n] = seen.get(n, 0) + 1
            out[s.path] = f"{n}{'abcdefgh'[seen[n] - 1]}"
        else:
            out[s.path] = str(n)
    return out


def step_lines(sources: list[Source], page: str) -> str:
    """Each framework step with its minute budget and its "Cheat-sheet lines"."""
    out = []
    numbers = step_numbers(sources)
    for s in steps(sources):
        m = s.meta
        out.append(f"**{numbers[s.path]}. [{m['title']}]({relative_link(s.path, page)})** · {m['minutes']} min\n")
        body = pagetypes.section_body(s.markdown, "Cheat-sheet lines")
        out += [f"- {line}" for line in pagetypes.list_items(body)]
        out.append("")
    total = sum(s.meta["minutes"] for s in steps(sources))
    out.append(f"Total: {total} minutes.")
    return "\n".join(out)


def block_index(sources: list[Source], page: str) -> str:
    """Every building block with its one-line summary, in navigation order."""
    blocks = [s for s in sources if pagetypes.page_type(s.path).name == "building block"]
    return "\n".join(f"- **[{_cell(s.meta['title'])}]({relative_link(s.path, page)})**: {_cell(s.meta['summary'])}"
                     for s in blocks)


def case_comparison(sources: list[Source], page: str) -> str:
    """Every case side by side, one table per step of the framework, from front matter only."""
    tables = [
        ("Frame it", ["ML task", "Input", "Output"], ["ml_task", "input", "output"]),
        ("Data and labels", ["Labels and their delay"], ["labels"]),
        ("Model", ["Key models", "Difficulty"], ["key_models", "difficulty"]),
        ("Evaluation", ["Offline metrics", "Online metrics"], ["offline_metrics", "online_metrics"]),
        ("Serving and scale", ["Scale", "Latency budget"], ["scale", "latency_budget"]),
        ("The twist", ["What defines the case", "Pattern in one line"], ["twist", "pattern"]),
    ]
    out = []
    for title, headers, keys in tables:
        out += [f"## {title}", "", "| Case | " + " | ".join(headers) + " |",
                "| --- |" + " --- |" * len(headers)]
        for s in cases(sources):
            link = f"[{_cell(s.meta['title'])}]({relative_link(s.path, page)})"
            out.append(f"| {link} | " + " | ".join(_cell(s.meta[k]) for k in keys) + " |")
        out.append("")
    return "\n".join(out)


def block_cases(sources: list[Source], page: str) -> str:
    """On a building block: every case study that names it under `related`, with its summary."""
    slug = page.rsplit("/", 1)[-1][:-3]
    users = [s for s in cases(sources) if slug in (s.meta.get("related") or [])]
    if not users:
        return ""
    lines = ["Case studies that build on this block (from their front matter):", ""]
    lines += [f"- [{_cell(s.meta['title'])}]({relative_link(s.path, page)}): {_cell(s.meta['summary'])}"
              for s in users]
    return "\n".join(lines)


RENDERERS = {
    "block-cases": block_cases,
    "case-comparison": case_comparison,
    "block-index": block_index,
    "case-index": case_index,
    "case-metrics": case_metrics,
    "case-patterns": case_patterns,
    "step-lines": step_lines,
}


def expand(markdown: str, sources: list[Source], page: str, extra: dict | None = None) -> str:
    """Replace every marker in `markdown` (the source of `page`) with its generated block.

    `extra` adds renderers that need more than the pages (the build passes the glossary's).
    """
    renderers = {**RENDERERS, **(extra or {})}

    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name not in renderers:
            raise KeyError(f"{page}: unknown generated block {name!r}; known: {', '.join(renderers)}")
        return renderers[name](sources, page)

    return MARKER_RE.sub(sub, markdown)
