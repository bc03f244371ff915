"""MkDocs hooks of the site (registered under `hooks:` in mkdocs.yml).

- Checks every page against its page type's template; a problem is a warning, so the strict
  build fails and names the page and the missing part.
- Expands `<!-- generated: NAME -->` markers (case index, cheat sheet, glossary).
- Appends the glossary's abbreviations to every page (tooltips).
- Replaces `[@id]` citations with entries of data/references.yml (the bibliography).
- Sets each page's last-updated date from git.
- Turns Mermaid blocks into captioned figures rendered by assets/javascripts/mermaid-diagrams.mjs.
- Expands `{{ fig:ID }}` quotes of data/figures.yml (shared figures) and exports them for the calculators.
- Copies Mermaid's ESM build and @panzoom/panzoom from node_modules into the built site, so they
  are served locally.
- Renders the practice kit's data (question bank, flashcards, mock scripts, case summaries)
  and adds the Anki deck built from the flashcards as a site file.
"""
from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent))

import figures  # noqa: E402
import generated  # noqa: E402
import glossary  # noqa: E402
import pagetypes  # noqa: E402
import practice  # noqa: E402
import references  # noqa: E402
import shared_figures  # noqa: E402
import typography  # noqa: E402

log = logging.getLogger("mkdocs.hooks.site")
ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GLOSSARY = DATA / "glossary.yml"
MERMAID_DIST = ROOT / "node_modules" / "mermaid" / "dist"
MERMAID_TARGET = Path("assets") / "javascripts" / "mermaid"
PANZOOM = ROOT / "node_modules" / "@panzoom" / "panzoom" / "dist" / "panzoom.es.js"
PANZOOM_TARGET = Path("assets") / "javascripts" / "panzoom" / "panzoom.es.js"

state: dict = {}


def nav_order(nav) -> list[str]:
    """Page paths in the order the navigation lists them."""
    out = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            out += nav_order(value)
        elif isinstance(value, str):
            out.append(value)
    return out


def git_date(path: Path) -> str:
    """The date of the last commit that touched `path` (YYYY-MM-DD), or "" outside git."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path.name],
                                cwd=path.parent, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def on_pre_build(config, **kwargs):
    docs = Path(config["docs_dir"])
    state["sources"] = generated.read_sources(docs, nav_order(config["nav"]))
    state["glossary"] = glossary.load(GLOSSARY)
    state["references"] = references.load(DATA / "references.yml")
    state["refs_by_id"] = {e["id"]: e for e in state["references"]}
    state["figures"] = shared_figures.load(DATA / "figures.yml")
    for kind in ("questions", "flashcards", "mock-interviews"):
        state[kind] = practice.load(DATA / f"{kind}.yml", kind)
    state["renderers"] = renderers()


def renderers() -> dict:
    """Generated blocks that need data beyond the pages (see generated.RENDERERS for the rest).

    Built once per build, in on_pre_build, after the data they read is loaded."""
    titles = {s.path.rsplit("/", 1)[-1][:-3]: (s.path, s.meta["title"]) for s in generated.cases(state["sources"])}
    return {
        "glossary": lambda sources, at: glossary.render(
            state["glossary"], at, {s.path: s.meta.get("title", s.path) for s in sources}),
        "question-bank": lambda sources, at: practice.question_bank(state["questions"], at),
        "flashcards": lambda sources, at: practice.flashcard_list(state["flashcards"], at),
        "mock-scripts": lambda sources, at: practice.mock_scripts(state["mock-interviews"], at, titles),
        "case-summaries": lambda sources, at: practice.case_summaries(sources, at),
        "bibliography": lambda sources, at: references.bibliography(state["references"], sources, at),
        "numbers": lambda sources, at: shared_figures.numbers_page(state["figures"]),
        "numbers-cheat": lambda sources, at: shared_figures.cheat_table(state["figures"]),
    }


def on_page_markdown(markdown, page, config, files, **kwargs):
    path = page.file.src_uri
    for problem in pagetypes.check_page(path, page.meta, markdown):
        log.warning("%s: %s", path, problem)
    markdown, unknown = shared_figures.expand(markdown, state["figures"])
    for name in unknown:
        log.warning("%s: quotes {{ fig:%s }}, which is not in data/figures.yml", path, name)
    markdown = generated.expand(markdown, state["sources"], path, state["renderers"])
    markdown, unknown = references.expand(markdown, state["refs_by_id"])
    for ref in unknown:
        log.warning("%s: cites [@%s], which is not in data/references.yml", path, ref)
    if pagetypes.page_type(path).name == "case study" and page.meta.get("reviewed"):
        markdown = reviewed_line(page.meta["reviewed"], path) + markdown
    markdown = typography.prose_powers(markdown)
    date = git_date(Path(page.file.abs_src_path))
    if date:
        page.meta["revision_date"] = date
    return f"{markdown}\n\n{glossary.abbreviations(state['glossary'], markdown)}\n"


def reviewed_line(reviewed, path: str) -> str:
    """The line at the top of a case page saying when its facts and numbers were last checked."""
    link = generated.relative_link("reference/changelog.md", path)
    return (f"Last reviewed {reviewed}: every number and reference re-checked · [what changed]({link})\n"
            "{: .case-reviewed }\n\n")


def on_page_content(html, page, **kwargs):
    html, _ = figures.add_captions(html)
    if page.is_homepage and "<h1" not in html:
        # Material would title the home page with its navigation label ("Home").
        html = f'<h1>{page.meta.get("title", "")}</h1>\n{html}'
    return html


def on_files(files, config, **kwargs):
    """Adds the Anki deck, built from data/flashcards.yml, as a generated file of the site."""
    with tempfile.TemporaryDirectory() as tmp:
        deck = Path(tmp) / practice.ANKI_FILE
        practice.build_anki_deck(state["flashcards"], deck)
        files.append(File.generated(config, f"assets/downloads/{practice.ANKI_FILE}", content=deck.read_bytes()))
    files.append(File.generated(config, "assets/javascripts/calc/figures.mjs",
                                content=shared_figures.module(state["figures"])))
    return files


def on_post_build(config, **kwargs):
    if not (MERMAID_DIST / "mermaid.esm.min.mjs").exists():
        log.warning("Mermaid is not installed (%s missing): run `make install`", MERMAID_DIST)
        return
    target = Path(config["site_dir"]) / MERMAID_TARGET
    chunks = Path("chunks") / "mermaid.esm.min"
    shutil.rmtree(target, ignore_errors=True)
    (target / chunks).mkdir(parents=True)
    modules = [Path("mermaid.esm.min.mjs")] + [chunks / f.name for f in (MERMAID_DIST / chunks).glob("*.mjs")]
    for module in modules:
        shutil.copyfile(MERMAID_DIST / module, target / module)
    log.info("Copied Mermaid (%d modules) to %s", len(modules), target)
    if not PANZOOM.exists():
        log.warning("@panzoom/panzoom is not installed (%s missing): run `make install`", PANZOOM)
        return
    (Path(config["site_dir"]) / PANZOOM_TARGET).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(PANZOOM, Path(config["site_dir"]) / PANZOOM_TARGET)
