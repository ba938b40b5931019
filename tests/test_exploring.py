"""The explore view as a reader uses it, in Chromium: facets, words and a span of time narrowing the map, the
timeline and the list, the state in the address (shared, reloaded), the matching records downloaded, the keyboard;
an archive loaded in chunks and listed in pages; and the page without JavaScript."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import chromium, serve
from many_records import many_records

from warcrime_archive.build import build_site
from warcrime_archive.publish import explore

SOLEDAR = "2022-12-30-soledar-prisoner-shot"
ROBOTYNE = "2024-06-robotyne-two-prisoners-shot"
DMYTRIVKA = "2022-03-30-dmytrivka-wounded-soldier-shot"
POKROVSK = "2024-10-01-pokrovsk-district-sixteen-prisoners-shot"
EVERY = [ROBOTYNE, SOLEDAR, DMYTRIVKA, POKROVSK]  # newest first


@pytest.fixture(scope="module")
def served(sample_site: Path):
    """The sample site at http://127.0.0.1:<port>/sub/, and Chromium."""
    with serve(sample_site) as base, chromium() as browser:
        yield base, browser


class Watch:
    """Every request a page makes, and anything refused or thrown."""

    def __init__(self, page, base: str):
        self.host = urlsplit(base).netloc
        self.requests: list[str] = []
        self.problems: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        # a missing file is told by its response (the console does not name it): the browser's own favicon.ico
        # request is not the site's
        page.on(
            "console", lambda m: self.problems.append(m.text) if m.type == "error" and "404" not in m.text else None
        )
        page.on("response", lambda r: self.missing(r.url) if r.status >= 400 else None)
        page.on("pageerror", lambda e: self.problems.append(f"error: {e}"))

    def missing(self, url: str) -> None:
        if not url.endswith("/favicon.ico"):
            self.problems.append(f"missing: {url}")

    def others(self) -> list[str]:
        return [
            u for u in self.requests if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != self.host
        ]


def ready(page) -> None:
    page.wait_for_selector("#explore[data-ready=all]", state="attached")


def listed(page) -> list[str]:
    return page.locator("#explore-list tbody th a").evaluate_all(
        "as => as.map(a => a.getAttribute('href').replace(/\\/$/, '').split('/').pop())"
    )


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_facets_narrow_the_records_say_when_nothing_matches_and_the_view_survives_a_reload(served):
    base, browser = served
    page = browser.new_page()
    watch = Watch(page, base)
    page.goto(base + "explore/")
    ready(page)
    status = page.locator("#explore-status")
    assert listed(page) == EVERY and status.inner_text() == "All 4 records."
    assert page.locator("#facet-side label", has_text="Russia").inner_text() == "Russia (3)"
    page.check("#facet-side input[value=russia]")
    page.check("#facet-grade input[value=corroborated]")
    assert listed(page) == [SOLEDAR] and status.inner_text() == "1 of 4 records match."
    assert query(page) == {"side": ["russia"], "grade": ["corroborated"]}
    # each choice counts the records it would give with the other facets as they are
    assert page.locator("#facet-grade label", has_text="Claimed").inner_text() == "Claimed (2)"
    assert page.locator("#facet-side label", has_text="Ukraine").inner_text() == "Ukraine (0)"
    page.reload()
    ready(page)
    assert listed(page) == [SOLEDAR]
    assert page.locator("#facet-side input[value=russia]").is_checked()
    # no Russian-alleged record has Russian victims: the view says so and offers each filter to remove
    page.check("#facet-victims input[value=russia]")
    assert listed(page) == [] and status.inner_text().startswith("No record matches these filters.")
    widen = page.locator("#explore-widen button")
    assert widen.all_inner_texts() == [
        "Remove the filter Alleged perpetrator side: Russia",
        "Remove the filter Victims' side: Russia",
        "Remove the filter Grade: Corroborated",
    ]
    widen.nth(1).click()
    assert listed(page) == [SOLEDAR] and page.locator("#explore-widen").is_hidden()
    # words, then clearing clears everything, the address too
    page.uncheck("#facet-grade input[value=corroborated]")
    assert listed(page) == [ROBOTYNE, SOLEDAR, POKROVSK]
    page.fill("#explore-q", "robotyne")
    page.wait_for_function("() => document.querySelectorAll('#explore-list tbody tr').length === 1")
    assert listed(page) == [ROBOTYNE] and query(page)["q"] == ["robotyne"]
    page.click("#explore-clear")
    assert listed(page) == EVERY and urlsplit(page.url).query == ""
    assert not page.locator("#explore-form input:checked").count() and page.input_value("#explore-q") == ""
    assert watch.others() == [] and watch.problems == []


def test_a_span_of_time_from_the_address_the_sliders_or_a_drag_across_the_chart(served):
    base, browser = served
    page = browser.new_page()
    page.goto(base + "explore/?from=2022-12&to=2023-01")
    ready(page)
    # a record is kept when its date window overlaps the span: Pokrovsk's runs from 2022 to 2024
    assert listed(page) == [SOLEDAR, POKROVSK]
    assert page.locator("#explore-from-text").inner_text() == "December 2022"
    assert page.locator("#explore-to-text").inner_text() == "January 2023"
    page.focus("#explore-to")
    page.keyboard.press("Home")  # the span's end at the first month: February 2022, before December's start
    page.wait_for_function("() => new URLSearchParams(location.search).get('to') === '2022-12'")
    assert listed(page) == [SOLEDAR, POKROVSK] or listed(page) == [POKROVSK]
    page.click("#explore-all-time")
    assert listed(page) == EVERY and "from" not in query(page) and "to" not in query(page)
    # a drag across the first months of the chart: February to March 2022
    chart = page.locator("#explore-histogram").bounding_box()
    y = chart["y"] + chart["height"] / 2
    page.mouse.move(chart["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(chart["x"] + chart["width"] * 1.5 / 29, y, steps=4)
    page.mouse.up()
    assert "from" not in query(page) and query(page)["to"] == ["2022-03"]
    assert listed(page) == [DMYTRIVKA, POKROVSK]


def test_the_matching_records_download_as_csv_and_geojson_as_the_site_publishes_them(served, sample_site: Path):
    base, browser = served
    page = browser.new_page(accept_downloads=True)
    page.goto(base + "explore/?side=russia")
    ready(page)
    assert listed(page) == [ROBOTYNE, SOLEDAR, POKROVSK]
    with page.expect_download() as got:
        page.click("#explore-csv")
    rows = list(csv.DictReader(io.StringIO(Path(got.value.path()).read_text("utf-8"), newline="")))
    assert [r["id"] for r in rows] == [ROBOTYNE, SOLEDAR, POKROVSK]
    assert {r["alleged_perpetrator_sides"] for r in rows} == {"russia"}
    assert rows[2]["geometry_represents"] == "region" and rows[2]["place"] == ""
    assert rows[1]["url"] == f"https://example.org/warcrime-archive/incidents/{SOLEDAR}/"
    with page.expect_download() as got:
        page.click("#explore-geojson")
    exported = json.loads(Path(got.value.path()).read_text("utf-8"))
    published = {f["id"]: f for f in json.loads((sample_site / "data" / "incidents.geojson").read_text())["features"]}
    # each feature as the downloads have it: a region's point says it is the region's, never the place
    assert exported["features"] == [published[i] for i in (ROBOTYNE, SOLEDAR, POKROVSK)]


def test_the_view_works_from_the_keyboard(served):
    base, browser = served
    page = browser.new_page()
    page.goto(base + "explore/")
    ready(page)
    page.focus("#facet-side input[value=ukraine]")
    page.keyboard.press("Space")
    assert listed(page) == [DMYTRIVKA]
    details = page.locator("#explore-list tbody button.details").first
    details.focus()
    page.keyboard.press("Enter")
    panel = page.locator("#explore-detail")
    assert panel.is_visible() and page.evaluate("document.activeElement.id") == "explore-detail-title"
    assert page.locator("#explore-detail-title").inner_text() == "Wounded, captured Russian soldier shot near Dmytrivka"
    assert "Kyiv Oblast" in panel.inner_text() and query(page)["id"] == [DMYTRIVKA]
    page.keyboard.press("Escape")
    assert panel.is_hidden() and page.evaluate("document.activeElement.classList.contains('details')")
    assert "id" not in query(page)
    # each mark on the map is a button with a name, and Enter on a region's count zooms in
    marker = page.locator("#explore-map .leaflet-marker-icon").first
    assert marker.get_attribute("role") == "button" and marker.get_attribute("tabindex") == "0"
    assert marker.get_attribute("aria-label") == "1 incident in Kyiv Oblast"
    zoom = page.evaluate("() => new URLSearchParams(location.search).get('map')")
    marker.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('map') !== {json.dumps(zoom)}")
    # the zoom is animated (the address may show a step on the way, 5.5 on a loaded machine): wait for its end
    page.wait_for_function("() => parseFloat(new URLSearchParams(location.search).get('map')) >= 7", timeout=10_000)
    assert float(query(page)["map"][0].split("/")[0]) >= 7
    assert page.evaluate("document.activeElement.id") == "explore-map"  # the reader goes on from the map


def test_a_large_archive_is_loaded_in_chunks_and_listed_in_pages(served, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(explore, "CHUNK", 100)
    root = many_records(tmp_path / "archive", 250)
    site = tmp_path / "site"
    build_site(root, site, history=False)
    _, browser = served
    with serve(site) as base:
        page = browser.new_page()
        watch = Watch(page, base)
        page.goto(base + "explore/")
        ready(page)
        chunks = sorted(u.rsplit("/", 1)[1] for u in watch.requests if "/explore/data/records-" in u)
        assert chunks == ["records-0.json", "records-1.json", "records-2.json"]  # 100, 100 and 50 records
        assert page.locator("#explore-list tbody tr").count() == 100
        assert page.locator("#explore-status").inner_text() == "All 250 records. Records 1 to 100 are listed."
        page.locator("#explore-pager button", has_text="2").click()
        assert query(page)["page"] == ["2"]
        assert page.locator("#explore-list tbody th a").first.inner_text() == "Incident number 150"
        page.reload()
        ready(page)
        assert page.locator("#explore-list tbody th a").first.inner_text() == "Incident number 150"
        page.select_option("#explore-sort", "date-asc")
        assert "page" not in query(page) and query(page)["sort"] == ["date-asc"]
        assert page.locator("#explore-list tbody th a").first.inner_text() == "Incident number 1"
        assert watch.others() == [] and watch.problems == []


def test_without_javascript_the_explore_page_says_what_it_needs_and_the_list_says_filters_need_it(served):
    base, browser = served
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "explore/?side=russia")
    assert page.locator("#explore-needs-js").is_visible() and page.locator("#explore").is_hidden()
    assert page.locator("#explore-needs-js a").all_inner_texts()[:3] == ["map", "timeline", "the list of all incidents"]
    page.goto(base + "incidents/?side=russia")
    assert not page.locator("#list-filters").is_visible()
    assert page.locator("main .note", has_text="Filtering and sorting the list need JavaScript").is_visible()
    assert page.locator("#main table tbody tr").count() == 4
    context.close()


def test_the_incident_lists_form_and_its_old_filter_addresses_open_the_explore_view(served):
    base, browser = served
    page = browser.new_page()
    page.goto(base + "incidents/?side=russia&grade=corroborated&sort=title-asc")
    page.wait_for_url("**/explore/?*")
    ready(page)
    assert query(page) == {"side": ["russia"], "grade": ["corroborated"], "sort": ["title-asc"]}
    assert listed(page) == [SOLEDAR]
    page.goto(base + "incidents/")
    page.select_option("#list-grade", "claimed")
    page.select_option("#list-sort", "date-asc")
    page.click("#list-filters button[type=submit]")
    page.wait_for_url("**/explore/?*")
    ready(page)
    assert listed(page) == [POKROVSK, ROBOTYNE] and query(page)["sort"] == ["date-asc"]
