"""Shared figures (data/figures.yml): one number, one place.

Pages quote a figure with `{{ fig:ID }}` (value and unit) or `{{ fig:ID:n }}` (the value
alone); `expand` replaces the markers and reports unknown ids. `numbers_page` and
`cheat_table` render the figures as Markdown, and `module` exports them for the calculators.
`contradictions` scans page sources for a figure stated with another value outside a marker.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

KEYS = ("id", "group", "label", "value", "unit", "source", "as_of")  # optional: short, note, url, cheat, pattern
MARKER_RE = re.compile(r"\{\{\s*fig:([a-z0-9-]+)(:n)?\s*\}\}")


def load(path: Path) -> dict[str, dict]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    problems, out = [], {}
    for i, e in enumerate(entries, 1):
        name = e.get("id") or f"entry {i}"
        problems += [f"{name} lacks `{k}`" for k in KEYS if k not in e or e[k] is None]
        if not isinstance(e.get("value"), (int, float)):
            problems.append(f"{name}: value must be a number")
        if name in out:
            problems.append(f"{name} is listed twice")
        if e.get("pattern"):
            try:
                if re.compile(e["pattern"]).groups < 1:
                    problems.append(f"{name}: pattern needs a group that captures the number")
            except re.error as err:
                problems.append(f"{name}: pattern is not a valid regex ({err})")
        out[name] = e
    if problems:
        raise ValueError(f"{path.name}: " + "; ".join(problems))
    return out


def number(value: float) -> str:
    """A figure as prose writes it: thousands separated, no trailing zeros."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.6g}" if abs(value) >= 1000 else f"{value:.6g}"
    return f"{int(value):,}"


def render(fig: dict, bare: bool = False) -> str:
    text = number(fig["value"])
    unit = str(fig.get("unit") or "")
    if bare or not unit:
        return text
    return f"{text}{unit}" if unit.startswith("%") and " " not in unit[:1] else f"{text} {unit}"


def expand(markdown: str, figures: dict[str, dict]) -> tuple[str, list[str]]:
    """Markdown with every `{{ fig:… }}` replaced, and the unknown ids it named."""
    unknown = []

    def sub(m: re.Match) -> str:
        fig = figures.get(m.group(1))
        if fig is None:
            unknown.append(m.group(1))
            return m.group(0)
        return render(fig, bare=bool(m.group(2)))

    return MARKER_RE.sub(sub, markdown), unknown


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def numbers_page(figures: dict[str, dict]) -> str:
    """Every figure, grouped, with its source and date: the body of the numbers page."""
    out, groups = [], {}
    for fig in figures.values():
        groups.setdefault(fig["group"], []).append(fig)
    for group, figs in groups.items():
        out += [f"## {group}", "", "| Figure | Value | Source | As of |", "| --- | --- | --- | --- |"]
        for f in figs:
            source = f"[{_cell(f['source'])}]({f['url']})" if f.get("url") else _cell(f["source"])
            note = f" {_cell(f['note'])}" if f.get("note") else ""
            out.append(f"| {_cell(f['label'])}{note} | {_cell(render(f))} | {source} | {f['as_of']} |")
        out.append("")
    return "\n".join(out)


def cheat_table(figures: dict[str, dict]) -> str:
    """Table rows (no header) for the figures marked `cheat: true`, one per group: "short label value"."""
    groups: dict[str, list[str]] = {}
    for f in figures.values():
        if f.get("cheat"):
            short = f.get("short") or f["label"].split(" (")[0]
            groups.setdefault(f["group"], []).append(f"{_cell(short)} {_cell(render(f))}")
    # Rows only: the cheat sheet places the marker right under its own table's last row, so
    # these rows continue that table.
    return "\n".join(f"| {group} | {'; '.join(items)} |" for group, items in groups.items())


def module(figures: dict[str, dict]) -> str:
    """An ES module the calculators import: `export default {id: value, …}`."""
    values = {k: f["value"] for k, f in figures.items()}
    return ("// Generated at build time from data/figures.yml; do not edit.\n"
            f"export default {json.dumps(values, indent=2, sort_keys=True)};\n")


FENCE_RE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)


def contradictions(path: str, markdown: str, figures: dict[str, dict]) -> list[str]:
    """Lines of `markdown` that state a figure with a pattern at a value other than the data's.

    Markers are left alone (they are the data); everything else, code blocks included, counts.
    """
    problems = []
    lines = markdown.splitlines()
    for fig in figures.values():
        if not fig.get("pattern"):
            continue
        rx = re.compile(fig["pattern"], re.I)
        for n, line in enumerate(lines, 1):
            if any(m.group(1) == fig["id"] for m in MARKER_RE.finditer(line)):
                continue    # the line quotes this figure through its marker; other numbers are derived
            for m in rx.finditer(MARKER_RE.sub("", line)):
                said = next((g for g in m.groups() if g), "")
                try:
                    stated = float(said.replace(",", ""))
                except ValueError:
                    continue
                if stated != float(fig["value"]):
                    problems.append(f"{path}:{n}: states {fig['label']} as {said}; the shared figure "
                                    f"is {render(fig)}: quote it with {{{{ fig:{fig['id']} }}}}")
    return problems
