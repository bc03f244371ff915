"""Markdown lint (markdownlint-cli2) and spelling (codespell) pass on docs/."""
import subprocess
import sys
from pathlib import Path

import sitecheck


def run(cmd):
    return subprocess.run(cmd, cwd=sitecheck.ROOT, capture_output=True, text=True, timeout=300)


def test_markdownlint():
    cli = sitecheck.ROOT / "node_modules" / ".bin" / "markdownlint-cli2"
    assert cli.exists(), "markdownlint-cli2 is not installed: run `make install`"
    r = run([str(cli)])
    assert r.returncode == 0, "markdownlint found problems (rules in .markdownlint-cli2.yaml):\n" + r.stdout + r.stderr


def test_codespell():
    exe = Path(sys.executable).with_name("codespell")
    r = run([str(exe), "docs", "data", "examples", "README.md", "CONTRIBUTING.md"])
    assert r.returncode == 0, ("codespell found misspellings (a real term? add it to "
                               ".codespell-words.txt):\n" + r.stdout + r.stderr)
