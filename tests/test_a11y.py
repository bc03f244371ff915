"""axe-core finds no serious or critical violation on each page type, light and dark."""
import pytest

import sitecheck

AXE = sitecheck.ROOT / "node_modules" / "axe-core" / "axe.min.js"
# One page of each page type (the first of its folder, in file order).
SAMPLES = ["", "framework/", "case-studies/", "practice/cheat-sheet/", "reference/glossary/"]


def samples(site):
    found = list(SAMPLES)
    for folder in ("framework", "case-studies", "building-blocks", "practice", "reference"):
        pages = [p for p in sitecheck.html_pages(site) if p.startswith(folder + "/") and p != folder + "/"]
        if pages:
            found.append(pages[0])
    return sorted(set(p for p in found if (site / p / "index.html").exists()))


def violations(page) -> list[str]:
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
    for rel in samples(site):
        page.goto(base_url + rel, wait_until="load")
        sitecheck.wait_for_diagrams(page, sitecheck.diagram_count(site, rel), rel)
        problems += [f"{rel or 'home page'} ({scheme}): {v}" for v in violations(page)]
    context.close()
    assert not problems, "\n".join(problems)
