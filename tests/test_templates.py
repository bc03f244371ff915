"""Every page follows its page type's template (the same check the build runs)."""
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

import pagetypes
import sitecheck

DOCS = sitecheck.ROOT / "docs"
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))


@pytest.mark.parametrize("path", PAGES)
def test_page_follows_its_template(path):
    markdown, meta = get_data((DOCS / path).read_text(encoding="utf-8"))
    problems = pagetypes.check_page(path, meta, markdown)
    kind = pagetypes.page_type(path).name
    assert not problems, f"docs/{path} ({kind}):\n  " + "\n  ".join(problems)


def test_every_page_type_has_a_sample():
    kinds = {pagetypes.page_type(p).name for p in PAGES}
    wanted = {"home", "section index", "case study", "framework step", "building block", "practice", "reference"}
    assert wanted <= kinds, f"no page yet of type(s): {sorted(wanted - kinds)}"


def test_case_pages_link_related_cases_that_exist():
    problems = []
    for path in PAGES:
        if pagetypes.page_type(path).name != "case study":
            continue
        _, meta = get_data((DOCS / path).read_text(encoding="utf-8"))
        for slug in meta.get("related", []):
            if not any((DOCS / folder / f"{slug}.md").exists() for folder in ("case-studies", "llm-systems", "building-blocks")):
                problems.append(f"docs/{path}: related `{slug}` is not a case study or building block")
    assert not problems, "\n".join(problems)
