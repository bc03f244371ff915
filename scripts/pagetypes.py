"""Page types of the site and the shape each must have (see CONTRIBUTING.md).

`check_page(path, meta, markdown)` returns a list of problems, each a sentence that names
what to fix. The build hook turns them into warnings (so `mkdocs build --strict` fails) and
the tests run the same function over every page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

CASE_SECTIONS = [
    "At a glance",
    "Clarify requirements",
    "Frame it as an ML task",
    "Data",
    "Model",
    "Evaluation",
    "High-level design",
    "Detailed design and scaling",
    "Monitoring and maintenance",
    "Follow-up questions",
    "Common mistakes",
    "What a senior answer adds",
    "Further reading",
]
STEP_SECTIONS = [
    "Why this step matters",
    "What to do",
    ("Questions to ask", "Decisions to make"),
    "Worked example",
    "Common mistakes",
    "Signals by level",
    "Cheat-sheet lines",
]
LLM_GUIDE_SECTIONS = [
    "Why LLMs change the round",
    "Step by step",
    "Prompt, RAG or fine-tune",
    "Worked example",
    "Common mistakes",
    "Signals by level",
    "Cheat-sheet lines",
]
BLOCK_SECTIONS = [
    "In one paragraph",
    "How it works",
    "Options and trade-offs",
    "Numbers worth knowing",
    "Where it appears",
    "Interview questions",
    "Further reading",
]


@dataclass
class PageType:
    name: str
    folder: str
    keys: list[str]
    sections: list = field(default_factory=list)
    min_diagrams: int = 0
    min_references: int = 0
    min_followups: int = 0
    min_words: int = 0


CASE_KEYS = [
    "title", "summary", "difficulty", "ml_task", "input", "output", "offline_metrics",
    "online_metrics", "key_models", "scale", "latency_budget", "pattern", "related", "labels", "twist",
    "reviewed",
]
TYPES = [
    PageType("case study", "case-studies/", CASE_KEYS, CASE_SECTIONS, 2, 5, 8, 4000),
    PageType("case study", "llm-systems/", CASE_KEYS, CASE_SECTIONS, 2, 5, 8, 4000),
    PageType("framework guide", "framework/llm-era.md", ["title", "summary"], LLM_GUIDE_SECTIONS, 1,
             min_words=2500),
    PageType("framework step", "framework/", ["title", "step", "minutes", "summary"],
             STEP_SECTIONS, 1, min_words=2000),
    PageType("building block", "building-blocks/", ["title", "summary"], BLOCK_SECTIONS, 0, 3, 3, 1500),
    PageType("practice", "practice/", ["title", "summary"]),
    PageType("reference", "reference/", ["title", "summary"]),
]
SECTION_INDEX = PageType("section index", "", ["title", "summary"])
HOME = PageType("home", "", ["title", "summary"])
DIFFICULTIES = {"easy", "medium", "hard"}
LIST_KEYS = {"offline_metrics", "online_metrics", "key_models", "related"}

FENCE_RE = re.compile(r"^(`{3,}|~{3,}).*?^\1\s*$", re.M | re.S)
MERMAID_RE = re.compile(r"^```mermaid[^\n]*\n(.*?)^```\s*$", re.M | re.S)
H2_RE = re.compile(r"^## +(.+?)\s*(?:\{[^}]*\})?\s*$", re.M)
H1_RE = re.compile(r"^# +\S", re.M)


def page_type(path: str) -> PageType:
    """The type of a page from its path relative to docs/ (with forward slashes)."""
    if path == "index.md":
        return HOME
    if path.endswith("/index.md"):
        return SECTION_INDEX
    for kind in TYPES:
        if path.startswith(kind.folder):
            return kind
    return SECTION_INDEX


def strip_fences(markdown: str) -> str:
    """Markdown without fenced code blocks (whose lines may look like headings)."""
    return FENCE_RE.sub("", markdown)


def h2_sections(markdown: str) -> list[str]:
    return [m.group(1).strip() for m in H2_RE.finditer(strip_fences(markdown))]


def section_body(markdown: str, name: str) -> str:
    """The text under the H2 `name`, up to the next H2 (empty when absent)."""
    m = re.search(r"^## +%s\s*$(.*?)(?=^## |\Z)" % re.escape(name), strip_fences(markdown), re.M | re.S)
    return m.group(1) if m else ""


def word_count(markdown: str) -> int:
    """Words of prose: diagrams and code excluded (the shared pagecheck tool counts the same way)."""
    return len(re.findall(r"[A-Za-z][A-Za-z'-]+", strip_fences(markdown)))


def list_items(text: str) -> list[str]:
    return [m.group(1).strip() for m in re.finditer(r"^(?:[-*]|\d+\.)\s+(.+)$", text, re.M)]


def mermaid_blocks(markdown: str) -> list[str]:
    return MERMAID_RE.findall(markdown)


def _missing_in_order(found: list[str], wanted: list) -> list[str]:
    """Problems with the H2 sequence: each wanted section must appear, in this order."""
    problems, pos, previous = [], 0, None
    for want in wanted:
        names = want if isinstance(want, tuple) else (want,)
        label = " or ".join(f'"## {n}"' for n in names)
        hit = next((i for i in range(pos, len(found)) if found[i] in names), None)
        if hit is not None:
            pos, previous = hit + 1, found[hit]
        elif any(n in found for n in names):
            problems.append(f'section {label} is out of order: it must come after "## {previous}"')
        else:
            problems.append(f"missing section {label}")
    return problems


def check_page(path: str, meta: dict, markdown: str) -> list[str]:
    """Everything wrong with one page against its type's template."""
    kind = page_type(path)
    problems = [f"front matter lacks `{key}`" for key in kind.keys if not meta.get(key)]
    if H1_RE.search(strip_fences(markdown)):
        problems.append("body has an H1 (`# `); the title comes from front matter `title`")
    problems += _missing_in_order(h2_sections(markdown), kind.sections)

    if kind.min_words and word_count(markdown) < kind.min_words:
        problems.append(f"has {word_count(markdown)} words; a {kind.name} needs at least {kind.min_words}")
    blocks = mermaid_blocks(markdown)
    if len(blocks) < kind.min_diagrams:
        problems.append(f"has {len(blocks)} Mermaid diagram(s); a {kind.name} needs at least {kind.min_diagrams}")
    for i, block in enumerate(blocks, 1):
        if not re.search(r"^\s*accTitle:\s*\S", block, re.M):
            problems.append(f"Mermaid diagram {i} has no `accTitle:` line (it becomes the caption)")

    if kind.min_references:
        refs = list_items(section_body(markdown, "Further reading"))
        if len(refs) < kind.min_references:
            problems.append(f'"## Further reading" lists {len(refs)} reference(s); needs at least {kind.min_references}')
    if kind.min_followups:
        name = "Follow-up questions" if kind.name == "case study" else "Interview questions"
        n = len(re.findall(r'^\?\?\?\+? question "', section_body(markdown, name), re.M))
        if n < kind.min_followups:
            problems.append(f'"## {name}" has {n} collapsible question(s) (`??? question "…"`); needs at least {kind.min_followups}')

    loose = [r for r in list_items(section_body(markdown, "Further reading")) if not r.startswith("[@")]
    if loose:
        problems.append(f'"## Further reading" has {len(loose)} item(s) not cited from data/references.yml '
                        f'(write `- [@id]: why it matters`), e.g. {loose[0][:60]!r}')
    if kind.name == "case study":
        if meta.get("difficulty") and meta["difficulty"] not in DIFFICULTIES:
            problems.append(f"front matter `difficulty` is {meta['difficulty']!r}; use easy, medium or hard")
        for key in LIST_KEYS & meta.keys():
            if not isinstance(meta[key], list):
                problems.append(f"front matter `{key}` must be a list")
    if kind.name == "framework step":
        if not isinstance(meta.get("step"), int) or not 1 <= meta["step"] <= 7:
            problems.append("front matter `step` must be a whole number from 1 to 7")
        lines = list_items(section_body(markdown, "Cheat-sheet lines"))
        if not 3 <= len(lines) <= 6:
            problems.append(f'"## Cheat-sheet lines" has {len(lines)} bullet(s); write 3 to 6')
    return problems
