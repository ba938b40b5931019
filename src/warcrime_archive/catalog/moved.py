"""Addresses that moved when names stopped being hashed: before, a place, region, outlet or source named in a
script other than Latin got a hash for an address ('places/ua/donetsk-oblast/68d87007/'); now its name is
transliterated ('places/ua/donetsk-oblast/soledar/'). Each former address that changed keeps a page redirecting
to the new one, so links already shared keep working."""

from __future__ import annotations

from collections.abc import Mapping

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Entry, OutletNode, SourceNode
from warcrime_archive.slugs import former_slug, short_hash


def moved_addresses(
    entries: tuple[Entry, ...], sources: tuple[SourceNode, ...], outlets: tuple[OutletNode, ...]
) -> Mapping[str, str]:
    """Former address -> current address, for every page whose address changed (sorted by former address).
    A former address that is some page's current address is left alone."""
    moved: dict[str, str] = {}
    for e in entries:
        loc = e.incident.location
        old_region = urls.region(loc.country, former_slug(loc.region.name))
        moved.setdefault(old_region, e.region_url)
        if loc.place:
            moved.setdefault(urls.place(loc.country, former_slug(loc.region.name), former_slug(loc.place)), e.place_url)
    for node in sources:
        old = f"{former_slug(node.source.title, max_length=50)}-{short_hash(node.source.url, 6)}"
        moved.setdefault(urls.source(old), node.url)
    for outlet in outlets:
        moved.setdefault(urls.outlet(former_slug(outlet.name)), outlet.url)
    current = {e.region_url for e in entries} | {e.place_url for e in entries}
    current |= {n.url for n in sources} | {o.url for o in outlets}
    return {old: new for old, new in sorted(moved.items()) if old != new and old not in current}
