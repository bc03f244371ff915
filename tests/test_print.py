"""The cheat sheet prints on at most two pages (A4 and Letter), readable and without chrome."""
import re

import pytest

CHEAT = "practice/cheat-sheet/"
MIN_PT = 8


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.fixture
def printed(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + CHEAT, wait_until="networkidle")
    page.emulate_media(media="print")
    yield page
    context.close()


def squash(text: str) -> str:
    """Text compared without spaces, line breaks or hyphenation (PDF text wraps differently)."""
    return re.sub(r"[\s\u00ad-]+", "", text).lower()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_cheat_sheet_fits_two_pages(printed, paper):
    pdf = printed.pdf(format=paper, print_background=True, prefer_css_page_size=False)
    n = page_count(pdf)
    assert 1 <= n <= 2, f"the cheat sheet prints on {n} {paper} pages; it must fit on 2 (trim it or tighten print CSS)"


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printed_cheat_sheet_keeps_every_table_cell(printed, paper):
    """Read the PDF back: every header and cell of every table is on paper, none clipped."""
    import io

    from pypdf import PdfReader
    pdf = printed.pdf(format=paper, print_background=True, prefer_css_page_size=False)
    text = squash(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages))
    cells = printed.eval_on_selector_all(".md-content table th, .md-content table td", "els => els.map(e => e.innerText)")
    assert len(cells) > 40, f"only {len(cells)} table cells found on the cheat sheet"
    missing = [c for c in cells if squash(c) and squash(c) not in text]
    assert not missing, f"{len(missing)} of {len(cells)} table cells are missing from the printed {paper} text: {missing[:8]}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_cheat_sheet_prints_dark_on_white(browser, base_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + CHEAT, wait_until="load")
    page.emulate_media(media="print", color_scheme=scheme)
    colours = page.evaluate("""() => ({
        body: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.querySelector('.md-typeset p, .md-typeset li')).color,
        cell: getComputedStyle(document.querySelector('.md-typeset td')).color })""")
    context.close()
    assert colours["body"] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), f"{scheme}: printed page background {colours['body']}"
    for key in ("text", "cell"):
        rgb = [int(x) for x in re.findall(r"\d+", colours[key])[:3]]
        assert max(rgb) < 100, f"{scheme}: printed {key} colour {colours[key]} is not dark"


def test_cheat_sheet_numbers_steps_as_the_navigation_does(printed):
    text = printed.inner_text(".md-content")
    for n in ("2a.", "2b."):
        assert n in text, f"the cheat sheet does not number a step {n} as the navigation does"
    assert text.count("\n2. ") == 0, "two steps are both numbered 2."


def test_print_hides_site_chrome(printed):
    shown = printed.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar--primary',
        '.md-sidebar--secondary', '.md-footer', '.md-search', '.md-top']
        .filter(s => { const e = document.querySelector(s);
                       return e && getComputedStyle(e).display !== 'none'; })""")
    assert not shown, f"visible in print: {shown}"


def test_print_text_is_at_least_8pt(printed):
    small = printed.evaluate("""min => {
        const out = [];
        for (const e of document.querySelectorAll('.md-content *')) {
            if (!e.offsetParent || !e.textContent.trim()) continue;
            const px = parseFloat(getComputedStyle(e).fontSize);
            if (px < min * 96 / 72 - 0.01) out.push(`${e.tagName}.${e.className}: ${px}px`);
        }
        return out.slice(0, 10);
    }""", MIN_PT)
    assert not small, f"text below {MIN_PT} pt in print: {small}"


def test_print_shows_no_link_urls_or_clipped_tables(printed):
    info = printed.evaluate("""() => ({
        after: [...document.querySelectorAll('.md-content a')]
            .map(a => getComputedStyle(a, '::after').content).filter(c => c && c !== 'none' && c !== 'normal'),
        clipped: [...document.querySelectorAll('.md-content table, .md-content pre')]
            .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.slice(0, 40)),
    })""")
    assert not info["after"], f"link URLs printed inline: {info['after'][:5]}"
    assert not info["clipped"], f"clipped in print (too wide): {info['clipped']}"


def test_print_keeps_tables_and_figures_whole(printed):
    split = printed.evaluate("""() => [...document.querySelectorAll('.md-content table, .md-content figure, .md-content pre')]
        .filter(e => !['avoid', 'avoid-page'].includes(getComputedStyle(e).breakInside))
        .map(e => e.tagName + ': ' + e.textContent.slice(0, 30))""")
    assert not split, f"may be split across printed pages (set break-inside: avoid): {split}"
