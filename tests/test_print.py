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


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_cheat_sheet_fits_two_pages(printed, paper):
    pdf = printed.pdf(format=paper, print_background=True, prefer_css_page_size=False)
    n = page_count(pdf)
    assert 1 <= n <= 2, f"the cheat sheet prints on {n} {paper} pages; it must fit on 2 (trim it or tighten print CSS)"


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
