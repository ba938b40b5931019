"""The explore view's data: a summary of every record and the records themselves in chunks, as JSON files under
explore/data/, made from the catalog only (so nothing private reaches them).

The summary holds the facets (each choice with its key and label, and how many records have it), the records by
the month their date window starts, where each region's records are drawn, and the list of chunks: with it and the
first chunk (the newest records, one page of the list) the view shows its first screen, the whole archive counted,
before the other chunks arrive. Each chunk holds its records as columns (one array per field), newest first, with
every choice as its position in the summary's facet: small to send and quick to read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog, Entry
from warcrime_archive.catalog.terms import year_group
from warcrime_archive.i18n import gettext as _
from warcrime_archive.model.enums import Harm, Precision
from warcrime_archive.model.outlines import representative_point
from warcrime_archive.model.people import NOT_ATTRIBUTED
from warcrime_archive.publish.fast_json import canonical

FIRST_CHUNK = 100
"""Records in the first chunk: the first page of the view's list, newest first."""
CHUNK = 2500
"""Records in each of the other chunks."""
SUMMARY = "summary.json"
BASEMAP = "basemap.json"
"""The view's base map (`explore_basemap`)."""
UNKNOWN = "unknown"
"""The victims' side of a group whose side is not known."""
DRAWN_AT_COORDINATES = (Precision.exact, Precision.near, Precision.settlement, Precision.district)
"""The precisions at which the view draws a record at its published coordinates (as the site's maps do,
`plan.maps.place`); a record at another precision, or without coordinates, is drawn at its region's representative
point. The coordinates are in the data whenever they are public (for the view's downloads)."""


@dataclass(frozen=True)
class Facet:
    """One way to narrow the explore view: a query parameter and its choices (key, label)."""

    name: str
    label: str
    options: tuple[tuple[str, str], ...]


def region_key(region_url: str) -> str:
    """A region as the filters name it: its address below places/, e.g. 'ua/kyiv-oblast'."""
    return region_url.removeprefix(urls.PLACES).strip("/")


def harm_keys(entry: Entry) -> list[str]:
    """The kinds of harm the record's victims suffered, each once, in the order of the record format."""
    found = {v.harm for v in entry.incident.victims}
    return [h.value for h in Harm if h in found]


def facets(catalog: Catalog) -> list[Facet]:
    """The explore view's facets, with every choice the records use: alleged perpetrator side, victims' side
    ('unknown' when a record leaves it unknown), grade (in the scale's order), category, region, harm and year."""
    sides = tuple((n.key, n.label) for n in catalog.sides)
    victims = sides
    if any(v.side is None for e in catalog.entries for v in e.incident.victims):
        victims = (*sides, (UNKNOWN, _("unknown")))
    regions = {(region_key(e.region_url), e.incident.location.region.name) for e in catalog.entries}
    harms = {h for e in catalog.entries for h in harm_keys(e)}
    perpetrators = sides
    if any(not e.incident.alleged_perpetrators for e in catalog.entries):
        perpetrators = (*sides, (NOT_ATTRIBUTED, _("Not attributed")))
    return [
        Facet("side", _("Alleged perpetrator side"), perpetrators),
        Facet("victims", _("Victims' side"), victims),
        Facet("grade", _("Grade"), tuple((n.key, n.label) for n in catalog.grades)),
        Facet("category", _("Category"), tuple((n.key, n.label) for n in catalog.categories)),
        Facet("region", _("Region"), tuple(sorted(regions, key=lambda r: (r[1], r[0])))),
        Facet("harm", _("Harm"), tuple((h.value, h.words()) for h in Harm if h.value in harms)),
        Facet("year", _("Year"), tuple((n.key, n.label) for n in catalog.years)),
    ]


def _choices(entry: Entry) -> dict[str, list[str]]:
    """The keys a record has in each facet."""
    inc = entry.incident
    return {
        "side": list(dict.fromkeys(p.side for p in inc.alleged_perpetrators)) or [NOT_ATTRIBUTED],
        "victims": list(dict.fromkeys(v.side or UNKNOWN for v in inc.victims)),
        "grade": [inc.verification.status],
        "category": [inc.category],
        "region": [region_key(entry.region_url)],
        "harm": harm_keys(entry),
        "year": [year_group(inc)[0]],  # a window over several years is its own group, never each year
    }


def _victims_words(entry: Entry) -> str:
    return "; ".join(f"{v.count_words()} {v.harm.words()}" for v in entry.incident.victims) or _("none reported")


def _columns(entries: tuple[Entry, ...] | list[Entry], index: dict[str, dict[str, int]]) -> dict[str, list[Any]]:
    """The records as columns: one array per field, each choice as its position in its facet."""
    columns: dict[str, list[Any]] = {
        name: []
        for name in (
            "id", "title", "when", "from", "to", "place", "region", "lat", "lon", "precision", "side", "victims",
            "harm", "grade", "category", "victimsText",
        )
    }  # fmt: skip
    for entry in entries:
        inc, loc = entry.incident, entry.incident.location
        choices = _choices(entry)
        point = loc.coordinates
        row = {
            "id": entry.id,
            "title": inc.title,
            "when": inc.date.words(),
            "from": inc.date.start.iso(),
            "to": inc.date.end.iso(),
            "place": loc.place or "",
            "region": index["region"][choices["region"][0]],
            "lat": point.lat if point else None,
            "lon": point.lon if point else None,
            "precision": loc.precision.value,
            "side": [index["side"][k] for k in choices["side"]],
            "victims": [index["victims"][k] for k in choices["victims"]],
            "harm": [index["harm"][k] for k in choices["harm"]],
            "grade": index["grade"].get(inc.verification.status, -1),
            "category": index["category"].get(inc.category, -1),
            "victimsText": _victims_words(entry),
        }
        for name, value in row.items():
            columns[name].append(value)
    return columns


def _chunks(entries: tuple[Entry, ...]) -> Iterator[tuple[Entry, ...]]:
    yield entries[:FIRST_CHUNK]
    for start in range(FIRST_CHUNK, len(entries), CHUNK):
        yield entries[start : start + CHUNK]


def _months(entries: tuple[Entry, ...]) -> dict[str, Any]:
    """The records counted by the month their date window starts, from the first such month to the last."""
    found = Counter((s.year, s.month) for s in (e.incident.date.start.start for e in entries))
    if not found:
        return {"first": None, "counts": []}
    (y0, m0), (y1, m1) = min(found), max(found)
    months = (y1 - y0) * 12 + m1 - m0 + 1
    counts = [found.get((y0 + (m0 - 1 + n) // 12, (m0 - 1 + n) % 12 + 1), 0) for n in range(months)]
    return {"first": f"{y0:04d}-{m0:02d}", "counts": counts}


def _regions(catalog: Catalog, region_facet: Facet) -> list[list[Any]]:
    """Where each region's records known only to it are drawn, in the order of the region facet: [country code,
    'region' or 'country' (whose representative point it is) or null, longitude, latitude, the region's page]."""
    by_key = {region_key(e.region_url): e for e in catalog.entries}
    out = []
    for key, _label in region_facet.options:
        loc = by_key[key].incident.location
        found = representative_point(loc.country, loc.region.code)
        kind, lon, lat = found if found is not None else (None, None, None)
        out.append([loc.country, kind, lon, lat, by_key[key].region_url])
    return out


def compact(value: Any) -> str:
    """JSON without spaces (keys sorted): what the browser reads, as small as JSON gets."""
    return canonical(value).decode("utf-8") + "\n"


def explore_files(catalog: Catalog) -> dict[str, str]:
    """Output path -> content of the explore view's data: the summary and every chunk."""
    found = facets(catalog)
    index = {f.name: {key: n for n, (key, _label) in enumerate(f.options)} for f in found}
    entries = catalog.entries
    counts = {f.name: [0] * len(f.options) for f in found}
    for entry in entries:
        for name, keys in _choices(entry).items():
            for key in keys:
                position = index[name].get(key)
                if position is not None:
                    counts[name][position] += 1
    files: dict[str, str] = {}
    chunks = []
    for number, chunk in enumerate(_chunks(entries)):
        if not chunk:
            continue
        name = f"records-{number}.json"
        files[urls.explore_data(name)] = compact(_columns(chunk, index))
        chunks.append({"file": name, "count": len(chunk)})
    summary = {
        "total": len(entries),
        "chunks": chunks,
        "facets": [{"name": f.name, "label": f.label, "options": [list(o) for o in f.options]} for f in found],
        "counts": counts,
        "regions": _regions(catalog, found[4]),
        "months": _months(entries),
        "precision": {p.value: p.words() for p in Precision},
        "drawnAt": [p.value for p in DRAWN_AT_COORDINATES],
    }
    files[urls.explore_data(SUMMARY)] = compact(summary)
    return files
