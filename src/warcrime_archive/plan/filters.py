"""The filters of the incident list and the search page: each a name and the choices the records use. (The explore
view's facets, with the kinds of harm, are `publish.explore.facets`.)"""

from __future__ import annotations

from dataclasses import dataclass

from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.i18n import gettext as _
from warcrime_archive.model.people import NOT_ATTRIBUTED
from warcrime_archive.publish.explore import region_key


@dataclass(frozen=True)
class Filter:
    """One way to narrow the incident list and the search: a query parameter and its choices."""

    name: str  # the URL query parameter and the Pagefind filter
    label: str
    options: tuple[tuple[str, str], ...]  # (key, label)


def filters(catalog: Catalog) -> list[Filter]:
    """The filters of the incident list and the search page, with every choice the records use."""
    sides = tuple((n.key, n.label) for n in catalog.sides)
    regions = {(region_key(e.region_url), e.incident.location.region.name) for e in catalog.entries}
    unattributed = any(not e.incident.alleged_perpetrators for e in catalog.entries)
    perpetrators = sides + (((NOT_ATTRIBUTED, _("Not attributed")),) if unattributed else ())
    return [
        Filter("side", _("Alleged perpetrator side"), perpetrators),
        Filter("victims", _("Victims' side"), sides),
        Filter("grade", _("Grade"), tuple((n.key, n.label) for n in catalog.grades)),
        Filter("category", _("Category"), tuple((n.key, n.label) for n in catalog.categories)),
        Filter("region", _("Region"), tuple(sorted(regions, key=lambda r: r[1]))),
        Filter("year", _("Year"), tuple((n.key, n.label) for n in catalog.years)),
    ]
