"""Every page type passes the Nu Html Checker (no errors) and axe-core (no serious or critical
violations, in light and dark mode, with JavaScript on and off), in Debian's chromium; so do the sample site (its
editors' Markdown headings) and the later pages of long lists. The tools come from npm (package.json), installed
by scripts/setup.sh."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from browser import NODE_MODULES, build_test_site, chromium, one_page_per_kind, serve

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_test_site(tmp_path_factory.mktemp("a11y"))


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site of 120 records: every list has a second page."""
    from many_records import many_records

    from warcrime_archive.build import build_site

    folder = tmp_path_factory.mktemp("paged")
    build_site(many_records(folder / "archive", 120), folder / "site", history=False)
    return folder / "site"


PAGED = [
    "incidents/page/2/",
    "sides/ukraine/page/2/",
    "timeline/page/2/",
    "map/page/2/",
    "sources/",
    "places/ua/page/2/",
]


@pytest.fixture(scope="module")
def kinds(site: Path) -> dict[str, str]:
    pages = one_page_per_kind(site.parent / "archive")
    assert {"home", "incident", "place", "timeline", "map", "redirect", "404"} <= set(pages)
    return pages


def test_nu_html_checker_finds_no_errors_on_any_page(site: Path, sample_site: Path, paged: Path):
    assert VNU.is_file() and shutil.which("java"), "run scripts/setup.sh (npm vnu-jar and Java)"
    files = sorted(str(p) for p in site.rglob("*.html"))
    files += sorted(str(p) for p in sample_site.rglob("*.html"))  # the editors' headings in narratives and pages
    files += [str(paged / url / "index.html") for url in PAGED]
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m['url'].split('/site', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
    assert result.returncode == 0


@pytest.mark.parametrize(
    "scheme, javascript", [("light", True), ("dark", True), ("light", False)], ids=["light", "dark", "no-javascript"]
)
def test_axe_finds_no_serious_or_critical_violations_on_any_page_type(
    site: Path, kinds: dict[str, str], paged: Path, scheme: str, javascript: bool
):
    assert AXE.is_file(), "run scripts/setup.sh (npm axe-core)"
    found = {}
    with serve(site) as base, chromium() as browser:
        # axe is injected by the test, so the page's own policy (no inline script) is bypassed for it alone
        context = browser.new_context(color_scheme=scheme, bypass_csp=True)
        page = context.new_page()
        if not javascript:
            without_scripts(page)
        for kind, url in sorted(kinds.items()):
            visit(page, site, base, kind, url)
            if bad := axe_violations(page):
                found[kind] = bad
        context.close()
    with serve(paged) as base, chromium() as browser:
        context = browser.new_context(color_scheme=scheme, bypass_csp=True)
        page = context.new_page()
        if not javascript:
            without_scripts(page)
        for url in PAGED:
            page.goto(base + url, wait_until="networkidle")
            if bad := axe_violations(page):
                found[url] = bad
        context.close()
    assert found == {}


def without_scripts(page) -> None:
    """Every page as a browser without JavaScript shows it: its scripts left out and its <noscript> shown. (axe
    itself needs JavaScript, so the browser keeps it on for axe alone.)"""

    def strip(route) -> None:
        response = route.fetch()
        html = response.text()
        html = re.sub(r"<script\b(?![^>]*application/ld\+json)[^>]*>.*?</script>", "", html, flags=re.S)
        html = html.replace("<noscript>", "").replace("</noscript>", "")
        route.fulfill(response=response, body=html)

    page.route(lambda url: url.endswith("/") or url.endswith(".html"), strip)


def axe_violations(page) -> list[str]:
    """axe's serious and critical findings on the page as it is."""
    page.evaluate(AXE.read_text("utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def visit(page, site: Path, base: str, kind: str, url: str) -> None:
    """Open a page; a redirect page is opened as written, without letting it move on to its target."""
    if kind == "redirect":
        html = (site / url / "index.html").read_text("utf-8")
        body = "\n".join(line for line in html.splitlines() if 'http-equiv="refresh"' not in line)
        page.route(base + url, lambda route: route.fulfill(body=body, content_type="text/html"))
    page.goto(base + url, wait_until="networkidle")
    if kind == "explore" and page.locator("script[src$='explore.js']").count():
        page.wait_for_selector("#explore[data-ready=all]", state="attached")


def test_keyboard_reaches_the_skip_link_first_and_sees_focus(site: Path, kinds: dict[str, str]):
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(base + kinds["incident"])
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        assert focused == "Skip to content"
        box = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect(); return r.left })()")
        assert box >= 0  # the skip link moves on screen when focused
        page.keyboard.press("Tab")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline == "solid"  # the focus ring is visible


def test_landmarks_and_one_h1_on_every_page_type(site: Path, kinds: dict[str, str]):
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        for kind, url in kinds.items():
            visit(page, site, base, kind, url)
            counts = page.evaluate(
                "['main', 'h1', 'header', 'nav', 'footer'].map(s => document.querySelectorAll(s).length)"
            )
            if kind == "redirect":
                assert counts[:2] == [1, 1], kind
            else:
                assert counts[0] == 1 and counts[1] == 1 and counts[2] >= 1 and counts[3] >= 1, (kind, counts)
