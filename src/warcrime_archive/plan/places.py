"""Plans the places index and a page for each country, region and place, with its breadcrumbs and map."""

from __future__ import annotations

from collections.abc import Callable

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog, PlaceNode
from warcrime_archive.i18n import gettext as _
from warcrime_archive.plan.maps import MapView
from warcrime_archive.plan.pages import Link, Page, PageKind

PlaceMap = Callable[[PlaceNode, str], MapView]
"""A place's map, from its node and its country's code (`site.Made.place_map`)."""


def breadcrumbs(catalog: Catalog, node: PlaceNode | None) -> list[Link]:
    """The country, region and place leading to `node`, outermost first."""
    chain: list[Link] = []
    while node is not None:
        chain.append(Link(node.name, node.url))
        node = catalog.places_by_url.get(node.parent_url) if node.parent_url else None
    return chain[::-1]


def places_page(catalog: Catalog) -> Page:
    return Page(PageKind.places, urls.PLACES, ("places.html",), _("Places"), {"countries": catalog.countries})


def place_pages(catalog: Catalog, place_map: PlaceMap) -> list[Page]:
    """A page for each country, region and place, tried as 'place-<level>.html', then 'place.html'."""
    pages = []
    for node in catalog.places_by_url.values():
        chain = breadcrumbs(catalog, node)
        country = catalog.places_by_url[chain[0].url]
        pages.append(
            Page(
                PageKind.place,
                node.url,
                (f"place-{node.level}.html", "place.html"),
                node.name,
                {"node": node, "breadcrumbs": chain, "place_map": place_map(node, country.code)},
            )
        )
    return pages
