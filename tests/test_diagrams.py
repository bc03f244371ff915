"""Diagrams a reader can read: label sizes measured in Chromium, the enlarge view, print width."""
import pytest

import sitecheck

FLOOR_PX = 11          # smallest label on screen, desktop and phone, and in the enlarged view
PRINT_FLOOR_PT = 7     # smallest label on paper

# For every figure of the page: the smallest label as rendered (font size in the SVG's units
# times the SVG's rendered scale, which includes CSS transforms such as the enlarge view's zoom).
MEASURE = """async (scope) => {
  await window.siteDiagrams.renderAll();
  const figures = scope === 'viewer' ? [document.querySelector('dialog.diagram-viewer')]
                                     : [...document.querySelectorAll('figure.diagram')];
  return figures.map(f => {
    const host = f.querySelector('div.mermaid');
    if (!host) return {caption: f.id + ' (' + (f.dataset.rendered || 'not rendered') + ')', px: 0, label: 'no SVG'};
    const svg = host.shadowRoot.querySelector('svg');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    let min = Infinity, label = '';
    for (const e of svg.querySelectorAll('text, tspan, foreignObject span, foreignObject p, foreignObject div')) {
      if (!e.textContent.trim() || !e.getClientRects().length) continue;
      const px = parseFloat(getComputedStyle(e).fontSize) * scale;
      if (px < min) { min = px; label = e.textContent.trim().slice(0, 40); }
    }
    const caption = (f.querySelector('figcaption, .diagram-viewer__title') || {}).firstChild;
    return {caption: caption ? caption.textContent.trim() : f.id, px: min, label};
  });
}"""


def diagram_pages(site):
    return [rel for rel in sitecheck.html_pages(site) if sitecheck.diagram_count(site, rel)]


def open_rendered(page, base_url, rel):
    """Load a page and render all its diagrams now (they otherwise render near the viewport)."""
    page.goto(base_url + rel, wait_until="load")
    page.wait_for_function("() => window.siteDiagrams")
    page.evaluate("() => window.siteDiagrams.renderAll()")


def small_labels(page, base_url, rel, scope="page"):
    page.goto(base_url + rel, wait_until="load")
    page.wait_for_function("() => window.siteDiagrams")
    return page.evaluate(MEASURE, scope)


@pytest.mark.parametrize("viewport", [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_every_label_is_readable_on_the_page(browser, base_url, site, viewport):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    problems, sizes = [], []
    for rel in diagram_pages(site):
        for fig in small_labels(page, base_url, rel):
            sizes.append(fig["px"])
            if fig["px"] < FLOOR_PX - 0.05:
                problems.append(f"{rel} {fig['caption']!r}: label {fig['label']!r} renders at {fig['px']:.1f} px "
                                f"(< {FLOOR_PX} px); redraw it top-to-bottom or split it (CONTRIBUTING.md, Diagrams)")
    context.close()
    assert sizes, "no diagram was measured"
    assert not problems, "\n".join(problems)


def test_enlarge_view_opens_readable_and_closes_with_escape(browser, base_url, site):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    problems = []
    for rel in diagram_pages(site):
        open_rendered(page, base_url, rel)
        buttons = page.locator("figure.diagram .diagram-enlarge")
        for i in range(buttons.count()):
            button = buttons.nth(i)
            if not button.is_visible():
                problems.append(f"{rel}: figure {i + 1} has no visible Enlarge button")
                continue
            button.focus()
            page.keyboard.press("Enter")          # keyboard users open it too
            page.wait_for_selector("dialog.diagram-viewer[open]")
            fig = page.evaluate(MEASURE, "viewer")[0]
            if fig["px"] < FLOOR_PX - 0.05:
                problems.append(f"{rel} {fig['caption']!r}: enlarged label {fig['label']!r} is {fig['px']:.1f} px")
            page.keyboard.press("Escape")
            try:   # the dialog's close event removes it after the key press is handled
                page.wait_for_selector("dialog.diagram-viewer", state="detached", timeout=3000)
            except Exception:  # noqa: BLE001 - reported below
                pass
            if page.locator("dialog.diagram-viewer").count():
                problems.append(f"{rel} {fig['caption']!r}: Escape did not close the enlarged view")
            if not page.evaluate("() => document.activeElement.classList.contains('diagram-enlarge')"):
                problems.append(f"{rel} {fig['caption']!r}: focus did not return to the Enlarge button")
    context.close()
    assert not problems, "\n".join(problems)


def test_enlarge_view_zooms_and_pans(visit, base_url, site):
    page, seen = visit
    rel = diagram_pages(site)[0]
    open_rendered(page, base_url, rel)
    page.locator("figure.diagram .diagram-enlarge").first.click()
    page.wait_for_selector("dialog.diagram-viewer[open]")
    before = page.evaluate(MEASURE, "viewer")[0]["px"]
    page.get_by_role("button", name="Zoom in").click()
    page.wait_for_timeout(300)
    after = page.evaluate(MEASURE, "viewer")[0]["px"]
    assert after > before * 1.1, f"Zoom in changed the label size from {before:.1f} to {after:.1f} px"
    box = page.locator("dialog.diagram-viewer div.mermaid")
    x0 = box.bounding_box()["x"]
    page.locator(".diagram-viewer__stage").press("ArrowLeft")
    page.wait_for_timeout(200)
    assert box.bounding_box()["x"] != x0, "the arrow keys do not pan the enlarged diagram"
    page.get_by_role("button", name="Close the enlarged diagram (Escape)").click()
    assert not page.locator("dialog.diagram-viewer").count()
    assert not seen.problems(rel)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_enlarge_view_follows_the_palette(browser, base_url, site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    rel = diagram_pages(site)[0]
    open_rendered(page, base_url, rel)
    page.locator("figure.diagram .diagram-enlarge").first.click()
    page.wait_for_selector("dialog.diagram-viewer[open]")
    colours = page.evaluate("""() => {
        const d = document.querySelector('dialog.diagram-viewer');
        const svg = d.querySelector('div.mermaid').shadowRoot.querySelector('svg');
        const label = svg.querySelector('.nodeLabel, text');
        return {bg: getComputedStyle(d).backgroundColor, page: getComputedStyle(document.body).backgroundColor,
                label: getComputedStyle(label).color};
    }""")
    context.close()
    assert colours["bg"] == colours["page"], f"{scheme}: the enlarged view's background {colours['bg']} is not the page's"
    assert colours["label"] != colours["bg"], f"{scheme}: diagram labels have the background colour"


def test_printed_diagrams_fill_the_width_with_readable_labels(browser, base_url, site):
    """In print a figure takes the full text width; its labels stay at 7 pt or more."""
    context = browser.new_context(viewport={"width": 720, "height": 1000})   # ≈ A4 text width at 96 dpi
    page = context.new_page()
    problems = []
    for rel in diagram_pages(site):
        open_rendered(page, base_url, rel)
        page.emulate_media(media="print")
        for fig in page.evaluate(MEASURE, "page"):
            pt = fig["px"] * 72 / 96
            if pt < PRINT_FLOOR_PT - 0.05:
                problems.append(f"{rel} {fig['caption']!r}: prints label {fig['label']!r} at {pt:.1f} pt "
                                f"(< {PRINT_FLOOR_PT} pt); redraw it narrower")
        page.emulate_media(media="screen")
    context.close()
    assert not problems, "\n".join(problems)
