"""The places of the catalog: countries, their regions and the places in them, each with its incidents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from warcrime_archive.catalog.nodes import Entry, PlaceNode, newest_first
from warcrime_archive.model.archive import Record
from warcrime_archive.model.regions import country_name
from warcrime_archive.slugs import slugify


def region_slugs(records: tuple[Record, ...]) -> dict[tuple[str, str], str]:
    """Slugs for regions, one per region code, never colliding within a country."""
    out: dict[tuple[str, str], str] = {}
    for record in records:
        loc = record.incident.location
        if not loc.country_only:  # a place known only to its country is listed under the country
            out.setdefault((loc.country, loc.region.code), slugify(loc.region.name))
    return out


def place_tree(
    ordered: tuple[Entry, ...], rank: Mapping[str, int], language: str = "en"
) -> tuple[tuple[PlaceNode, ...], dict[str, PlaceNode]]:
    """The countries, their regions and places; a place named in `language` when its record gives that name."""
    tree: dict[str, dict[str, dict[str, list[Entry]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    names: dict[str, str] = {}
    aka: dict[str, set[str]] = defaultdict(set)
    admin2: dict[str, set[str]] = defaultdict(set)
    codes: dict[str, str] = {}
    for e in ordered:
        loc = e.incident.location
        tree[e.country_url][e.region_url][e.place_url].append(e)
        names[e.country_url] = country_name(loc.country) or loc.country
        codes[e.country_url] = loc.country
        names[e.region_url] = loc.region.name
        codes[e.region_url] = loc.region.code
        if loc.place:
            names.setdefault(e.place_url, loc.name_in(language) or loc.place)
            aka[e.place_url].update(a for a in loc.also_known_as if a != names[e.place_url])
            if loc.admin2:
                admin2[e.place_url].add(loc.admin2)
    by_url: dict[str, PlaceNode] = {}
    countries = []
    for c_url in sorted(tree, key=lambda u: names[u]):
        regions = []
        for r_url in sorted(tree[c_url], key=lambda u: names[u]):
            if r_url == c_url:
                continue  # incidents known only to the country
            places = []
            for p_url in sorted(tree[c_url][r_url], key=lambda u: names.get(u, "")):
                if p_url == r_url:
                    continue  # incidents known only to the region
                node = PlaceNode(
                    "place",
                    names[p_url],
                    p_url,
                    r_url,
                    (),
                    newest_first(tree[c_url][r_url][p_url], rank),
                    also_known_as=tuple(sorted(aka[p_url])),
                    admin2=tuple(sorted(admin2[p_url])),
                )
                places.append(node)
                by_url[p_url] = node
            region_entries = newest_first([e for p in tree[c_url][r_url].values() for e in p], rank)
            node = PlaceNode("region", names[r_url], r_url, c_url, tuple(places), region_entries, code=codes[r_url])
            regions.append(node)
            by_url[r_url] = node
        country_entries = newest_first([e for r in tree[c_url].values() for p in r.values() for e in p], rank)
        node = PlaceNode("country", names[c_url], c_url, None, tuple(regions), country_entries, code=codes[c_url])
        countries.append(node)
        by_url[c_url] = node
    return tuple(countries), by_url
