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


# Material's palette toggle sets these attributes on <body>; setting them re-colours the page
# (diagrams included, through CSS variables) without loading it again.
PALETTES = {"light": {"data-md-color-scheme": "default", "data-md-color-primary": "indigo", "data-md-color-accent": "indigo"},
            "dark": {"data-md-color-scheme": "slate", "data-md-color-primary": "indigo", "data-md-color-accent": "light-blue"}}


def test_no_serious_accessibility_violations(browser, base_url, site):
    """Every page, after its scripts built their controls, in the light and then the dark palette."""
    assert AXE.exists(), "axe-core is not installed: run `make install`"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    pages = sitecheck.html_pages(site)
    for rel in pages:
        page.goto(base_url + rel, wait_until="load")
        sitecheck.wait_for_diagrams(page, sitecheck.diagram_count(site, rel), rel)
        page.wait_for_load_state("networkidle")
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        for scheme, attrs in PALETTES.items():
            page.evaluate("a => Object.entries(a).forEach(([k, v]) => document.body.setAttribute(k, v))", attrs)
            problems += [f"{rel or 'home page'} ({scheme}): {v}" for v in violations(page)]
    context.close()
    assert len(pages) > 40, f"only {len(pages)} pages checked"
    assert not problems, "\n".join(problems)


def test_palette_switch_recolours_the_page(browser, base_url):
    """The dark run above is only meaningful if setting the attributes really changes the colours."""
    page = browser.new_page()
    page.goto(base_url, wait_until="load")
    light = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    page.evaluate("a => Object.entries(a).forEach(([k, v]) => document.body.setAttribute(k, v))", PALETTES["dark"])
    dark = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    page.close()
    assert light != dark, f"the palette attributes did not change the background ({light})"
