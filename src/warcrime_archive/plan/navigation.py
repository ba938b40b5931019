"""The header's links, on every page."""

from __future__ import annotations

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.i18n import gettext as _


def navigation(catalog: Catalog) -> list[tuple[str, str]]:
    """The header's links: (URL, label)."""
    nav = [
        (urls.INCIDENTS, _("Incidents")),
        (urls.TIMELINE, _("Timeline")),
        (urls.MAP, _("Map")),
        (urls.EXPLORE, _("Explore")),
        (urls.PLACES, _("Places")),
        (urls.SOURCES, _("Sources")),
        (urls.SIDES, _("Sides")),
        (urls.GRADES, _("Grades")),
        (urls.DATA, _("Data")),
        (urls.METHODOLOGY, _("Methodology")),
    ]
    if any(p.slug == "about" for p in catalog.pages):
        nav.append((urls.free_page("about"), _("About")))
    return nav
