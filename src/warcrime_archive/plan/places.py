"""Plans the places index and a page for each country, region and place, with its breadcrumbs and map."""

from __future__ import annotations

from collections.abc import Callable

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog, PlaceNode
from warcrime_archive.i18n import gettext as _
from warcrime_archive.plan.maps import MapView
from warcrime_archive.plan.pages import Counted, Link, Page, PageKind, PlaceHead
from warcrime_archive.plan.paging import PER_PAGE, paged_title, paginate

PlaceMap = Callable[[PlaceNode, str], MapView]
"""A place's map, from its node and its country's code (`site.PageParts.place_map`)."""

CHILDREN_SHOWN = 3 * PER_PAGE
"""A place page lists this many of its regions or places at most; a region with more has its places on pages of
their own below its address (`PLACES_BELOW`)."""
PLACES_BELOW = "places/"
INDEX_PLACES = 300
"""The places index lists every place under its region when the archive has at most this many places; else only the
countries and regions (each region's page lists its places)."""


def breadcrumbs(catalog: Catalog, node: PlaceNode | None) -> list[Link]:
    """The country, region and place leading to `node`, outermost first."""
    chain: list[Link] = []
    while node is not None:
        chain.append(Link(node.name, node.url))
        node = catalog.places_by_url.get(node.parent_url) if node.parent_url else None
    return chain[::-1]


def places_page(catalog: Catalog) -> Page:
    places = sum(len(region.children) for country in catalog.countries for region in country.children)
    return Page(
        PageKind.places,
        urls.PLACES,
        ("places.html",),
        _("Places"),
        {"countries": [_head(c, with_children=True) for c in catalog.countries], "with_places": places <= INDEX_PLACES},
    )


def _counted(node: PlaceNode) -> Counted:
    return Counted(node.name, node.url, len(node.entries))


def _head(node: PlaceNode, *, with_children: bool = False) -> PlaceHead:
    """`node` as its pages show it; with `with_children`, each child with its own children (for the index)."""
    children = tuple(_head(c, with_children=True) if with_children else _counted(c) for c in node.children)
    return PlaceHead(
        node.level,
        node.name,
        node.url,
        node.parent_url,
        len(node.entries),
        children,
        node.code,
        node.also_known_as,
        node.admin2,
    )


def place_pages(catalog: Catalog, place_map: PlaceMap) -> list[Page]:
    """The pages of each country, region and place, tried as 'place-<level>.html', then 'place.html': its records, a
    hundred a page, with its breadcrumbs, and on the first its map and its regions or places (those of a region with
    very many on pages of their own, below its address)."""
    pages = []
    for node in catalog.places_by_url.values():
        chain = breadcrumbs(catalog, node)
        country = catalog.places_by_url[chain[0].url]
        head = _head(node)
        templates = (f"place-{node.level}.html", "place.html")
        below = node.url + PLACES_BELOW if len(head.children) > CHILDREN_SHOWN else None
        for url, chunk, pager in paginate(node.url, node.entries):
            context = {"node": head, "breadcrumbs": chain, "entries": chunk, "pager": pager, "role": ""}
            context["children"] = head.children[:CHILDREN_SHOWN] if pager.number == 1 else ()
            context["children_url"] = below
            # The map shows every record of the place: on the first page only.
            context["place_map"] = place_map(node, country.code) if pager.number == 1 else None
            pages.append(Page(PageKind.place, url, templates, paged_title(node.name, pager), context))
        if below is not None:
            title = _("Places in %(place)s") % {"place": node.name}
            for url, children, pager in paginate(below, head.children, CHILDREN_SHOWN):
                context = {"node": head, "breadcrumbs": chain, "entries": (), "pager": pager, "role": "places"}
                context |= {"children": children, "children_url": below, "place_map": None}
                pages.append(Page(PageKind.place, url, templates, paged_title(title, pager), context))
    return pages
