"""Catalog stage: valid records -> immutable indexes by place, source, outlet, side, grade and more.

Everything the templates list or link is worked out here once, in a stable order, so that rendering
is a pure function of a page's context. Nothing private is copied into the catalog: each record passes
through `privacy.public_incident` first, before any later stage can see it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from warcrime_archive import i18n, urls
from warcrime_archive.catalog.history import Change, Commit, public_changes
from warcrime_archive.catalog.moved import moved_addresses
from warcrime_archive.catalog.nodes import Catalog, Entry, Tombstone, newest_first
from warcrime_archive.catalog.places import place_tree, region_slugs
from warcrime_archive.catalog.privacy import public_incident
from warcrime_archive.catalog.sources import source_nodes
from warcrime_archive.catalog.terms import term_nodes
from warcrime_archive.model.archive import Archive, Record
from warcrime_archive.model.location import Location
from warcrime_archive.model.record import Incident
from warcrime_archive.slugs import slugify


def _place_urls(loc: Location, slugs: Mapping[tuple[str, str], str]) -> tuple[str, str]:
    """The addresses of a record's place and region; the country's for both when only the country is known."""
    if loc.country_only:
        return urls.country(loc.country), urls.country(loc.country)
    region_slug = slugs[(loc.country, loc.region.code)]
    region_url = urls.region(loc.country, region_slug)
    return (urls.place(loc.country, region_slug, slugify(loc.place)) if loc.place else region_url), region_url


def build_catalog(archive: Archive, history: Mapping[str, tuple[Commit, ...]] | None = None) -> Catalog:
    """Index the archive's public records; `history` (from history.read_history) dates them."""
    config = archive.config
    slugs = region_slugs(archive.records)
    entries: list[Entry] = []
    tombstones: list[Tombstone] = []
    for record in archive.records:
        withdrawn = record.incident.withdrawn
        if withdrawn is not None:
            commits = (history or {}).get(record.path, ())
            url = urls.incident(record.id)
            tombstones.append(Tombstone(record.id, url, record.incident.title, withdrawn, commits))
            continue
        entries.append(_entry(record, (history or {}).get(record.path, ()), slugs, config.commit_links))
    ordered = newest_first(entries)
    gone = tuple(sorted(tombstones, key=lambda t: (t.withdrawn.date.start, t.id), reverse=True))
    rank = {e.id: i for i, e in enumerate(ordered)}
    countries, places_by_url = place_tree(ordered, rank, config.language)
    sources, outlets = source_nodes(ordered, rank)
    with i18n.activated(i18n.load(archive.root, config.language)):  # the words of a window of years
        terms = term_nodes(config, ordered)
    return Catalog(
        config=config,
        entries=ordered,
        by_id=MappingProxyType({e.id: e for e in ordered}),
        aliases=MappingProxyType(
            {alias: r.id for r in archive.records for alias in r.incident.aliases}  # a withdrawn record's too
        ),
        countries=countries,
        places_by_url=MappingProxyType(places_by_url),
        sources=sources,
        sources_by_url=MappingProxyType({s.source.url: s for s in sources}),
        outlets=outlets,
        outlets_by_name=MappingProxyType({o.name: o for o in outlets}),
        **terms,
        pages=archive.pages,
        term_urls=MappingProxyType(
            {name: MappingProxyType({n.key: n.url for n in nodes}) for name, nodes in terms.items()}
        ),
        withdrawn=gone,
        withdrawn_by_id=MappingProxyType({t.id: t for t in gone}),
        moved=MappingProxyType(dict(moved_addresses(ordered, sources, outlets))),
    )


def _entry(record: Record, commits: tuple[Commit, ...], slugs: Mapping[tuple[str, str], str], links: bool) -> Entry:
    """A published record's entry: its public incident, its addresses and its history."""
    incident = public_incident(record.incident)
    loc = incident.location
    place_url, region_url = _place_urls(loc, slugs)
    return Entry(
        record.id,
        urls.incident(record.id),
        record.path,
        incident,
        place_url,
        region_url,
        urls.country(loc.country),
        commits,
        _changes(commits, incident, links),
    )


def _changes(commits: tuple[Commit, ...], incident: Incident, each_commit: bool) -> tuple[Change, ...]:
    """The record's public history; none without git."""
    if not commits:
        return ()
    corrections = [(c.date, c.note) for c in incident.corrections]
    return public_changes(commits, corrections, each_commit=each_commit)
