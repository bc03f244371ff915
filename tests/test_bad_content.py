"""Test the tests: faults planted in a temporary copy of the site make the checks fail loudly."""
import re

import pytest

import sitecheck

CASE = "docs/case-studies/visual-search.md"


@pytest.fixture
def project(tmp_path):
    return sitecheck.copy_project(tmp_path / "copy")


def edit(project, rel, fn):
    path = project / rel
    path.write_text(fn(path.read_text(encoding="utf-8")), encoding="utf-8")


def test_missing_template_section_fails_the_build(project, tmp_path):
    edit(project, CASE, lambda t: re.sub(r"^## Common mistakes\s*$", "## Typical slips", t, flags=re.M))
    result = sitecheck.build(project, tmp_path / "out")
    assert result.returncode != 0, "a case without 'Common mistakes' built cleanly"
    assert 'case-studies/visual-search.md: missing section "## Common mistakes"' in "\n".join(
        sitecheck.warnings_in(result))


def test_dangling_internal_link_fails_the_build(project, tmp_path):
    edit(project, "docs/index.md", lambda t: t + "\nSee [the lost chapter](case-studies/no-such-case.md).\n")
    result = sitecheck.build(project, tmp_path / "out")
    assert result.returncode != 0, "a link to a missing page built cleanly"
    assert any("no-such-case.md" in w for w in sitecheck.warnings_in(result))


def test_dangling_anchor_is_found_by_the_link_check(project, tmp_path):
    edit(project, "docs/index.md", lambda t: t + "\nSee [nowhere](practice/cheat-sheet.md#no-such-heading).\n")
    result = sitecheck.build(project, tmp_path / "out")
    site = tmp_path / "out"
    problems = sitecheck.broken_links(site) if result.returncode == 0 else sitecheck.warnings_in(result)
    assert any("no-such-heading" in p for p in problems), problems


def test_broken_mermaid_fails_in_the_browser(project, tmp_path, browser):
    edit(project, CASE, lambda t: t.replace("```mermaid\n", "```mermaid\n%% planted fault\n", 1)
         .replace("-->", "-->>-- ((", 1))
    root = tmp_path / "served"
    result = sitecheck.build(project, root / sitecheck.SUBPATH)
    assert result.returncode == 0, result.stderr
    server = sitecheck.Server(root)
    try:
        context = browser.new_context()
        page = context.new_page()
        seen = sitecheck.Visit(server.origin)
        seen.attach(context, page)
        rel = "case-studies/visual-search/"
        page.goto(f"{server.origin}/{sitecheck.SUBPATH}/{rel}", wait_until="load")
        expected = sitecheck.diagram_count(root / sitecheck.SUBPATH, rel)
        problems = sitecheck.wait_for_diagrams(page, expected, rel, timeout_ms=8000)
        problems += seen.problems(rel)
        context.close()
    finally:
        server.close()
    assert any("check its Mermaid syntax" in p for p in problems), problems
    assert any("error" in p for p in problems), problems


def test_offsite_request_is_caught(browser, server, base_url):
    context = browser.new_context()
    page = context.new_page()
    seen = sitecheck.Visit(server.origin)
    seen.attach(context, page)
    page.goto(base_url, wait_until="load")
    page.evaluate("() => fetch('https://cdn.example.org/lib.js').catch(() => null)")
    page.wait_for_timeout(300)
    context.close()
    assert any("cdn.example.org" in p for p in seen.problems("home")), seen.problems("home")
