"""Plans the sources and outlets indexes, and the pages of each source and each outlet, each list a hundred a page."""

from __future__ import annotations

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.i18n import gettext as _
from warcrime_archive.plan.pages import Counted, Link, Page, PageKind
from warcrime_archive.plan.paging import paged_title, paginate

SOURCES_BELOW = "sources/"
"""Below an outlet's address: its sources (the outlet's own page lists the records citing it)."""


def sources_pages(catalog: Catalog) -> list[Page]:
    return [
        Page(
            PageKind.sources,
            url,
            ("sources.html",),
            paged_title(_("Sources"), pager),
            {"sources": chunk, "pager": pager},
        )
        for url, chunk, pager in paginate(urls.SOURCES, catalog.sources)
    ]


def source_pages(catalog: Catalog) -> list[Page]:
    """The pages of each source: what it is and the records citing it, linking its outlet by name only."""
    pages = []
    for node in catalog.sources:
        outlet = catalog.outlets_by_name[node.source.outlet]
        for url, chunk, pager in paginate(node.url, node.entries):
            context = {"source": node.source, "outlet": Link(outlet.name, outlet.url), "entries": chunk, "pager": pager}
            pages.append(Page(PageKind.source, url, ("source.html",), paged_title(node.source.title, pager), context))
    return pages


def outlets_pages(catalog: Catalog) -> list[Page]:
    return [
        Page(
            PageKind.outlets,
            url,
            ("outlets.html",),
            paged_title(_("Outlets"), pager),
            {"outlets": chunk, "pager": pager},
        )
        for url, chunk, pager in paginate(urls.OUTLETS, catalog.outlets)
    ]


def outlet_pages(catalog: Catalog) -> list[Page]:
    """The pages of each outlet: the records citing it, and below its address its sources."""
    pages = []
    for node in catalog.outlets:
        outlet = Counted(node.name, node.url, len(node.entries))
        base = {"outlet": outlet, "sources_url": node.url + SOURCES_BELOW, "source_count": len(node.sources)}
        for url, chunk, pager in paginate(node.url, node.entries):
            context = {**base, "role": "", "entries": chunk, "sources": (), "pager": pager}
            pages.append(Page(PageKind.outlet, url, ("outlet.html",), paged_title(node.name, pager), context))
        title = _("Sources from %(outlet)s") % {"outlet": node.name}
        for url, sources, pager in paginate(node.url + SOURCES_BELOW, node.sources):
            context = {**base, "role": "sources", "entries": (), "sources": sources, "pager": pager}
            pages.append(Page(PageKind.outlet, url, ("outlet.html",), paged_title(title, pager), context))
    return pages
