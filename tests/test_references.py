"""The bibliography is one data file; every entry is cited, every citation resolves."""
import references
import site_hooks
import sitecheck

DOCS = sitecheck.ROOT / "docs"


def cited():
    return {page.relative_to(DOCS).as_posix(): references.cited_ids(page.read_text(encoding="utf-8"))
            for page in DOCS.rglob("*.md")}


def test_every_entry_is_cited_and_every_citation_exists():
    entries = {e["id"] for e in references.load(site_hooks.DATA / "references.yml")}
    used = cited()
    all_used = set().union(*used.values())
    orphans = sorted(entries - all_used)
    unknown = sorted(f"{page}: [@{ref}]" for page, refs in used.items() for ref in refs - entries)
    assert not orphans, f"entries no page cites (remove them or cite them): {orphans}"
    assert not unknown, "citations without an entry in data/references.yml:\n" + "\n".join(unknown)


def test_one_entry_per_publication():
    entries = references.load(site_hooks.DATA / "references.yml")
    urls = [e["url"].rstrip("/").lower() for e in entries]
    dupes = sorted({u for u in urls if urls.count(u) > 1})
    assert not dupes, f"the same link is listed under several ids: {dupes}"


def test_bibliography_page_lists_every_entry_with_citing_pages(site):
    html = (site / "reference/bibliography/index.html").read_text(encoding="utf-8")
    entries = references.load(site_hooks.DATA / "references.yml")
    missing = [e["id"] for e in entries if f'id="{e["id"]}"' not in html]
    assert not missing, f"not on the bibliography page: {missing}"
    assert html.count("Cited on:") == len(entries)
