"""Plans the pages that show every incident at once in time and in space: the timeline and the map."""

from __future__ import annotations

from collections.abc import Mapping

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.i18n import gettext as _
from warcrime_archive.plan import maps, timeline
from warcrime_archive.plan.pages import Page, PageKind


def timeline_page(catalog: Catalog) -> Page:
    entries = catalog.entries
    return Page(
        PageKind.timeline,
        urls.TIMELINE,
        ("timeline.html",),
        _("Timeline"),
        {
            "timeline": timeline.build(entries),
            "chronological": [(e, timeline.date_kind(e)) for e in timeline.chronological(entries)],
        },
    )


def map_page(catalog: Catalog, placement: Mapping[str, str]) -> Page:
    """The map of every incident, and each in words (`placement`: by id, as its page puts it) in date order."""
    entries = catalog.entries
    overview = maps.overview(entries, maps.region_urls(catalog.places_by_url))
    placed = [(e, placement[e.id]) for e in timeline.chronological(entries)]
    return Page(PageKind.map, urls.MAP, ("map.html",), _("Map"), {"overview": overview, "placed": placed})
