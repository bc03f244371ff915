"""The bibliography: one data file (data/references.yml), cited by id from the pages.

A page's "Further reading" item reads `- [@covington2016deep]: why it matters`; the build
replaces `[@id]` with the formatted entry, and the bibliography page lists every entry with the
pages that cite it. Unknown ids are reported so that the strict build fails.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from generated import relative_link

FIELDS = ("id", "title", "authors", "venue", "year", "url")
CITE_RE = re.compile(r"\[@([a-z0-9]+)\](:\s*)?")


def load(path: Path) -> list[dict]:
    if not path.exists():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    problems, seen = [], set()
    for i, e in enumerate(entries, 1):
        name = e.get("id") or f"entry {i}"
        problems += [f"{name} lacks `{k}`" for k in FIELDS if not e.get(k)]
        if name in seen:
            problems.append(f"{name} is listed twice")
        seen.add(name)
        if e.get("id") and not re.fullmatch(r"[a-z0-9]+", str(e["id"])):
            problems.append(f"{name}: ids are lowercase letters and digits only")
        if e.get("url") and not str(e["url"]).startswith("https://"):
            problems.append(f"{name}: url must start with https://")
        if e.get("year") and not re.fullmatch(r"(19|20)\d\d", str(e["year"])):
            problems.append(f"{name}: year {e['year']!r} is not a year")
    if problems:
        raise ValueError(f"{path.name}: " + "; ".join(problems))
    return sorted(entries, key=lambda e: (str(e["authors"]).lower(), str(e["year"])))


def cite(entry: dict) -> str:
    """The formatted entry, in Markdown."""
    return f"{entry['authors']} ({entry['year']}). [{entry['title']}]({entry['url']}). {entry['venue']}."


def expand(markdown: str, by_id: dict[str, dict]) -> tuple[str, list[str]]:
    """Replace every `[@id]`; return the Markdown and the ids that are not in the data."""
    unknown = []

    def sub(m: re.Match) -> str:
        if m.group(1) not in by_id:
            unknown.append(m.group(1))
            return m.group(0)
        # "- [@id]: note" reads "Authors (year). Title. Venue. — note"
        return cite(by_id[m.group(1)]) + (" — " if m.group(2) else "")

    return CITE_RE.sub(sub, markdown), unknown


def cited_ids(markdown: str) -> set[str]:
    return {m.group(1) for m in CITE_RE.finditer(markdown)}


def bibliography(entries: list[dict], sources, page: str) -> str:
    """Every entry, alphabetical by authors, with links to the pages that cite it."""
    citing = {}
    for s in sources:
        for ref in cited_ids(s.markdown):
            citing.setdefault(ref, []).append(s)
    out = [f"{len(entries)} publications and resources, cited from {len({s.path for v in citing.values() for s in v})} pages.", ""]
    for e in entries:
        pages = citing.get(e["id"], [])
        where = ", ".join(f"[{s.meta.get('title', s.path)}]({relative_link(s.path, page)})"
                          for s in pages)
        out.append(f'- <span id="{e["id"]}"></span>{cite(e)}' + (f" Cited on: {where}." if where else ""))
    return "\n".join(out)
