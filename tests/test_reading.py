"""The site as a reader's browser loads it: nothing from other hosts, a strict Content-Security-Policy,
a light incident page, graphic content behind a disclosure, dark mode and print."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import build_test_site, chromium, one_page_per_kind, serve

CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
WEIGHT_LIMIT = 50 * 1024
WARNED = "incidents/2022-03-29-dmytrivka-x/"  # the test record with a content warning


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_test_site(tmp_path_factory.mktemp("reading"))


@pytest.fixture(scope="module")
def kinds(site: Path) -> dict[str, str]:
    return one_page_per_kind(site.parent / "archive")


def test_every_page_has_a_policy_allowing_nothing_from_other_hosts(site: Path):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text("utf-8")
        found = CSP.findall(html)
        assert len(found) == 1, path
        policy = dict(d.strip().split(" ", 1) for d in found[0].split(";"))
        assert policy["default-src"] == "'self'"
        for directive in ("script-src", "style-src", "img-src", "connect-src", "font-src"):
            sources = set(policy[directive].split())
            assert sources <= {"'self'", "data:", "'wasm-unsafe-eval'"}, (path, directive)
        assert "'unsafe-inline'" not in found[0] and "http" not in found[0]
        # and nothing the policy would block: no inline script, style attribute or event handler
        # (a JSON-LD data block is never executed, so the policy allows it)
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/ld\+json\")[^>]*>", html), path
        assert not re.search(r"\sstyle=|\son[a-z]+=", html), path


def test_no_request_goes_to_any_other_host_on_any_page_type(site: Path, kinds: dict[str, str]):
    with serve(site) as base, chromium() as browser:
        host = urlsplit(base).netloc
        page = browser.new_page()
        requests: list[str] = []
        refused: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
        page.on("requestfailed", lambda r: refused.append(f"failed: {r.url}"))
        for url in sorted(kinds.values()):
            page.goto(base + url, wait_until="networkidle")
            page.keyboard.press("Tab")  # focus styles and the like load nothing either
        others = [u for u in requests if urlsplit(u).scheme not in ("data",) and urlsplit(u).netloc != host]
        assert others == []
        assert refused == []
        assert any(u.endswith("/static/style.css") for u in requests)


def test_an_incident_page_with_its_css_weighs_under_50_kb(site: Path):
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        sizes: dict[str, int] = {}
        page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())))
        page.goto(base + WARNED, wait_until="networkidle")
    total = sum(sizes.values())
    assert total < WEIGHT_LIMIT, sizes
    # the same from the files: the page and the stylesheet are all it loads
    on_disk = (site / WARNED / "index.html").stat().st_size + (site / "static" / "style.css").stat().st_size
    assert total == on_disk


def test_the_content_warning_comes_first_and_the_narrative_opens_on_request(site: Path):
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(base + WARNED)
        section = page.locator("section[aria-labelledby=h-narrative]")
        warning = section.locator(".content-warning")
        narrative = section.locator("details .narrative")
        assert warning.is_visible() and "Content warning:" in warning.inner_text()
        order = page.evaluate(
            "() => { const s = document.querySelector('section[aria-labelledby=h-narrative]');"
            " return [...s.querySelectorAll('.content-warning, details')].map(e => e.tagName) }"
        )
        assert order == ["P", "DETAILS"]
        assert not narrative.is_visible()
        section.locator("summary").focus()
        page.keyboard.press("Enter")
        assert narrative.is_visible() and "markdown" in narrative.inner_text()
        # the record's <script> was kept as text, never run; the only script is the JSON-LD data block
        assert page.locator("script:not([type='application/ld+json'])").count() == 0


def test_under_a_warning_the_victims_details_are_collapsed_and_print_opens_everything(site: Path):
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(base + WARNED)
        # the warning is the first thing after the title: before the summary and any section
        first = page.evaluate(
            "() => [...document.querySelectorAll('article > header > *')].map(e => e.className || e.tagName)"
        )
        assert first[:3] == ["breadcrumbs", "H1", "content-warning"]
        people = page.locator("section[aria-labelledby=h-victims] details .people")
        narrative = page.locator("section[aria-labelledby=h-narrative] details .narrative")
        assert people.count() == 1 and not people.is_visible() and not narrative.is_visible()
        page.emulate_media(media="print")
        assert people.is_visible() and narrative.is_visible()
        pdf = page.pdf()  # Chromium's own print to PDF: the collapsed parts are in it
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
        page.emulate_media(media="screen")
        assert not people.is_visible()


def test_a_record_without_a_warning_shows_its_narrative(site: Path):
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(base + "incidents/2023-05-02-testove/")
        assert page.locator(".narrative").is_visible()
        assert page.locator("details.disclosure").count() == 0


def test_dark_mode_and_print(site: Path, kinds: dict[str, str]):
    with serve(site) as base, chromium() as browser:
        colours = {}
        for scheme in ("light", "dark"):
            page = browser.new_page(color_scheme=scheme)
            page.goto(base + kinds["map"])
            colours[scheme] = page.evaluate(
                "[getComputedStyle(document.body).backgroundColor,"
                " getComputedStyle(document.querySelector('.map .land')).fill]"
            )
        assert colours["light"][0] != colours["dark"][0] and colours["light"][1] != colours["dark"][1]
        page = browser.new_page()
        page.goto(base + WARNED)
        page.emulate_media(media="print")
        assert not page.locator(".site-header nav").is_visible()
        assert page.locator(".locator svg").is_visible()
