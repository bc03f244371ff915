"""Every page in real Chromium: no errors, no other hosts, every diagram rendered."""
import pytest

import sitecheck



def check_page(page, seen, base_url, site, rel) -> list[str]:
    where = rel or "home page"
    page.goto(base_url + rel, wait_until="load")
    expected = sitecheck.diagram_count(site, rel)
    problems = sitecheck.wait_for_diagrams(page, expected, where)
    page.wait_for_load_state("networkidle")
    return problems + seen.problems(where)


def test_every_page_loads_clean(visit, base_url, site):
    page, seen = visit
    problems = []
    for rel in sitecheck.html_pages(site):
        problems += check_page(page, seen, base_url, site, rel)
        seen.console_errors.clear(), seen.page_errors.clear(), seen.offsite.clear()
    assert not problems, "\n".join(problems)


def diagram_pages(site):
    return [rel for rel in sitecheck.html_pages(site)
            if sitecheck.diagram_count(site, rel)]


def test_diagrams_render_after_instant_navigation(visit, base_url, site):
    """Open a page without diagrams, then follow in-site links (Material's instant loading)."""
    page, seen = visit
    targets = diagram_pages(site)[:2]
    assert targets, "no page has a Mermaid diagram"
    page.goto(base_url + "reference/glossary/", wait_until="load")
    problems = []
    for rel in targets:
        expected = sitecheck.diagram_count(site, rel)
        page.evaluate("url => { const a = document.createElement('a'); a.href = url; "
                      "document.querySelector('.md-content').appendChild(a); a.click(); }", base_url + rel)
        page.wait_for_url(base_url + rel)
        problems += sitecheck.wait_for_diagrams(page, expected, f"{rel} (instant navigation)")
    assert page.evaluate("() => !!document.querySelector('[data-md-component=container]')")
    assert not problems + seen.problems("instant navigation"), "\n".join(problems + seen.problems("nav"))


def test_only_the_local_mermaid_library_loads(visit, base_url, site):
    page, seen = visit
    rel = diagram_pages(site)[0]
    page.goto(base_url + rel, wait_until="load")
    sitecheck.wait_for_diagrams(page, 1, rel)
    mermaid = [u for u in seen.requests if "mermaid" in u.lower()]
    assert any(u.endswith("/assets/javascripts/mermaid/mermaid.esm.min.mjs") for u in mermaid), mermaid
    assert not seen.offsite, seen.offsite


def test_pages_without_diagrams_do_not_download_mermaid(visit, base_url, site):
    page, seen = visit
    page.goto(base_url + "reference/glossary/", wait_until="networkidle")
    assert not [u for u in seen.requests if "mermaid.esm.min" in u], "a page without diagrams fetched Mermaid"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagrams_follow_the_palette(browser, server, base_url, site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    rel = diagram_pages(site)[0]
    page.goto(base_url + rel, wait_until="load")
    assert not sitecheck.wait_for_diagrams(page, sitecheck.diagram_count(site, rel), rel)
    got = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    context.close()
    assert got == ("slate" if scheme == "dark" else "default"), f"{scheme} OS preference gave palette {got}"
