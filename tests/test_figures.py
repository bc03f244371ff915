"""One number, one place: shared figures come from data/figures.yml, and no page contradicts them."""
import html
import re

import shared_figures
import sitecheck

FIGURES = sitecheck.ROOT / "data" / "figures.yml"


def test_no_page_states_a_shared_figure_with_another_value():
    figures = shared_figures.load(FIGURES)
    problems = []
    for page in sorted((sitecheck.ROOT / "docs").rglob("*.md")):
        rel = page.relative_to(sitecheck.ROOT).as_posix()
        problems += shared_figures.contradictions(rel, page.read_text(encoding="utf-8"), figures)
    assert not problems, "\n".join(problems)


def test_the_check_catches_a_retyped_figure():
    figures = shared_figures.load(FIGURES)
    bad = "Each A100-class GPU encodes ~3,000 images/s for ViT-B/16 in fp16."
    found = shared_figures.contradictions("planted.md", bad, figures)
    assert found and "planted.md:1" in found[0] and "vit-b16-a100-images-per-s" in found[0]
    good = "Each A100-class GPU encodes {{ fig:vit-b16-a100-images-per-s }} for ViT-B/16."
    assert not shared_figures.contradictions("planted.md", good, figures)


def test_markers_expand_and_unknown_ids_are_reported():
    figures = shared_figures.load(FIGURES)
    text, unknown = shared_figures.expand("{{ fig:h100-memory }} and {{ fig:h100-memory:n }} and {{ fig:nope }}", figures)
    assert text.startswith("80 GB and 80 and ") and unknown == ["nope"]


def test_the_numbers_page_and_cheat_sheet_render_from_the_data(site):
    figures = shared_figures.load(FIGURES)
    numbers = (site / "reference" / "numbers" / "index.html").read_text(encoding="utf-8")
    for fig in figures.values():
        assert shared_figures.render(fig).split(" ")[0] in numbers, f"{fig['id']} missing from the numbers page"
    cheat = html.unescape(re.sub(r"<[^>]+>", "", (site / "practice" / "cheat-sheet" / "index.html").read_text(encoding="utf-8")))
    for fig in (f for f in figures.values() if f.get("cheat")):
        shown = f"{fig.get('short') or fig['label'].split(' (')[0]} {shared_figures.render(fig)}"
        assert shown in cheat, f"{fig['id']} is marked for the cheat sheet but {shown!r} is not on it"


def test_calculators_read_the_shared_figures(site):
    module = (site / "assets" / "javascripts" / "calc" / "figures.mjs").read_text(encoding="utf-8")
    assert '"h100-memory": 80' in module
