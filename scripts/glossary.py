"""The glossary: one data file (data/glossary.yml) rendered three ways.

- `abbreviations(entries)`: Markdown abbreviation definitions (`*[CTR]: ...`), appended to every
  page by the build hook, so each abbreviation shows its meaning as a tooltip.
- `render(entries, from_page)`: the glossary page, one entry per term, grouped by letter, each
  linking to the page that explains it.
- `abbreviations_used(markdown)`: the upper-case abbreviations a page uses, for the test that
  every one of them is in the glossary.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from generated import relative_link

REQUIRED = ("term", "definition", "see")
# Unit symbols are not glossary material.
UNITS = {"KB", "MB", "GB", "TB", "PB", "MFLOP", "GFLOP", "TFLOP", "PFLOP", "EFLOP"}
# Two or more capitals (digits may sit between), optionally a plural "s": CTR, CTRs, HNSW, P2P.
ABBR_RE = re.compile(r"(?<![\w/.#])([A-Z][A-Z0-9]*[A-Z])s?(?![\w])")


def load(path: Path) -> list[dict]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    problems = validate(entries)
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))
    return sorted(entries, key=lambda e: e["term"].lower())


def validate(entries: list[dict]) -> list[str]:
    problems, seen_terms, seen_abbr = [], set(), set()
    for i, entry in enumerate(entries, 1):
        name = entry.get("term") or f"entry {i}"
        problems += [f"{name} lacks `{key}`" for key in REQUIRED if not entry.get(key)]
        key = str(entry.get("term", "")).lower()
        if key in seen_terms:
            problems.append(f"{name} is listed twice")
        seen_terms.add(key)
        for abbr in spellings(entry):
            if abbr in seen_abbr:
                problems.append(f"abbreviation {abbr} is defined twice")
            seen_abbr.add(abbr)
    return problems


def anchor(entry: dict) -> str:
    """The id of an entry on the glossary page."""
    return re.sub(r"[^a-z0-9]+", "-", entry["term"].lower()).strip("-")


def tooltip(entry: dict) -> str:
    text = f"{entry['term']}: {entry['definition']}"
    return re.sub(r"\s+", " ", text).strip()


def spellings(entry: dict) -> list[str]:
    """The abbreviation and its other spellings (`aliases`), e.g. PR-AUC and PR AUC."""
    return ([entry["abbr"]] if entry.get("abbr") else []) + list(entry.get("aliases", []))


def abbreviations(entries: list[dict], text: str | None = None) -> str:
    """Abbreviation definitions, one block each; with `text`, only those that occur in it.

    Appending all of them to every page made Markdown re-scan one huge block hundreds of
    times (the build took 30 s instead of 3 s), so the hook passes each page's text.
    """
    lines = [f"*[{s}]: {tooltip(e)}" for e in entries for s in spellings(e)
             if text is None or (s in text and re.search(r"(?<!\w)%s(?!\w)" % re.escape(s), text))]
    return "\n\n".join(lines)


def covered(entries: list[dict]) -> set[str]:
    """Every upper-case token the glossary explains (parts of IVF-PQ count) plus unit symbols."""
    tokens = {t for e in entries for s in spellings(e) for t in re.split(r"[\s/-]+", s)}
    return tokens | UNITS



def render(entries: list[dict], from_page: str, titles: dict[str, str] | None = None) -> str:
    """Markdown for the glossary page; `titles` maps page paths to titles for the link text."""
    titles = titles or {}
    out, letter = [], None
    for e in entries:
        first = e["term"][0].upper() if e["term"][0].isalpha() else "0–9"
        if first != letter:
            letter = first
            out.append(f"\n## {letter}\n")
        name = f"{e['term']} ({e['abbr']})" if e.get("abbr") else e["term"]
        out.append(f'<span id="{anchor(e)}"></span>**{name}**')
        page = e["see"].partition("#")[0]
        out.append(f": {e['definition'].strip()} See [{titles.get(page, page)}]({relative_link(e['see'], from_page)}).")
        out.append("")
    return "\n".join(out)


def abbreviations_used(markdown: str) -> set[str]:
    """Upper-case abbreviations in running text (code, links, front matter and references skipped)."""
    text = re.sub(r"^---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"^(\s*)(`{3,}|~{3,}).*?^\1\2\s*$", "", text, flags=re.S | re.M)
    text = re.sub(r"^## +Further reading.*?(?=^## |\Z)", "", text, flags=re.S | re.M)
    text = re.sub(r"`[^`\n]*`", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<[^>\n]+>", "", text)
    text = re.sub(r"^\*\[[^\]]+\]:.*$", "", text, flags=re.M)
    roman = re.compile(r"[IVXLC]+")   # "Annex III", "Phase II": numerals, not abbreviations
    return {m.group(1) for m in ABBR_RE.finditer(text) if not roman.fullmatch(m.group(1))}
