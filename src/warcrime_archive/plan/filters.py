"""The filters of the incident list and the search page, and the data of each incident's row they filter by."""

from __future__ import annotations

from dataclasses import dataclass

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog, Entry
from warcrime_archive.catalog.terms import year_group
from warcrime_archive.i18n import gettext as _
from warcrime_archive.model.people import NOT_ATTRIBUTED


@dataclass(frozen=True)
class Filter:
    """One way to narrow the incident list and the search: a query parameter and its choices."""

    name: str  # the URL query parameter, the Pagefind filter and the table row's data-* attribute
    label: str
    options: tuple[tuple[str, str], ...]  # (key, label)


def _region_key(region_url: str) -> str:
    return region_url.removeprefix(urls.PLACES).strip("/")


def filters(catalog: Catalog) -> list[Filter]:
    """The filters of the incident list and the search page, with every choice the records use."""
    sides = tuple((n.key, n.label) for n in catalog.sides)
    regions = {(_region_key(e.region_url), e.incident.location.region.name) for e in catalog.entries}
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


def row_data(catalog: Catalog, entry: Entry) -> dict[str, str]:
    """The data-* attributes of an incident's row in the list, which its script filters and sorts by."""
    inc = entry.incident
    grades = [n.key for n in catalog.grades]
    status = inc.verification.status
    return {
        "side": " ".join(dict.fromkeys(p.side for p in inc.alleged_perpetrators)) or NOT_ATTRIBUTED,
        "victims": " ".join(dict.fromkeys(v.side or "unknown" for v in inc.victims)),
        "grade": status,
        "category": inc.category,
        "region": _region_key(entry.region_url),
        "year": year_group(inc)[0],
        "rank": str(grades.index(status) if status in grades else len(grades)),
    }
