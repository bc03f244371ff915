"""Typing into the real search box finds the page that covers the topic."""
from urllib.parse import urlparse

import pytest

# query -> the page (URL path under the site) expected among the first results.
# Grow this table with the content.
EXPECTED = {
    "cheat sheet": "practice/cheat-sheet/",
    "glossary": "reference/glossary/",
    "crosswalk": "reference/framework-crosswalk/",
    "rubric": "practice/rubric/",
    "visual search": "case-studies/visual-search/",
    "bibliography": "reference/bibliography/",
    "feature store": "building-blocks/feature-store/",
    "dynamic batching": "building-blocks/model-serving/",
    "HNSW": "case-studies/visual-search/",
    "nearest neighbor": "building-blocks/approximate-nearest-neighbors/",
    "licence plates": "case-studies/street-view-blurring/",
    "MMoE": "case-studies/video-recommendation/",
    "LambdaMART": "case-studies/event-recommendation/",
    "factorization machines": "case-studies/ad-click-prediction/",
    "prevalence": "case-studies/harmful-content-detection/",
    "clarify requirements": "framework/clarify-requirements/",
    "concept drift": "framework/monitoring/",
    "interleaving": "framework/evaluation/",
    "novelty effect": "framework/evaluation/",
    "KV cache": "llm-systems/llm-serving/",
    "sample size": "practice/estimation/",
}
TOP = 5


@pytest.mark.parametrize("query,expected", EXPECTED.items())
def test_search_finds_the_page(visit, base_url, site, query, expected):
    if not (site / expected / "index.html").exists():
        pytest.fail(f"search table names {expected}, which the site does not have")
    page, seen = visit
    page.goto(base_url, wait_until="load")
    page.click("label.md-search__icon, .md-search__input", timeout=5000)
    # Material's search worker loads the index in the background; a query typed before it is
    # ready is dropped, so type it again until results show (a few seconds at most).
    for _ in range(6):
        page.fill("input.md-search__input", "")
        page.type("input.md-search__input", query)
        try:
            page.wait_for_selector(".md-search-result__item", timeout=2500)
            break
        except Exception:  # noqa: BLE001 - index not ready yet
            continue
    else:
        pytest.fail(f"search for {query!r} showed no results at all")
    links = page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link",
                                      "els => els.map(e => e.href)")
    paths = list(dict.fromkeys(urlparse(link).path.split("/ml-system-design/", 1)[-1] for link in links))[:TOP]
    assert expected in paths, f"search for {query!r} should list {expected} in the top {TOP}; got {paths}"
    assert not seen.offsite
