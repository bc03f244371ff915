"""Estimation calculators: formula unit tests (node) and the forms in real Chromium."""
import json
import re
import shutil
import subprocess

import pytest

import sitecheck

PAGE = "practice/estimation/"


def test_formula_unit_tests_pass():
    node = shutil.which("node")
    assert node, "Node.js is needed for the calculator unit tests"
    r = subprocess.run([node, "--test", "tests/js/"], cwd=sitecheck.ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, "node --test tests/js/ failed:\n" + r.stdout[-4000:] + r.stderr[-2000:]
    assert re.search(r"^# pass [1-9]", r.stdout, re.M), "node ran no calculator tests"


@pytest.fixture
def calc(visit, base_url):
    page, seen = visit
    page.goto(base_url + PAGE, wait_until="load")
    page.wait_for_selector(".calculator[data-mounted] dd[data-result]")
    yield page
    assert not seen.problems(PAGE), seen.problems(PAGE)


def result(page, calc_id, key):
    return page.text_content(f'.calculator[data-calc="{calc_id}"] dd[data-result="{key}"]')


def test_all_seven_calculators_render_results(calc):
    ids = calc.eval_on_selector_all(".calculator[data-mounted]", "els => els.map(e => e.dataset.calc)")
    assert ids == ["traffic", "storage", "embedding", "serving", "llm", "training", "abtest"]
    text = calc.text_content(".md-content")
    assert "NaN" not in text and "Infinity" not in text


def test_typing_updates_results_and_arithmetic(calc):
    calc.fill("#traffic-dau", "86400000")
    calc.fill("#traffic-actionsPerUser", "10")
    calc.fill("#traffic-peakFactor", "2")
    assert result(calc, "traffic", "avgQps") == "10,000"
    assert result(calc, "traffic", "peakQps") == "20,000"
    steps = calc.text_content('.calculator[data-calc="traffic"] .calc-steps')
    assert "Average QPS = 864,000,000 ÷ 86,400 s = 10,000" in steps


def test_index_memory_and_llm_defaults(calc):
    assert result(calc, "embedding", "raw") == "1.02 TB"
    assert result(calc, "embedding", "pq") == "64 GB"
    assert result(calc, "llm", "kvPerToken") == "328 kB"
    assert result(calc, "llm", "gpus") == "5"
    assert re.fullmatch(r"752,\d{3}", result(calc, "abtest", "perArm"))


@pytest.mark.parametrize("bad,message", [
    ("", "enter a number"), ("lots", "is not a number"), ("-5", "must be at least"),
    ("1e999", "too large"), ("1e20", "must be at most"),
])
def test_bad_input_shows_a_message_not_nan(calc, bad, message):
    calc.fill("#serving-qps", bad)
    box = '.calculator[data-calc="serving"]'
    assert message in calc.text_content(f"{box} .calc-message")
    assert calc.get_attribute("#serving-qps", "aria-invalid") == "true"
    assert not calc.is_visible(f"{box} .calc-results")
    assert "NaN" not in calc.text_content(box) and "Infinity" not in calc.text_content(box)
    calc.fill("#serving-qps", "50000")
    assert calc.text_content(f"{box} .calc-message") == ""
    assert result(calc, "serving", "cpuReplicas") == "105"


def test_inputs_are_labelled(calc):
    unlabelled = calc.evaluate("""() => [...document.querySelectorAll('.calculator input')]
        .filter(i => !document.querySelector(`label[for="${i.id}"]`)).map(i => i.id)""")
    assert not unlabelled


def test_url_prefills_a_calculator(visit, base_url):
    page, _ = visit
    page.goto(base_url + PAGE + "?calc=embedding&vectors=1e8&dim=128&bytesPerValue=2", wait_until="load")
    page.wait_for_selector('.calculator[data-calc="embedding"] dd[data-result]')
    assert page.input_value("#embedding-vectors") == "1e8"
    assert result(page, "embedding", "raw") == "25.6 GB"   # 1e8 × 128 × 2 B


def test_calculators_mount_after_instant_navigation(visit, base_url):
    page, seen = visit
    page.goto(base_url + "practice/", wait_until="load")
    page.click(f'a[href$="estimation/"]')
    page.wait_for_url(base_url + PAGE)
    page.wait_for_selector(".calculator[data-mounted] dd[data-result]", timeout=10000)
    assert not seen.problems("instant navigation to the calculators")


# ---------------------------------------------------------------- case pages link to calculators

LINK_RE = re.compile(r"\]\(\.\./practice/estimation\.md\?([^)#\s]+)(?:#[^)]*)?\)")
MIN_CASES_WITH_LINKS = 6


def calculator_links():
    """(case page, the paragraph or list item holding the link, calc id, params, result shown)."""
    from urllib.parse import parse_qsl
    found = []
    pages = [p for folder in ("case-studies", "llm-systems") for p in (sitecheck.ROOT / "docs" / folder).glob("*.md")]
    for page in sorted(pages):
        blocks = re.split(r"\n\s*\n", page.read_text(encoding="utf-8"))
        for block in blocks:
            for m in LINK_RE.finditer(block):
                params = dict(parse_qsl(m.group(1)))
                found.append((page.name, block, params.pop("calc", ""), params, params.pop("show", "")))
    return found


def test_case_pages_link_prefilled_calculators():
    pages = {name for name, *_ in calculator_links()}
    assert len(pages) >= MIN_CASES_WITH_LINKS, (
        f"only {sorted(pages)} link a pre-filled calculator; at least {MIN_CASES_WITH_LINKS} case pages must")


def test_case_numbers_agree_with_the_calculators(site):
    links = calculator_links()
    payload = json.dumps([{"calc": c, "params": p} for _, _, c, p, _ in links])
    calc_dir = str(site / "assets" / "javascripts" / "calc")
    r = subprocess.run([shutil.which("node"), "tests/js/evaluate.mjs", calc_dir], input=payload, cwd=sitecheck.ROOT,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    problems = []
    for (page, block, calc_id, params, show), results in zip(links, json.loads(r.stdout)):
        if "error" in results:
            problems.append(f"{page}: calculator link {calc_id} {params}: {results['error']}")
        elif show not in results:
            problems.append(f"{page}: calculator link {calc_id} needs show=<one of {', '.join(results)}>")
        elif results[show] not in block:
            problems.append(f"{page}: the {calc_id} calculator gives {show} = {results[show]} for {params}, "
                            f"but the text next to the link does not say {results[show]!r}")
    assert not problems, "\n".join(problems)
