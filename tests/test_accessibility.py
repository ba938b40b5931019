"""Every page type passes the Nu Html Checker (no errors) and axe-core (no serious or critical
violations, in light and dark mode), in Debian's chromium. The tools come from npm (package.json),
installed by scripts/setup.sh."""

from __future__ import annotations

import json
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
def kinds(site: Path) -> dict[str, str]:
    pages = one_page_per_kind(site.parent / "archive")
    assert {"home", "incident", "place", "timeline", "map", "redirect", "404"} <= set(pages)
    return pages


def test_nu_html_checker_finds_no_errors_on_any_page(site: Path):
    assert VNU.is_file() and shutil.which("java"), "run scripts/setup.sh (npm vnu-jar and Java)"
    files = sorted(str(p) for p in site.rglob("*.html"))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m['url'].split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
    assert result.returncode == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violations_on_any_page_type(site: Path, kinds: dict[str, str], scheme: str):
    assert AXE.is_file(), "run scripts/setup.sh (npm axe-core)"
    axe = AXE.read_text("utf-8")
    found = {}
    with serve(site) as base, chromium() as browser:
        # axe is injected by the test, so the page's own policy (no inline script) is bypassed for it alone
        context = browser.new_context(color_scheme=scheme, bypass_csp=True)
        page = context.new_page()
        for kind, url in sorted(kinds.items()):
            visit(page, site, base, kind, url)
            page.evaluate(axe)
            result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
            bad = [
                f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
                for v in result["violations"]
                if v["impact"] in ("serious", "critical")
            ]
            if bad:
                found[kind] = bad
        context.close()
    assert found == {}


def visit(page, site: Path, base: str, kind: str, url: str) -> None:
    """Open a page; a redirect page is opened as written, without letting it move on to its target."""
    if kind == "redirect":
        html = (site / url / "index.html").read_text("utf-8")
        body = "\n".join(line for line in html.splitlines() if 'http-equiv="refresh"' not in line)
        page.route(base + url, lambda route: route.fulfill(body=body, content_type="text/html"))
    page.goto(base + url)


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
