"""Finding records as a reader does, in Chromium: the search page (Pagefind) and the header box, and the
incident list filtered and sorted in place, its state kept in the URL; and both without JavaScript."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

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


def visible_rows(page) -> list[str]:
    return page.locator("#incident-list tbody tr:visible th a").evaluate_all(
        "as => as.map(a => a.getAttribute('href').replace(/\\/$/, '').split('/').pop())"
    )


def test_the_list_filters_by_side_and_grade_and_keeps_the_view_in_the_url(served):
    base, browser = served
    page = browser.new_page()
    watch = Watch(page, base)
    page.goto(base + "incidents/")
    assert visible_rows(page) == [
        ROBOTYNE,
        SOLEDAR,
        DMYTRIVKA,
        POKROVSK,
    ]  # newest first, as the page lists them (by the start of each date window)
    assert page.locator("#list-status").inner_text() == "Showing all 4 incidents."
    page.select_option("#list-side", "russia")
    page.select_option("#list-grade", "corroborated")
    assert visible_rows(page) == [SOLEDAR]
    assert page.locator("#list-status").inner_text() == "Showing 1 of 4 incidents."
    assert page.locator("#incident-list caption").inner_text() == "All incidents (1 of 4)"
    assert parse_qs(urlsplit(page.url).query) == {"side": ["russia"], "grade": ["corroborated"]}
    page.reload()
    assert visible_rows(page) == [SOLEDAR]
    assert page.locator("#list-side").input_value() == "russia"
    assert page.locator("#list-grade").input_value() == "corroborated"
    # the victims' side is its own filter: no Russian-alleged record has Russian victims
    page.select_option("#list-victims", "russia")
    assert visible_rows(page) == []
    assert page.locator("#list-status").inner_text() == "Showing 0 of 4 incidents."
    page.click("button[type=reset]")
    page.locator("#list-status", has_text="Showing all 4").wait_for()
    assert urlsplit(page.url).query == ""
    # words, and a shared link opens the same view
    page.goto(base + "incidents/?q=robotyne")
    assert visible_rows(page) == [ROBOTYNE]
    assert page.locator("#list-q").input_value() == "robotyne"
    assert watch.others() == [] and watch.refused == []


def test_the_list_sorts_by_its_columns(served):
    base, browser = served
    page = browser.new_page()
    page.goto(base + "incidents/")
    page.click("button.sort[data-sort=title]")
    titles = page.locator("#incident-list tbody th").all_inner_texts()
    assert titles == sorted(titles, key=str.lower)
    assert page.locator("th:has(button[data-sort=title])").get_attribute("aria-sort") == "ascending"
    assert "sort=title-asc" in page.url
    page.click("button.sort[data-sort=date]")
    assert visible_rows(page) == [ROBOTYNE, SOLEDAR, DMYTRIVKA, POKROVSK]
    page.click("button.sort[data-sort=date]")
    assert visible_rows(page) == [POKROVSK, DMYTRIVKA, SOLEDAR, ROBOTYNE]
    page.reload()
    assert visible_rows(page) == [POKROVSK, DMYTRIVKA, SOLEDAR, ROBOTYNE]
    page.click("button.sort[data-sort=grade]")
    assert visible_rows(page)[-1] == POKROVSK  # Claimed comes after Verified and Corroborated


def test_without_javascript_every_record_is_listed_and_search_points_to_the_browse_pages(served):
    base, browser = served
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "incidents/?side=russia")
    assert not page.locator("#list-filters").is_visible()
    assert len(visible_rows(page)) == 4
    page.goto(base + "search/?q=Robotyne")
    assert page.locator("#search-needs-js").is_visible()
    assert not page.locator("#search-form").is_visible()
    assert page.locator("#search-needs-js a").all_inner_texts()[:3] == ["all incidents", "side", "grade"]
    context.close()
