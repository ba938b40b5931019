"""Plans the pages that show every incident at once in time and in space: the timeline, the map and the explore
view. The timeline and the map list every incident in a table, a hundred a page; their picture is on the first."""

from __future__ import annotations

from collections.abc import Mapping

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.i18n import gettext as _
from warcrime_archive.plan import map_frame, maps, timeline
from warcrime_archive.plan.pages import Page, PageKind
from warcrime_archive.plan.paging import paged_title, paginate
from warcrime_archive.publish.explore import facets


def timeline_pages(catalog: Catalog) -> list[Page]:
    """The timeline: each record drawn as a mark, or, in a large archive, a histogram of records by month; then every
    record, oldest first, with how precisely its date is known."""
    entries = catalog.entries
    ordered = timeline.chronological(entries)
    drawn: dict[str, object] = {"timeline": None, "histogram": None}
    if len(entries) <= timeline.MARK_LIMIT:
        drawn["timeline"] = timeline.build(entries)
    else:
        drawn["histogram"] = timeline.histogram(entries, urls.year)
    rows = [(e, timeline.date_kind(e)) for e in ordered]
    return [
        Page(
            PageKind.timeline,
            url,
            ("timeline.html",),
            paged_title(_("Timeline"), pager),
            {
                **(drawn if pager.number == 1 else {"timeline": None, "histogram": None}),
                "chronological": chunk,
                "pager": pager,
            },
        )
        for url, chunk, pager in paginate(urls.TIMELINE, rows)
    ]


def map_pages(catalog: Catalog, placement: Mapping[str, str]) -> list[Page]:
    """The map of every incident (on the first page), and each in words (`placement`: by id, as its page puts it)
    in date order."""
    entries = catalog.entries
    overview = maps.overview(entries, maps.region_urls(catalog.places_by_url))
    placed = [(e, placement[e.id]) for e in timeline.chronological(entries)]
    empty = maps.MapView(map_frame.WIDTH, 0, (), (), ())
    return [
        Page(
            PageKind.map,
            url,
            ("map.html",),
            paged_title(_("Map"), pager),
            {
                "overview": overview if pager.number == 1 else empty,
                "placed": chunk,
                "placed_count": len(placed),
                "pager": pager,
            },
        )
        for url, chunk, pager in paginate(urls.MAP, placed)
    ]


def explore_page(catalog: Catalog) -> Page:
    """The explore view: a map, a timeline with a date range, facets and the matching records, in the reader's
    browser from the data files of `publish.explore`."""
    return Page(
        PageKind.explore,
        urls.EXPLORE,
        ("explore.html",),
        _("Explore"),
        {"facets": facets(catalog), "records": len(catalog.entries)},
    )
