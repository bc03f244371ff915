"""The practice kit's data (data/*.yml) rendered into pages, and the Anki deck.

- `questions.yml`  -> the question bank (grouped by step, filterable by topic on the page)
- `flashcards.yml` -> the flashcard page and a downloadable Anki deck (.apkg, via genanki)
- `mock-interviews.yml` -> an interviewer script per case on the mock-interview page
- case pages' front matter and "At a glance" -> one printable summary page per case
Each loader validates its file and raises with the entry and the missing key.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

import generated
import pagetypes

DIFFICULTIES = ("easy", "medium", "hard")
STEPS = {  # step key -> heading on the question bank, in order
    "requirements": "Clarify requirements",
    "data": "Frame the task, data and features",
    "model": "Model selection and training",
    "evaluation": "Evaluation",
    "design": "High-level design",
    "serving": "Serving and scaling",
    "monitoring": "Monitoring and maintenance",
    "cases": "Case-specific",
    "behaviour": "Communication and interview craft",
}
SCHEMAS = {
    "questions": ("id", "step", "topic", "difficulty", "question", "answer", "see"),
    "flashcards": ("id", "topic", "front", "back"),
    "mock-interviews": ("case", "title", "prompt", "hidden", "probes", "curveballs"),
}
# Stable Anki ids (random 31-bit numbers chosen once): re-importing updates notes in place.
ANKI_MODEL_ID = 1607392319
ANKI_DECK_ID = 2059400110
ANKI_FILE = "ml-system-design-flashcards.apkg"


def load(path: Path, kind: str) -> list[dict]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    problems, seen = [], set()
    key = SCHEMAS[kind][0]
    for i, e in enumerate(entries, 1):
        name = e.get(key) or f"entry {i}"
        problems += [f"{name} lacks `{k}`" for k in SCHEMAS[kind] if not e.get(k)]
        if e.get(key) in seen:
            problems.append(f"{name} is listed twice")
        seen.add(e.get(key))
        if kind == "questions":
            if e.get("difficulty") not in DIFFICULTIES:
                problems.append(f"{name}: difficulty must be one of {', '.join(DIFFICULTIES)}")
            if e.get("step") not in STEPS:
                problems.append(f"{name}: step must be one of {', '.join(STEPS)}")
    if problems:
        raise ValueError(f"{path.name}: " + "; ".join(problems))
    return entries


def _indent(text: str, n: int = 4) -> str:
    return "\n".join((" " * n + line) if line.strip() else "" for line in text.strip().splitlines())


def topic_label(topic: str) -> str:
    """A heading for a topic key: "responsible-ml" -> "Responsible ML"."""
    words = [w.upper() if w in ("ml", "ann", "llm") else w for w in topic.split("-")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# ---------------------------------------------------------------- question bank

def question_bank(questions: list[dict], page: str) -> str:
    topics = sorted({q["topic"] for q in questions})
    out = [f"{len(questions)} questions in {len(topics)} topics.", "",
           '<div class="qb-filter" data-topics="' + html.escape("|".join(topics)) + '"></div>', ""]
    for step, heading in STEPS.items():
        group = [q for q in questions if q["step"] == step]
        if not group:
            continue
        out += [f"## {heading}", ""]
        for q in group:
            out += [f'<details class="question qb-item" id="q-{slug(q["id"])}" data-topic="{html.escape(q["topic"])}" markdown>',
                    f'<summary>{html.escape(q["question"].strip())} <span class="qb-meta">{q["difficulty"]} · {html.escape(q["topic"])}</span></summary>',
                    "", q["answer"].strip(), "",
                    f"[Read more]({generated.relative_link(q['see'], page)})", "", "</details>", ""]
    return "\n".join(out)


# ---------------------------------------------------------------- flashcards

def flashcard_list(cards: list[dict], page: str) -> str:
    topics = sorted({c["topic"] for c in cards})
    out = [f"{len(cards)} cards in {len(topics)} topics. "
           f"[Download the Anki deck](../assets/downloads/{ANKI_FILE}){{ .md-button download }}", "",
           '<div class="fc-deck" data-count="%d"></div>' % len(cards), ""]
    for topic in topics:
        label = topic_label(topic)
        out += [f"## {label}", "", f'<dl class="fc-list" data-topic="{html.escape(label)}" markdown>', ""]
        for c in (c for c in cards if c["topic"] == topic):
            out += [f'<dt id="card-{slug(c["id"])}">{html.escape(c["front"].strip())}</dt>',
                    f'<dd><details class="fc-answer"><summary>Answer</summary>'
                    f'<p class="fc-back">{html.escape(c["back"].strip())}</p></details></dd>']
        out += ["", "</dl>", ""]
    return "\n".join(out)


def build_anki_deck(cards: list[dict], path: Path) -> int:
    """Write the deck; notes keep a GUID derived from the card id, so re-imports update them."""
    import genanki

    model = genanki.Model(
        ANKI_MODEL_ID, "ML system design card",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Topic"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}",
                    "afmt": '{{FrontSide}}<hr id="answer">{{Back}}<br><small>{{Topic}}</small>'}],
        css=".card { font-family: sans-serif; font-size: 20px; text-align: left; }")
    deck = genanki.Deck(ANKI_DECK_ID, "ML system design interview")
    for c in cards:
        deck.add_note(genanki.Note(
            model=model, fields=[html.escape(c["front"].strip()), html.escape(c["back"].strip()), c["topic"]],
            guid=genanki.guid_for("ml-system-design", c["id"]), tags=[slug(c["topic"])]))
    path.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(deck).write_to_file(str(path))
    return len(cards)


# ---------------------------------------------------------------- mock interviews

def mock_scripts(scripts: list[dict], page: str, cases: dict[str, tuple[str, str]]) -> str:
    """`cases` maps a case slug to (its page path under docs/, its title)."""
    out = []
    for s in scripts:
        out += [f"### {s['title']}", ""]
        if s["case"] in cases:
            path, title = cases[s["case"]]
            out += [f"Worked answer: [{title}]({generated.relative_link(path, page)}).", ""]
        out += ['!!! quote "Opening prompt (read aloud)"', "", _indent(s["prompt"]), "",
                '??? info "Hidden requirements: reveal each only when the candidate asks"', ""]
        out += [_indent(f"- {h}") for h in s["hidden"]]
        out += ["", "**Probing follow-ups** (pick 5–8, in any order):", ""]
        out += [f"{i}. {p}" for i, p in enumerate(s["probes"], 1)]
        out += ["", "**Curveballs** (one, around minute 30):", ""]
        out += [f"- {c}" for c in s["curveballs"]]
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------- one-page case summaries

def case_summaries(sources: list[generated.Source], page: str) -> str:
    out = []
    for s in generated.cases(sources):
        m = s.meta
        glance = pagetypes.section_body(s.markdown, "At a glance").strip()
        glance = generated.rebase_links(re.sub(r"^###", "####", glance, flags=re.M), s.path, page)
        out += [f'<section class="case-summary" markdown>', "", f"## {m['title']}", "",
                f"*{m['summary']}* [Full case]({generated.relative_link(s.path, page)})", "",
                "| Fact | Value |", "| --- | --- |",
                f"| Task | {generated._cell(m['ml_task'])}: {generated._cell(m['input'])} → {generated._cell(m['output'])} |",
                f"| Scale, latency | {generated._cell(m['scale'])}; {generated._cell(m['latency_budget'])} |",
                f"| Metrics | offline {generated._cell(m['offline_metrics'])}; online {generated._cell(m['online_metrics'])} |",
                f"| Key models | {generated._cell(m['key_models'])} |",
                f"| Pattern | {generated._cell(m['pattern'])} |", "",
                glance, "", "</section>", ""]
    return "\n".join(out)
