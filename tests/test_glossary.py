"""The glossary is the single source of abbreviations: every one a page uses is in it."""
from mkdocs.utils.meta import get_data

import glossary
import site_hooks
import sitecheck

DOCS = sitecheck.ROOT / "docs"
MIN_ENTRIES = 150


def test_every_abbreviation_used_is_in_the_glossary():
    known = glossary.covered(glossary.load(site_hooks.GLOSSARY))
    missing = {}
    for page in sorted(DOCS.rglob("*.md")):
        for abbr in sorted(glossary.abbreviations_used(page.read_text(encoding="utf-8")) - known):
            missing.setdefault(abbr, []).append(page.relative_to(DOCS).as_posix())
    assert not missing, "add these abbreviations to data/glossary.yml (abbr or aliases):\n" + "\n".join(
        f"  {a}: used in {', '.join(p[:3])}" for a, p in sorted(missing.items()))


def test_glossary_links_point_at_pages_that_exist():
    bad = []
    for e in glossary.load(site_hooks.GLOSSARY):
        path, _, _ = e["see"].partition("#")
        if not (DOCS / path).is_file():
            bad.append(f"{e['term']}: `see: {e['see']}` is not a page under docs/")
    assert not bad, "\n".join(bad)


def test_glossary_is_large_enough():
    n = len(glossary.load(site_hooks.GLOSSARY))
    assert n >= MIN_ENTRIES, f"data/glossary.yml has {n} entries; the site needs at least {MIN_ENTRIES}"


def test_tooltips_appear_on_pages(site):
    html = (site / "practice/cheat-sheet/index.html").read_text(encoding="utf-8")
    assert '<abbr title="Click-through rate:' in html, "abbreviations are not turned into tooltips"
