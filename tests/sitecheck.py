"""Checks on a built site, shared by the tests and by the tests of the tests.

Each check returns a list of problems (sentences naming the page and what is wrong); an empty
list means the check passed. Tests assert the list is empty; the bad-content tests assert it
names the planted fault.
"""
from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
SUBPATH = "ml-system-design"   # GitHub Pages serves a project site under /<repo>/
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# ---------------------------------------------------------------- build and serve

def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `site_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([MKDOCS, "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=600)


def warnings_in(result: subprocess.CompletedProcess) -> list[str]:
    output = result.stdout + result.stderr
    return [line for line in output.splitlines() if re.match(r"^(WARNING|ERROR)\b", line)]


class Server:
    """A static server for `root`, on 127.0.0.1 and a free port, in a background thread."""

    def __init__(self, root: Path):
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript",
                      ".js": "text/javascript", ".json": "application/json"}

    def log_message(self, *args):
        pass


def html_pages(site: Path) -> list[str]:
    """Every page of the built site as a path relative to the site root ('' for the home page)."""
    pages = []
    for file in sorted(site.rglob("index.html")):
        rel = file.parent.relative_to(site).as_posix()
        if rel.startswith(("assets", "search")) or rel == "404":
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages


# ---------------------------------------------------------------- the browser

def launch(playwright):
    """Debian's Chromium where it is installed (this machine, CI here); Playwright's elsewhere."""
    if os.path.exists(CHROMIUM):
        return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    return playwright.chromium.launch(args=CHROMIUM_FLAGS[1:])


@dataclass
class Visit:
    """What one browser context saw: console errors, page errors and off-site requests."""
    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def attach(self, context, page):
        def route(r):
            url = r.request.url
            if url.startswith(self.origin) or url.startswith(("data:", "blob:", "about:")):
                self.requests.append(url)
                r.continue_()
            else:
                self.offsite.append(url)
                r.abort()
        context.route("**/*", route)
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))

    def problems(self, where: str) -> list[str]:
        out = [f"{where}: console error: {m}" for m in self.console_errors]
        out += [f"{where}: page error: {m}" for m in self.page_errors]
        out += [f"{where}: request to another host: {u}" for u in self.offsite]
        return out


def mermaid_sources(page_html: str) -> int:
    return len(re.findall(r'<script[^>]*class="diagram-source"', page_html))


def diagram_count(site: Path, rel: str) -> int:
    """How many Mermaid figures the built page `rel` (path under the site, '' for home) holds."""
    return mermaid_sources((site / rel / "index.html").read_text(encoding="utf-8"))


def wait_for_diagrams(page, expected: int, where: str, timeout_ms: int = 20000) -> list[str]:
    """Problems if the page's `expected` Mermaid figures did not all become rendered SVGs.

    Figures render lazily near the viewport; `siteDiagrams.renderAll()` renders the rest now.
    A rendered figure holds a `div.mermaid` whose open shadow root has an SVG with a height;
    a figure whose source fails to parse is marked `data-rendered="error"` (and logs an error).
    """
    if expected:
        try:
            page.wait_for_function("() => window.siteDiagrams", timeout=timeout_ms)
            page.evaluate("() => window.siteDiagrams.renderAll()")
        except Exception as err:  # noqa: BLE001 - report what is on the page instead
            return [f"{where}: the diagram renderer did not run ({err})"]
    state = page.evaluate("""() => [...document.querySelectorAll('figure.diagram')].map(f => {
        const host = f.querySelector('div.mermaid');
        const svg = host && host.shadowRoot && host.shadowRoot.querySelector('svg');
        return {state: f.dataset.rendered || 'not rendered',
                height: svg ? svg.getBoundingClientRect().height : 0,
                caption: (f.querySelector('figcaption') || {}).textContent || f.id,
                bomb: !!(svg && svg.textContent.includes('Syntax error'))};
    })""")
    problems = []
    if len(state) != expected:
        problems.append(f"{where}: {expected} Mermaid block(s) in the HTML but {len(state)} figures on the page")
    for s in state:
        name = s["caption"].replace("Enlarge", "").strip()[:80]
        if s["state"] != "done":
            problems.append(f"{where}: diagram {name!r} is {s['state']}; check its Mermaid syntax")
        elif s["height"] < 20:
            problems.append(f"{where}: diagram {name!r} rendered with no height (empty SVG)")
        if s["bomb"]:
            problems.append(f"{where}: diagram {name!r} shows Mermaid's 'Syntax error'")
    return problems


# ---------------------------------------------------------------- links

class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name"):
            if a.get(key):
                self.ids.add(a[key])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag in ("link", "script", "img", "source") and (a.get("href") or a.get("src")):
            self.links.append(a.get("href") or a.get("src"))


@functools.lru_cache(maxsize=None)
def _parse(path: Path) -> _Collector:
    c = _Collector()
    c.feed(path.read_text(encoding="utf-8", errors="replace"))
    return c


def broken_links(site: Path) -> list[str]:
    """Every internal href/src that points at a missing file or a missing #anchor."""
    _parse.cache_clear()
    problems = []
    base = f"http://site/{SUBPATH}/"
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        page_url = urljoin(base, rel)
        for href in _parse(file).links:
            url = urlparse(urljoin(page_url, href))
            if url.scheme not in ("http", "https") or url.netloc != "site":
                continue
            if not url.path.startswith(f"/{SUBPATH}/"):
                problems.append(f"{rel}: link {href} leaves the site's sub-path /{SUBPATH}/")
                continue
            target = site / unquote(url.path[len(SUBPATH) + 2:])
            if target.is_dir() or url.path.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{rel}: link {href} points at a missing file")
            elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in _parse(target).ids:
                problems.append(f"{rel}: link {href} points at a missing anchor #{url.fragment}")
    return problems


def copy_project(dest: Path) -> Path:
    """A copy of the site's sources (node_modules linked) to plant faults in."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml",):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("docs", "scripts", "data", "overrides", "examples"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest
