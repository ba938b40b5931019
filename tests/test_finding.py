"""Finding records as a reader does, in Chromium: the search page (Pagefind) and the header box, each result saying
what it is, help when nothing is found, and the page without JavaScript. (Filtering and sorting every record is the
explore view's: tests/test_exploring.py.)"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import chromium, serve
from repo_paths import MINIMAL, REPO

from warcrime_archive.build import build_site

SOLEDAR = "2022-12-30-soledar-prisoner-shot"
ROBOTYNE = "2024-06-robotyne-two-prisoners-shot"
DMYTRIVKA = "2022-03-30-dmytrivka-wounded-soldier-shot"
POKROVSK = "2024-10-01-pokrovsk-district-sixteen-prisoners-shot"


@pytest.fixture(scope="module")
def served(sample_site: Path):
    """The sample site at http://127.0.0.1:<port>/sub/, and Chromium."""
    with serve(sample_site) as base, chromium() as browser:
        yield base, browser


class Watch:
    """Every request a page makes, and anything the Content-Security-Policy refused."""

    def __init__(self, page, base: str):
        self.host = urlsplit(base).netloc
        self.requests: list[str] = []
        self.refused: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.refused.append(m.text) if "Content Security Policy" in m.text else None)
        page.on("requestfailed", lambda r: self.refused.append(f"failed: {r.url}"))
        page.on("pageerror", lambda e: self.refused.append(f"error: {e}"))

    def others(self) -> list[str]:
        return [u for u in self.requests if urlsplit(u).scheme != "data" and urlsplit(u).netloc != self.host]


def results(page) -> list[str]:
    page.locator("#search-status", has_text="found").wait_for()
    return [
        href.rstrip("/").rsplit("/", 1)[-1]
        for href in page.locator("#search-results li .result-title a").evaluate_all("as => as.map(a => a.href)")
    ]


def test_the_header_box_finds_a_victim_a_place_and_an_outlet(served):
    base, browser = served
    page = browser.new_page()
    watch = Watch(page, base)
    for words, record in (("Matsievskyi", SOLEDAR), ("Robotyne", ROBOTYNE), ("ITV News", SOLEDAR)):
        page.goto(base)
        page.fill("#site-search-q", words)
        page.press("#site-search-q", "Enter")
        page.wait_for_url("**/search/?q=*")
        found = results(page)
        assert found[0] == record, (words, found)
        assert page.locator("#search-q").input_value() == words
    # a result is a working link to the record's page, under the sub-path
    page.locator("#search-results li .result-title a").first.click()
    page.wait_for_url(f"{base}incidents/{SOLEDAR}/")
    assert page.locator("h1").inner_text().startswith("Ukrainian prisoner of war shot")
    assert page.locator("#search-results mark").count() == 0
    assert watch.others() == []
    assert watch.refused == []
    assert any(u.endswith(f"/pagefind/{DMYTRIVKA}/pagefind.js") for u in watch.requests)  # the first shard
    assert any(u.endswith(".pagefind") for u in watch.requests), "the WebAssembly loaded under the policy"


def test_each_result_says_its_grade_side_place_and_date_and_a_search_without_results_helps(served):
    base, browser = served
    page = browser.new_page()
    watch = Watch(page, base)
    page.goto(base + "search/?q=Soledar")
    assert results(page)[0] == SOLEDAR
    first = page.locator("#search-results li").first
    assert first.locator(".result-facts span").all_inner_texts() == [
        "Grade: Corroborated",
        "Alleged perpetrator side: Russia",
        "Place: Soledar, Donetsk Oblast, Ukraine",
        "Date: 30 December 2022",
    ]
    assert page.locator("#search-help").is_hidden()
    page.fill("#search-q", "Sloviansk")
    page.press("#search-q", "Enter")
    page.locator("#search-status", has_text="No record found.").wait_for()
    help_text = page.locator("#search-help")
    assert help_text.is_visible() and "another spelling" in help_text.inner_text()
    assert help_text.locator("a").all_inner_texts()[:2] == ["all incidents", "place"]
    assert page.locator("#search-results li").count() == 0
    page.fill("#search-q", "Robotyne")
    page.press("#search-q", "Enter")
    results(page)
    assert page.locator("#search-help").is_hidden()
    assert watch.others() == [] and watch.refused == []


def test_only_the_records_own_words_are_indexed(served):
    """Related records' titles, the history and the citation are not a record's text: Pokrovsk's page lists Robotyne
    as related, and searching Robotyne finds Robotyne alone (before, both); the citation's words find nothing."""
    base, browser = served
    page = browser.new_page()
    page.goto(base + "search/?q=Robotyne")
    assert results(page) == [ROBOTYNE]
    page.goto(base + "search/?q=Pokrovsk")
    assert results(page) == [POKROVSK]
    page.goto(base + "search/?q=BibTeX")
    page.locator("#search-status", has_text="found").wait_for()
    assert page.locator("#search-status").inner_text() == "No record found."


def test_search_filters_narrow_the_results_and_survive_a_reload(served):
    base, browser = served
    page = browser.new_page()
    watch = Watch(page, base)
    page.goto(base + "search/?q=shot")
    assert sorted(results(page)) == sorted([SOLEDAR, ROBOTYNE, DMYTRIVKA, POKROVSK])
    page.select_option("#search-side", "Ukraine")
    page.wait_for_url("**side=Ukraine*")
    assert results(page) == [DMYTRIVKA]
    page.reload()
    assert results(page) == [DMYTRIVKA]
    assert page.locator("#search-side").input_value() == "Ukraine"
    page.select_option("#search-side", "")
    page.select_option("#search-grade", "Claimed")
    page.wait_for_url("**grade=Claimed*")
    assert sorted(results(page)) == [ROBOTYNE, POKROVSK]
    assert page.locator("#search-status").inner_text() == "2 records found."
    assert watch.others() == [] and watch.refused == []


def test_a_search_with_more_results_than_a_page_counts_them_all_and_shows_more_on_request(served, tmp_path):
    # 120 records that all match: the first 50 are listed, the status counts every one, and "Show more"
    # lists 50 more each time, until the button goes.
    root = tmp_path / "archive"
    shutil.copytree(MINIMAL, root)
    record = root / "incidents" / "2022-03-29-dmytrivka-x.yaml"
    for n in range(1, 120):
        shutil.copy(record, record.with_name(f"2022-03-29-dmytrivka-x-{n:03}.yaml"))
    site = tmp_path / "site"
    build_site(root, site, history=False)
    _, browser = served
    with serve(site) as base:
        page = browser.new_page()
        watch = Watch(page, base)
        page.goto(base + "search/?q=Dmytrivka")
        results(page)
        status, more = page.locator("#search-status"), page.locator("#search-more")
        assert status.inner_text() == "120 records found. The first 50 are listed."
        assert page.locator("#search-results li").count() == 50 and more.is_visible()
        more.click()
        page.locator("#search-status", has_text="The first 100 ").wait_for()
        assert page.locator("#search-results li").count() == 100
        # the reader's focus goes to the first of the new results
        assert page.evaluate(
            "document.activeElement.closest('li') === document.querySelectorAll('#search-results li')[50]"
        )
        more.click()
        page.locator("#search-status", has_text="120 records found.").wait_for()
        page.wait_for_function("() => document.querySelectorAll('#search-results li').length === 120")
        assert status.inner_text() == "120 records found." and more.is_hidden()
        hrefs = page.locator("#search-results li .result-title a").evaluate_all("as => as.map(a => a.href)")
        assert len(set(hrefs)) == 120, "every record once"
        # a new search starts again from its first results
        page.fill("#search-q", "Dmytrivka soldier")
        page.press("#search-q", "Enter")
        page.wait_for_function("() => document.querySelectorAll('#search-results li').length === 50")
        assert more.is_visible()
        assert watch.others() == [] and watch.refused == []
    # An archive's own search.html without the button and the status's data-shown: the first 50, all counted.
    template = (REPO / "templates" / "search.html").read_text()
    button = '<button type="button" id="search-more" hidden>{{ _("Show more") }}</button>\n'
    shown = " data-shown=\"{{ _('The first %(shown)s are listed.', shown='{shown}') }}\""
    assert button in template and shown in template
    (root / "templates").mkdir()
    (root / "templates" / "search.html").write_text(template.replace(button, "").replace(shown, ""))
    build_site(root, site, history=False)
    with serve(site) as base:
        page = browser.new_page()
        watch = Watch(page, base)
        page.goto(base + "search/?q=Dmytrivka")
        results(page)
        assert page.locator("#search-status").inner_text() == "120 records found."
        assert page.locator("#search-results li").count() == 50 and page.locator("#search-more").count() == 0
        assert watch.others() == [] and watch.refused == []


def test_without_javascript_search_points_to_the_browse_pages(served):
    base, browser = served
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "search/?q=Robotyne")
    assert page.locator("#search-needs-js").is_visible()
    assert not page.locator("#search-form").is_visible()
    assert page.locator("#search-needs-js a").all_inner_texts()[:3] == ["all incidents", "side", "grade"]
    context.close()
