"""axe-core finds no serious or critical violation on any page, light and dark, after the
page's scripts have built their controls (diagrams, calculators, filters, flashcards, plans)."""
import pytest

import sitecheck

AXE = sitecheck.ROOT / "node_modules" / "axe-core" / "axe.min.js"


def violations(page) -> list[str]:
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    out = []
    for v in result["violations"]:
        if v["impact"] in ("serious", "critical"):
            targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
            out.append(f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {targets})")
    return out


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(browser, base_url, site, scheme):
    assert AXE.exists(), "axe-core is not installed: run `make install`"
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    pages = sitecheck.html_pages(site)
    for rel in pages:
        page.goto(base_url + rel, wait_until="load")
        sitecheck.wait_for_diagrams(page, sitecheck.diagram_count(site, rel), rel)
        page.wait_for_load_state("networkidle")
        problems += [f"{rel or 'home page'} ({scheme}): {v}" for v in violations(page)]
    context.close()
    assert len(pages) > 40, f"only {len(pages)} pages checked"
    assert not problems, "\n".join(problems)
