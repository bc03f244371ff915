"""Opt-in check of every external link in the built site (needs the network).

usage: python scripts/linkcheck_external.py SITE_DIR
Prints one line per failing URL (with the pages that use it) and exits 1 if any fails.
The normal test suite never touches the network; this runs only via `make linkcheck-external`.
"""
from __future__ import annotations

import re
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HREF_RE = re.compile(r'<a\s[^>]*href="(https?://[^"#]+)[^"]*"')
SKIP = ("https://github.com/", "http://127.0.0.1", "http://localhost")


def external_links(site: Path) -> dict[str, set[str]]:
    """Each external URL in the site's pages, with the pages that link to it."""
    found: dict[str, set[str]] = {}
    for page in sorted(site.rglob("*.html")):
        for url in HREF_RE.findall(page.read_text(encoding="utf-8", errors="replace")):
            if not url.startswith(SKIP):
                found.setdefault(url.replace("&amp;", "&"), set()).add(page.relative_to(site).as_posix())
    return found


def status(url: str, timeout: float = 20) -> str | None:
    """None when the URL answers; otherwise a short reason."""
    headers = {"User-Agent": "Mozilla/5.0 (link check of a static documentation site)"}
    for method in ("HEAD", "GET"):
        try:
            req = urllib.request.Request(url, method=method, headers=headers)
            with urllib.request.urlopen(req, timeout=timeout):
                return None
        except urllib.error.HTTPError as e:
            if method == "GET" or e.code not in (403, 405, 501):
                reason = f"HTTP {e.code}"
                if e.code in (403, 429):   # bot walls and rate limits are not broken links
                    return None
                return reason
        except (urllib.error.URLError, TimeoutError, OSError) as e:
            return f"{type(e).__name__}: {e}"
    return None


def main(argv: list[str]) -> int:
    site = Path(argv[1] if len(argv) > 1 else "site")
    links = external_links(site)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(links, pool.map(status, links)))
    bad = {u: r for u, r in results.items() if r}
    for url, reason in sorted(bad.items()):
        print(f"{reason}  {url}  (on {', '.join(sorted(links[url]))})")
    print(f"{len(links) - len(bad)} of {len(links)} external links answer")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
