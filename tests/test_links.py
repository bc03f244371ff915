"""Internal links and anchors in the built site all resolve (under the sub-path)."""
import sitecheck


def test_internal_links_and_anchors_resolve(site):
    problems = sitecheck.broken_links(site)
    assert not problems, f"{len(problems)} broken internal link(s):\n" + "\n".join(problems[:50])


def test_every_h2_of_a_source_is_in_the_built_table_of_contents(site):
    """A `##` heading that a generated block swallowed would be missing from the page's TOC."""
    import html
    import re

    from mkdocs.utils.meta import get_data
    import pagetypes
    problems = []
    for src in sorted((sitecheck.ROOT / "docs").rglob("*.md")):
        rel = src.relative_to(sitecheck.ROOT / "docs").as_posix()
        built = site / ("" if rel == "index.md" else rel[:-3].removesuffix("/index") + "/") / "index.html"
        if not built.exists():
            continue
        markdown, _ = get_data(src.read_text(encoding="utf-8"))
        page_html = built.read_text(encoding="utf-8")
        toc = page_html.split('data-md-component="toc"', 1)[-1].split('class="md-content"', 1)[0]
        toc_text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", toc)))
        for m in pagetypes.H2_RE.finditer(pagetypes.strip_fences(markdown)):
            title = re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", m.group(1)).strip()
            if title not in toc_text:
                problems.append(f"docs/{rel}: heading '## {title}' is not in the built page's table of contents")
    assert not problems, "\n".join(problems)
