"""The strict build passes with zero warnings, and emits what the site needs."""
import sitecheck


def test_strict_build_has_no_warnings(built):
    result, _ = built
    warnings = sitecheck.warnings_in(result)
    assert result.returncode == 0 and not warnings, (
        "mkdocs build --strict must pass with zero warnings; fix these:\n" + "\n".join(warnings)
        + (f"\n{result.stderr[-3000:]}" if result.returncode else ""))


def test_mermaid_is_served_from_the_site(site):
    lib = site / "assets/javascripts/mermaid"
    assert (lib / "mermaid.esm.min.mjs").exists(), "Mermaid's ESM build was not copied into the site"
    chunks = list((lib / "chunks/mermaid.esm.min").glob("*.mjs"))
    assert len(chunks) > 50, f"only {len(chunks)} Mermaid chunks were copied"


def test_no_page_names_a_cdn(site):
    hosts = ("unpkg.com", "jsdelivr", "cdnjs", "fonts.googleapis", "fonts.gstatic")
    offenders = [f"{p.relative_to(site)} names {h}" for p in site.rglob("*.html")
                 for h in hosts if h in p.read_text(encoding="utf-8")]
    assert not offenders, "pages must load nothing from other hosts:\n" + "\n".join(offenders)
