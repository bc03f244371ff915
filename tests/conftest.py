"""Fixtures: one strict build of the site, served under a sub-path, and one Chromium."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import sitecheck  # noqa: E402


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The strict build's result and the served root (the site sits at /<SUBPATH>/)."""
    root = tmp_path_factory.mktemp("served")
    result = sitecheck.build(sitecheck.ROOT, root / sitecheck.SUBPATH)
    return result, root


@pytest.fixture(scope="session")
def site(built) -> Path:
    result, root = built
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return root / sitecheck.SUBPATH


@pytest.fixture(scope="session")
def server(site):
    srv = sitecheck.Server(site.parent)
    yield srv
    srv.close()


@pytest.fixture(scope="session")
def base_url(server) -> str:
    return f"{server.origin}/{sitecheck.SUBPATH}/"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = sitecheck.launch(p)
        yield b
        b.close()


@pytest.fixture
def visit(browser, server):
    """A fresh browser context and page whose errors and requests are recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen = sitecheck.Visit(server.origin)
    seen.attach(context, page)
    yield page, seen
    context.close()
