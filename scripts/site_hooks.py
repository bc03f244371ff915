"""MkDocs hooks of the site (registered under `hooks:` in mkdocs.yml).

- Checks every page against its page type's template; a problem is a warning, so the strict
  build fails and names the page and the missing part.
- Expands `<!-- generated: NAME -->` markers (case index, cheat sheet, glossary).
- Appends the glossary's abbreviations to every page (tooltips).
- Sets each page's last-updated date from git.
- Captions Mermaid diagrams with their `accTitle:`.
- Copies Mermaid's ESM build from node_modules into the built site, so it is served locally.
"""
from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import figures  # noqa: E402
import generated  # noqa: E402
import glossary  # noqa: E402
import pagetypes  # noqa: E402

log = logging.getLogger("mkdocs.hooks.site")
ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "data" / "glossary.yml"
MERMAID_DIST = ROOT / "node_modules" / "mermaid" / "dist"
MERMAID_TARGET = Path("assets") / "javascripts" / "mermaid"

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
    state["abbr"] = glossary.abbreviations(state["glossary"])


def on_page_markdown(markdown, page, config, files, **kwargs):
    path = page.file.src_uri
    for problem in pagetypes.check_page(path, page.meta, markdown):
        log.warning("%s: %s", path, problem)
    extra = {"glossary": lambda sources, at: glossary.render(state["glossary"], at)}
    markdown = generated.expand(markdown, state["sources"], path, extra)
    date = git_date(Path(page.file.abs_src_path))
    if date:
        page.meta["revision_date"] = date
    return f"{markdown}\n\n{state['abbr']}\n"


def on_page_content(html, page, **kwargs):
    html, _ = figures.add_captions(html)
    return html


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
