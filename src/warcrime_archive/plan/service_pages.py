"""Plans the pages that serve the rest: the downloads page, the search page and the 404 page."""

from __future__ import annotations

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.i18n import gettext as _
from warcrime_archive.plan.filters import filters
from warcrime_archive.plan.pages import Page, PageKind
from warcrime_archive.publish.downloads import OTHER_FILES
from warcrime_archive.publish.tables import TABLES, WITHDRAWALS


def data_page(catalog: Catalog) -> Page:
    """The downloads, each file and column described."""
    return Page(
        PageKind.data,
        urls.DATA,
        ("data.html",),
        _("Data downloads"),
        {"tables": (*TABLES, WITHDRAWALS), "other_files": OTHER_FILES, "records": len(catalog.entries)},
    )


def search_page(catalog: Catalog) -> Page:
    return Page(PageKind.search, urls.SEARCH, ("search.html",), _("Search"), {"filters": filters(catalog)})


def not_found_page() -> Page:
    return Page(PageKind.not_found, urls.NOT_FOUND, ("404.html",), _("Page not found"), {})
