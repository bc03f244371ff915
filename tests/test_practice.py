"""The practice kit: data files, the pages rendered from them, the Anki deck, and the browser features."""
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

import generated
import practice
import site_hooks
import sitecheck

DOCS = sitecheck.ROOT / "docs"
MIN = {"questions": 150, "flashcards": 200, "mock-interviews": 12}


@pytest.fixture(scope="module")
def data():
    return {kind: practice.load(site_hooks.DATA / f"{kind}.yml", kind) for kind in MIN}


@pytest.mark.parametrize("kind", MIN)
def test_data_files_are_large_enough(data, kind):
    assert len(data[kind]) >= MIN[kind], f"data/{kind}.yml has {len(data[kind])} entries; needs {MIN[kind]}"


def test_every_question_links_to_an_existing_page(data):
    bad = [f"{q['id']}: see {q['see']}" for q in data["questions"]
           if not (DOCS / q["see"].partition("#")[0]).is_file()]
    assert not bad, "questions link to missing pages:\n" + "\n".join(bad)


def test_question_bank_covers_every_step_and_level(data):
    steps = {q["step"] for q in data["questions"]}
    levels = {q["difficulty"] for q in data["questions"]}
    assert set(practice.STEPS) - {"behaviour"} <= steps, f"steps without questions: {set(practice.STEPS) - steps}"
    assert levels == set(practice.DIFFICULTIES)


def test_mock_scripts_cover_every_case_page(data):
    cases = {p.stem for folder in ("case-studies", "llm-systems") for p in (DOCS / folder).glob("*.md")} - {"index"}
    scripted = {s["case"] for s in data["mock-interviews"]}
    assert cases <= scripted, f"case pages without an interviewer script: {sorted(cases - scripted)}"
    for s in data["mock-interviews"]:
        assert 5 <= len(s["probes"]) <= 8 and len(s["hidden"]) >= 4 and s["curveballs"], s["case"]


def test_pages_render_every_entry(site, data):
    qb = (site / "practice/question-bank/index.html").read_text(encoding="utf-8")
    assert qb.count('class="question qb-item"') == len(data["questions"])
    fc = (site / "practice/flashcards/index.html").read_text(encoding="utf-8")
    assert fc.count("<dt id=\"card-") == len(data["flashcards"])
    mock = (site / "practice/mock-interview/index.html").read_text(encoding="utf-8")
    missing = [s["title"] for s in data["mock-interviews"] if s["title"] not in mock]
    assert not missing, f"interviewer scripts missing from the page: {missing}"


# ---------------------------------------------------------------- Anki deck

def deck_rows(path: Path, tmp_path: Path):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        assert "collection.anki2" in names, names
        z.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        notes = db.execute("select guid, mid, flds, tags from notes").fetchall()
        cards = db.execute("select count(*) from cards").fetchone()[0]
        decks = db.execute("select decks from col").fetchone()[0]
    finally:
        db.close()
    return notes, cards, decks


def test_anki_deck_in_the_site(site, data, tmp_path):
    notes, cards, decks = deck_rows(site / "assets/downloads" / practice.ANKI_FILE, tmp_path)
    assert len(notes) == cards == len(data["flashcards"])
    assert str(practice.ANKI_DECK_ID) in decks and "ML system design interview" in decks
    assert {mid for _, mid, _, _ in notes} == {practice.ANKI_MODEL_ID}
    first = data["flashcards"][0]
    fields = {tuple(f.split("\x1f")) for _, _, f, _ in notes}
    assert any(f[0] == practice.html.escape(first["front"].strip()) and f[2] == first["topic"] for f in fields)
    assert all(tags.strip() for *_, tags in notes), "every note is tagged with its topic"


def test_anki_guids_are_stable_across_builds(data, tmp_path):
    a, b = tmp_path / "a.apkg", tmp_path / "b.apkg"
    practice.build_anki_deck(data["flashcards"], a)
    practice.build_anki_deck(data["flashcards"], b)
    (tmp_path / "x").mkdir(), (tmp_path / "y").mkdir()
    guids_a = sorted(g for g, *_ in deck_rows(a, tmp_path / "x")[0])
    guids_b = sorted(g for g, *_ in deck_rows(b, tmp_path / "y")[0])
    assert guids_a == guids_b and len(set(guids_a)) == len(data["flashcards"])


# ---------------------------------------------------------------- in the browser

def visible_questions(page) -> int:
    """Questions a reader sees on screen: laid out with a size, not merely flagged."""
    return page.eval_on_selector_all(".qb-item", "els => els.filter(e => e.checkVisibility()).length")


def test_question_filter_by_topic(visit, base_url, data):
    page, seen = visit
    page.goto(base_url + "practice/question-bank/", wait_until="load")
    page.wait_for_selector("#qb-topic")
    assert visible_questions(page) == len(data["questions"])
    topic = sorted({q["topic"] for q in data["questions"]})[0]
    wanted = sum(q["topic"] == topic for q in data["questions"])
    page.select_option("#qb-topic", topic)
    assert visible_questions(page) == wanted, (
        f"the filter says {page.text_content('.qb-status')!r} but {visible_questions(page)} questions are on screen")
    assert f"Showing {wanted} of {len(data['questions'])}" in page.text_content(".qb-status")
    assert f"topic={topic}" in page.url
    page.select_option("#qb-topic", "all")
    assert visible_questions(page) == len(data["questions"])
    assert not seen.problems("question bank")


def test_flashcards_flip_and_advance(visit, base_url, data):
    page, seen = visit
    page.goto(base_url + "practice/flashcards/", wait_until="load")
    page.wait_for_selector(".fc-card")
    front = page.inner_text(".fc-text")
    page.click("text=Show answer")
    back = page.inner_text(".fc-text")
    assert back != front and back.strip()
    page.click("text=Next")
    assert page.inner_text(".fc-counter").startswith("Card 2 of ")
    assert not seen.problems("flashcards")


def test_flashcard_answers_are_not_given_away(visit, base_url, data):
    """The list under the drill shows prompts; an answer appears only when its card is opened."""
    page, _ = visit
    page.goto(base_url + "practice/flashcards/", wait_until="load")
    page.wait_for_selector(".fc-card")
    # checkVisibility() is false for content of a closed <details> and for display: none.
    shown = page.eval_on_selector_all(".fc-back", "els => els.filter(e => e.checkVisibility()).length")
    assert shown == 0, f"{shown} flashcard answers are visible in the list below the drill"
    first = page.locator(".fc-list dd").first
    first.locator("summary").click()
    assert first.locator(".fc-back").is_visible()


def test_flashcard_keyboard_shortcuts(visit, base_url):
    page, _ = visit
    page.goto(base_url + "practice/flashcards/", wait_until="load")
    page.wait_for_selector(".fc-card")
    front = page.inner_text(".fc-text")
    page.locator("body").press(" ")
    assert page.inner_text(".fc-side").lower() == "answer" and page.inner_text(".fc-text") != front
    page.keyboard.press("ArrowRight")
    assert page.inner_text(".fc-counter").startswith("Card 2 of ") and page.inner_text(".fc-side").lower() == "prompt"
    page.keyboard.press("ArrowLeft")
    assert page.inner_text(".fc-counter").startswith("Card 1 of ")
    assert page.evaluate("() => window.scrollY") == 0, "Space scrolled the page instead of flipping the card"


def test_study_plan_progress_persists_and_resets(visit, base_url):
    page, seen = visit
    page.goto(base_url + "practice/study-plans/", wait_until="load")
    page.wait_for_selector(".plan-progress button")
    boxes = page.locator(".task-list-item input[type=checkbox]")
    assert boxes.count() > 20
    # A reader clicks the task's text, not the 20 px box.
    tasks = page.locator(".task-list-item > label")
    tasks.nth(0).click(position={"x": 60, "y": 8})
    tasks.nth(3).click(position={"x": 60, "y": 8})
    assert boxes.nth(0).is_checked() and boxes.nth(3).is_checked(), "clicking a task's text does not tick it"
    page.reload(wait_until="load")
    page.wait_for_selector(".plan-progress button")
    assert boxes.nth(0).is_checked() and boxes.nth(3).is_checked() and not boxes.nth(1).is_checked()
    assert "2 of " in page.inner_text(".plan-progress")
    page.click("text=Reset progress")
    page.reload(wait_until="load")
    page.wait_for_selector(".plan-progress button")
    assert not boxes.nth(0).is_checked() and not boxes.nth(3).is_checked()
    assert not seen.problems("study plans")


def test_study_plan_checkboxes_have_names(visit, base_url):
    """A screen reader announces each checkbox with its task, not just "checkbox"."""
    page, _ = visit
    page.goto(base_url + "practice/study-plans/", wait_until="load")
    page.wait_for_selector(".plan-progress button")
    # Only the plan in the open tab is on screen (and in the accessibility tree).
    names = page.eval_on_selector_all(".task-list-item input[type=checkbox]",
                                      "els => els.filter(e => e.labels.length === 0 || e.labels[0].checkVisibility())"
                                      ".map(e => e.labels.length ? e.labels[0].innerText.trim() : '')")
    unnamed = [i for i, n in enumerate(names) if len(n) < 3]
    assert not unnamed, f"{len(unnamed)} of {len(names)} study-plan checkboxes have no accessible name"
    snapshot = page.locator(".md-content").aria_snapshot()
    # A long name is written as a quoted YAML string: `- 'checkbox "…"'`.
    announced = len(re.findall(r"^\s*- '?checkbox [\"']", snapshot, re.M))
    assert announced == len(names), f"{len(names) - announced} checkboxes are not announced with their task"


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_each_case_summary_prints_on_one_page(browser, base_url, paper):
    from test_print import page_count
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "practice/case-summaries/", wait_until="networkidle")
    page.emulate_media(media="print")
    n_cases = page.locator(".case-summary").count()
    pdf = page.pdf(format=paper, print_background=True)
    context.close()
    assert n_cases >= 6
    assert page_count(pdf) == n_cases, f"{n_cases} case summaries printed on {page_count(pdf)} {paper} pages; each must fit one"
