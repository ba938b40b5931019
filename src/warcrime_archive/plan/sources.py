"""Plans the sources and outlets indexes, and a page for each source and each outlet."""

from __future__ import annotations

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.i18n import gettext as _
from warcrime_archive.plan.pages import Link, Page, PageKind


def sources_page(catalog: Catalog) -> Page:
    return Page(PageKind.sources, urls.SOURCES, ("sources.html",), _("Sources"), {"sources": catalog.sources})


def source_pages(catalog: Catalog) -> list[Page]:
    """A page for each source, linking its outlet by name only."""
    pages = []
    for source in catalog.sources:
        outlet = catalog.outlets_by_name[source.source.outlet]
        pages.append(
            Page(
                PageKind.source,
                source.url,
                ("source.html",),
                source.source.title,
                {"source_node": source, "outlet": Link(outlet.name, outlet.url)},
            )
        )
    return pages


def outlets_page(catalog: Catalog) -> Page:
    return Page(PageKind.outlets, urls.OUTLETS, ("outlets.html",), _("Outlets"), {"outlets": catalog.outlets})


def outlet_pages(catalog: Catalog) -> list[Page]:
    return [Page(PageKind.outlet, o.url, ("outlet.html",), o.name, {"outlet": o}) for o in catalog.outlets]
