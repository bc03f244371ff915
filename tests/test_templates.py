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


def test_comparison_lists_every_case_and_a_new_case_appears(tmp_path):
    """The comparison page is generated: a case added later gets its rows without editing it,
    and a case page missing a comparison field fails the build naming the page and the field."""
    import html
    import re
    import shutil
    project = sitecheck.copy_project(tmp_path / "project")
    new = project / "docs" / "case-studies" / "planted-case.md"
    shutil.copy(DOCS / "case-studies" / "visual-search.md", new)
    text = new.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", "title: Planted comparison case", text, count=1, flags=re.M)
    new.write_text(text, encoding="utf-8")
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text().replace(
        "      - Visual search: case-studies/visual-search.md\n",
        "      - Visual search: case-studies/visual-search.md\n      - case-studies/planted-case.md\n", 1))
    site = tmp_path / "site"
    result = sitecheck.build(project, site)
    assert result.returncode == 0, sitecheck.warnings_in(result)
    page = (site / "reference" / "case-comparison" / "index.html").read_text(encoding="utf-8")
    page = html.unescape(re.sub(r"<[^>]+>", "", page.split('class="md-content"', 1)[1]))
    assert page.count("Planted comparison case") == 6, "the new case is not in each of the six comparison tables"
    for case in sorted((DOCS / "case-studies").glob("*.md")) + sorted((DOCS / "llm-systems").glob("*.md")):
        if case.name != "index.md":
            _, meta = get_data(case.read_text(encoding="utf-8"))
            assert meta["title"] in page, f"{case.name} is missing from the comparison page"
    new.write_text(re.sub(r"^twist: .*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    result = sitecheck.build(project, tmp_path / "site2")
    assert result.returncode != 0
    assert any("case-studies/planted-case.md" in w and "`twist`" in w for w in sitecheck.warnings_in(result)), \
        sitecheck.warnings_in(result)
