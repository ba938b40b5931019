"""The downloads page, the search page and the 404 page."""

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan.filters import filters
from warcrime_archive.plan.pages import PageKind
from warcrime_archive.plan.service_pages import data_page, not_found_page, search_page
from warcrime_archive.publish.tables import TABLES, WITHDRAWALS
from warcrime_archive.validate.load import load_archive


def test_the_downloads_search_and_404_pages():
    catalog = build_catalog(load_archive(MINIMAL).archive)
    data = data_page(catalog)
    assert data.context["tables"] == (*TABLES, WITHDRAWALS) and data.context["records"] == 1
    assert [name for name, _ in data.context["other_files"]] == [
        "incidents.json",
        "incidents.geojson",
        "datapackage.json",
    ]
    assert search_page(catalog).context["filters"] == filters(catalog)
    missing = not_found_page()
    assert (missing.kind, missing.output) == (PageKind.not_found, "404.html") and missing.kind.absolute_links
