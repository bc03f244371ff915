"""Unit tests of the build's modules in scripts/."""
from pathlib import Path

import pytest

import figures
import generated
import glossary
import pagetypes
import site_hooks

CASE_META = {k: ["x"] if k in pagetypes.LIST_KEYS else "x" for k in pagetypes.CASE_KEYS}
CASE_META["difficulty"] = "medium"


def case_markdown(sections=pagetypes.CASE_SECTIONS, diagrams=2, refs=5, followups=8, words=4000):
    parts = ["word " * words]
    for name in sections:
        parts.append(f"## {name}\n\nText.\n")
        if name == "High-level design":
            parts += ["```mermaid\nflowchart LR\n    accTitle: Flow\n    A --> B\n```\n"] * diagrams
        if name == "Follow-up questions":
            parts += [f'??? question "Q{i}?"\n    Answer.\n' for i in range(followups)]
        if name == "Further reading":
            parts += [f"- [@ref{i}]: why\n" for i in range(refs)]
    return "\n".join(parts)


# -------------------------------------------------------------------------- pagetypes

def test_page_type_by_folder():
    assert pagetypes.page_type("index.md").name == "home"
    assert pagetypes.page_type("case-studies/index.md").name == "section index"
    assert pagetypes.page_type("case-studies/visual-search.md").name == "case study"
    assert pagetypes.page_type("framework/model.md").name == "framework step"
    assert pagetypes.page_type("building-blocks/ann.md").name == "building block"
    assert pagetypes.page_type("reference/glossary.md").name == "reference"


def test_complete_case_passes():
    assert pagetypes.check_page("case-studies/x.md", CASE_META, case_markdown()) == []


def test_missing_section_is_named():
    sections = [s for s in pagetypes.CASE_SECTIONS if s != "Evaluation"]
    problems = pagetypes.check_page("case-studies/x.md", CASE_META, case_markdown(sections))
    assert problems == ['missing section "## Evaluation"']


def test_out_of_order_section_is_named():
    sections = list(pagetypes.CASE_SECTIONS)
    sections.remove("Data")
    sections.insert(sections.index("Model") + 1, "Data")
    problems = pagetypes.check_page("case-studies/x.md", CASE_META, case_markdown(sections))
    assert problems == ['section "## Model" is out of order: it must come after "## Data"'], problems


def test_counts_and_front_matter_are_checked():
    meta = dict(CASE_META, difficulty="brutal")
    del meta["pattern"]
    problems = pagetypes.check_page("case-studies/x.md", meta, case_markdown(diagrams=1, refs=4, followups=7))
    text = "\n".join(problems)
    for part in ("lacks `pattern`", "1 Mermaid diagram", "lists 4 reference", "7 collapsible", "'brutal'"):
        assert part in text, f"{part!r} not reported in {problems}"


def test_diagram_without_acctitle_and_h1_are_reported():
    md = case_markdown().replace("    accTitle: Flow\n", "", 1) + "\n# Stray title\n"
    problems = pagetypes.check_page("case-studies/x.md", CASE_META, md)
    assert any("diagram 1 has no `accTitle:`" in p for p in problems)
    assert any("H1" in p for p in problems)


def test_headings_inside_code_fences_do_not_count():
    md = "```text\n## Why this step matters\n```\n"
    assert pagetypes.h2_sections(md) == []


def test_short_pages_are_reported():
    problems = pagetypes.check_page("case-studies/x.md", CASE_META, case_markdown(words=100))
    assert any("a case study needs at least 4000" in p for p in problems), problems


def test_step_cheat_sheet_lines_are_bounded():
    md = "\n".join(f"## {s if isinstance(s, str) else s[1]}\n\nText.\n" for s in pagetypes.STEP_SECTIONS)
    md = md.replace("```", "") + "\n```mermaid\nflowchart LR\n    accTitle: T\n    A --> B\n```\n"
    meta = {"title": "T", "step": 9, "minutes": 5, "summary": "S"}
    problems = pagetypes.check_page("framework/t.md", meta, md)
    assert any("`step` must be" in p for p in problems)
    assert any("Cheat-sheet lines" in p and "0 bullet" in p for p in problems)


# -------------------------------------------------------------------------- glossary

ENTRIES = [
    {"term": "Click-through rate", "abbr": "CTR", "definition": "Clicks over impressions.", "see": "a/b.md#x"},
    {"term": "approximate nearest neighbor", "abbr": "ANN", "definition": "Fast search.", "see": "c.md"},
]


def test_abbreviations_and_tooltips():
    text = glossary.abbreviations(ENTRIES)
    assert "*[CTR]: Click-through rate: Clicks over impressions." in text
    assert text.count("*[") == 2 and "\n\n*[" in text      # one block per definition
    only = glossary.abbreviations(ENTRIES, "We track CTR daily; CTRs vary. ANNEX is another word.")
    assert only.count("*[") == 1 and "*[CTR]" in only


def test_glossary_validation_catches_duplicates_and_gaps():
    bad = ENTRIES + [{"term": "click-through rate", "abbr": "CTR", "definition": "again"}]
    problems = glossary.validate(bad)
    assert "click-through rate lacks `see`" in problems
    assert "click-through rate is listed twice" in problems
    assert "abbreviation CTR is defined twice" in problems


def test_glossary_render_links_relative_to_the_page():
    md = glossary.render(sorted(ENTRIES, key=lambda e: e["term"].lower()), "reference/glossary.md",
                         {"a/b.md": "Page B"})
    assert "## A" in md and "## C" in md
    assert "See [Page B](../a/b.md#x)." in md and "See [c.md](../c.md)." in md
    assert 'id="click-through-rate"' in md


def test_abbreviations_used_skips_code_links_and_references():
    md = ("---\ntitle: X\n---\nWe use CTR and HNSWs, IVF-PQ.\n`NOTME` and [text](https://X.COM/ABC)\n"
          "```text\nNOPE\n```\n## Further reading\n\n- IEEE paper\n")
    assert glossary.abbreviations_used(md) == {"CTR", "HNSW", "IVF", "PQ"}


def test_the_real_glossary_loads():
    entries = glossary.load(site_hooks.GLOSSARY)
    assert entries == sorted(entries, key=lambda e: e["term"].lower())


# -------------------------------------------------------------------------- generated

def sources():
    case = generated.Source("case-studies/a.md", dict(CASE_META, title="Alpha", pattern="Do A."), "")
    step = generated.Source("framework/s.md", {"title": "Clarify", "step": 1, "minutes": 5},
                            "## Cheat-sheet lines\n\n- Ask first.\n- Then assume.\n")
    return [case, step, generated.Source("index.md", {}, "")]


def test_case_index_links_relative_to_the_page():
    table = generated.case_index(sources(), "index.md")
    assert "| [Alpha](case-studies/a.md) | medium |" in table
    assert "[Alpha](a.md)" in generated.case_index(sources(), "case-studies/index.md")


def test_step_lines_collect_cheat_sheet_lines():
    md = generated.step_lines(sources(), "practice/cheat-sheet.md")
    assert "**1. [Clarify](../framework/s.md)** · 5 min" in md
    assert "- Ask first.\n- Then assume." in md
    assert md.endswith("Total: 5 minutes.")


def test_expand_replaces_markers_and_rejects_unknown():
    md = "Intro\n<!-- generated: case-patterns -->\nEnd"
    assert "- **[Alpha](case-studies/a.md)**: Do A." in generated.expand(md, sources(), "index.md")
    with pytest.raises(KeyError, match="unknown generated block"):
        generated.expand("<!-- generated: nope -->", sources(), "index.md")


def test_read_sources_follows_nav_order(tmp_path):
    for name in ("b.md", "a.md", "c.md"):
        (tmp_path / name).write_text(f"---\ntitle: {name}\n---\nBody\n")
    got = [s.path for s in generated.read_sources(tmp_path, ["c.md", "a.md"])]
    assert got == ["c.md", "a.md", "b.md"]


# -------------------------------------------------------------------------- figures and hooks

def test_captions_from_acctitle():
    html = '<p>x</p><pre class="mermaid"><code>flowchart LR\n    accTitle: Serving &amp; training\nA--&gt;B</code></pre>'
    out, n = figures.add_captions(html)
    assert n == 1
    assert out.startswith('<p>x</p><figure class="diagram" id="diagram-1"><script type="text/x-mermaid" class="diagram-source">')
    assert "<figcaption>Figure 1. Serving &amp; training</figcaption></figure>" in out
    assert 'class="mermaid"' not in out, "Material's own renderer must not see the block"
    assert figures.sources(out) == ["flowchart LR\n    accTitle: Serving & training\nA-->B"]


def test_nav_order_flattens_sections():
    nav = ["index.md", {"A": ["a/index.md", {"One": "a/one.md"}]}, {"B": "b.md"}]
    assert site_hooks.nav_order(nav) == ["index.md", "a/index.md", "a/one.md", "b.md"]


def test_git_date_outside_git_is_empty(tmp_path):
    f = tmp_path / "x.md"
    f.write_text("x")
    assert site_hooks.git_date(f) == ""


def test_git_date_of_a_committed_file():
    date = site_hooks.git_date(Path(site_hooks.__file__))
    assert date == "" or len(date) == 10 and date[4] == "-"


# -------------------------------------------------------------------------- external link check

def test_external_links_are_collected_per_page(tmp_path):
    import linkcheck_external
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<a href="https://arxiv.org/abs/1603.09320#x">p</a> <a href="../b/">local</a>'
        '<a class="md-source" href="https://github.com/o/r">repo</a> <a href="https://doi.org/10.1/x?a=1&amp;b=2">d</a>')
    (tmp_path / "index.html").write_text('<a href="https://arxiv.org/abs/1603.09320">p</a>')
    found = linkcheck_external.external_links(tmp_path)
    assert found == {"https://arxiv.org/abs/1603.09320": {"a/index.html", "index.html"},
                     "https://doi.org/10.1/x?a=1&b=2": {"a/index.html"}}


def test_unreachable_url_is_reported():
    import linkcheck_external
    # Port 9 on loopback refuses at once: no network is touched.
    assert linkcheck_external.status("http://127.0.0.1:9/", timeout=2) is not None


def test_aliases_give_tooltips_and_coverage():
    entries = [{"term": "Inverted file with product quantization", "abbr": "IVF-PQ", "aliases": ["IVFPQ"],
                "definition": "An ANN index.", "see": "x.md"}]
    assert "*[IVFPQ]: Inverted file" in glossary.abbreviations(entries)
    assert {"IVF", "PQ", "IVFPQ", "GB"} <= glossary.covered(entries)


# -------------------------------------------------------------------------- practice kit

def test_practice_load_reports_missing_keys_and_bad_values(tmp_path):
    import practice
    f = tmp_path / "q.yml"
    f.write_text("- {id: a, step: nowhere, topic: t, difficulty: brutal, question: q, answer: a}\n")
    with pytest.raises(ValueError) as e:
        practice.load(f, "questions")
    msg = str(e.value)
    assert "a lacks `see`" in msg and "difficulty must be" in msg and "step must be" in msg


def test_question_bank_groups_by_step_and_links_relative():
    import practice
    qs = [{"id": "m1", "step": "model", "topic": "losses", "difficulty": "easy", "question": "Why <focal>?",
           "answer": "Because.", "see": "framework/model.md#x"},
          {"id": "r1", "step": "requirements", "topic": "metrics", "difficulty": "hard", "question": "Q?",
           "answer": "A.", "see": "framework/clarify-requirements.md"}]
    md = practice.question_bank(qs, "practice/question-bank.md")
    assert md.index("## Clarify requirements") < md.index("## Model selection and training")
    assert "Why &lt;focal&gt;?" in md and "(../framework/model.md#x)" in md
    assert 'data-topics="losses|metrics"' in md


def test_rebase_links_between_folders():
    md = "See [a](video-recommendation.md#x), [b](../framework/model.md) and [c](https://e.org/a.md)."
    out = generated.rebase_links(md, "case-studies/visual-search.md", "practice/case-summaries.md")
    assert "[a](../case-studies/video-recommendation.md#x)" in out
    assert "[b](../framework/model.md)" in out and "[c](https://e.org/a.md)" in out


def test_topic_labels():
    import practice
    assert practice.topic_label("responsible-ml") == "Responsible ML"
    assert practice.topic_label("feature-store") == "Feature store"


def test_glossary_groups_terms_starting_with_digits():
    entries = [{"term": "8-bit integer", "definition": "d", "see": "x.md"},
               {"term": "99th percentile", "definition": "d", "see": "x.md"},
               {"term": "Alpha", "definition": "d", "see": "x.md"}]
    md = glossary.render(entries, "reference/glossary.md")
    assert md.count("## 0–9") == 1 and "## A" in md and "## #" not in md


def test_block_index_lists_building_blocks_only():
    srcs = sources() + [generated.Source("building-blocks/ann.md", {"title": "ANN", "summary": "Fast search."}, "")]
    md = generated.block_index(srcs, "building-blocks/index.md")
    assert md == "- **[ANN](ann.md)**: Fast search."


def test_case_further_reading_must_cite_the_bibliography():
    md = case_markdown().replace("- [@ref0]: why", "- Some paper typed by hand")
    problems = pagetypes.check_page("case-studies/x.md", CASE_META, md)
    assert any("not cited from data/references.yml" in p for p in problems), problems


# -------------------------------------------------------------------------- references

def test_references_load_validate_and_cite(tmp_path):
    import references
    f = tmp_path / "r.yml"
    f.write_text("- {id: he2014practical, title: Practical Lessons, authors: Xinran He et al., venue: ADKDD 2014,"
                 " year: 2014, url: 'https://doi.org/10.1145/2648584.2648589'}\n"
                 "- {id: Bad-Id, title: T, authors: A, venue: V, year: 14, url: 'http://x'}\n")
    with pytest.raises(ValueError) as e:
        references.load(f)
    assert "lowercase letters and digits" in str(e.value) and "https://" in str(e.value) and "not a year" in str(e.value)
    f.write_text(f.read_text().splitlines()[0] + "\n")
    entries = references.load(f)
    md, unknown = references.expand("- [@he2014practical]: freshness.\n- [@nope2020x]: gone", {e["id"]: e for e in entries})
    assert "- Xinran He et al. (2014). [Practical Lessons](https://doi.org/10.1145/2648584.2648589). ADKDD 2014. — freshness." in md
    assert unknown == ["nope2020x"]


def test_bibliography_lists_citing_pages():
    import references
    entries = [{"id": "a2020x", "title": "T", "authors": "A", "venue": "V", "year": 2020, "url": "https://a"}]
    srcs = [generated.Source("case-studies/c.md", {"title": "Case C"}, "- [@a2020x]: note")]
    md = references.bibliography(entries, srcs, "reference/bibliography.md")
    assert '<span id="a2020x"></span>A (2020). [T](https://a). V. Cited on: [Case C](../case-studies/c.md).' in md
