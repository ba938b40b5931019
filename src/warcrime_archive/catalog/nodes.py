"""What the catalog is made of: public incidents (entries) and the places, sources, outlets and terms that list
them, each immutable, and the catalog that holds them all."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from warcrime_archive.catalog.history import Change, Commit
from warcrime_archive.model.archive import FreePage
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.record import Incident, Withdrawal
from warcrime_archive.model.sources import Source


@dataclass(frozen=True)
class Entry:
    """One public incident: its id, URL, the record with private parts removed, and where it is."""

    id: str
    url: str
    path: str
    incident: Incident
    place_url: str
    region_url: str
    country_url: str
    history: tuple[Commit, ...] = ()  # newest first; empty without git
    changes: tuple[Change, ...] = ()
    """The record's public history, newest first (`history.public_changes`); empty without git."""

    @property
    def first_published(self) -> Commit | None:
        return self.history[-1] if self.history else None

    @property
    def last_updated(self) -> Commit | None:
        return self.history[0] if self.history else None

    @property
    def sort_key(self) -> tuple:
        return (*self.incident.date.sort_key(), self.id)


@dataclass(frozen=True)
class Tombstone:
    """A withdrawn record as readers still find it at its address: its title, its dates and the public reason,
    nothing else of the record."""

    id: str
    url: str
    title: str
    withdrawn: Withdrawal
    history: tuple[Commit, ...] = ()  # newest first; empty without git

    @property
    def first_published(self) -> Commit | None:
        return self.history[-1] if self.history else None


@dataclass(frozen=True)
class PlaceNode:
    """A country, region or place, with its children and the incidents in or under it."""

    level: str  # country | region | place
    name: str
    url: str
    parent_url: str | None
    children: tuple[PlaceNode, ...]
    entries: tuple[Entry, ...]
    code: str = ""
    also_known_as: tuple[str, ...] = ()
    admin2: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceNode:
    """A source merged across the archive by URL, with every incident that cites it."""

    slug: str
    url: str
    source: Source
    outlet_url: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class OutletNode:
    name: str
    slug: str
    url: str
    sources: tuple[SourceNode, ...]
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class TermNode:
    """A side, grade, category, year or tag page: a term and its incidents."""

    key: str
    label: str
    description: str
    url: str
    entries: tuple[Entry, ...]
    rule: str = ""
    victim_entries: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Catalog:
    config: ArchiveConfig
    entries: tuple[Entry, ...]  # newest first
    by_id: Mapping[str, Entry]
    aliases: Mapping[str, str]
    countries: tuple[PlaceNode, ...]
    places_by_url: Mapping[str, PlaceNode]
    sources: tuple[SourceNode, ...]
    sources_by_url: Mapping[str, SourceNode]
    outlets: tuple[OutletNode, ...]
    outlets_by_name: Mapping[str, OutletNode]
    sides: tuple[TermNode, ...]
    grades: tuple[TermNode, ...]
    categories: tuple[TermNode, ...]
    years: tuple[TermNode, ...]
    tags: tuple[TermNode, ...]
    pages: tuple[FreePage, ...]
    term_urls: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    withdrawn: tuple[Tombstone, ...] = ()
    """The withdrawn records, most recently withdrawn first (then by id)."""
    withdrawn_by_id: Mapping[str, Tombstone] = field(default_factory=dict)

    def entry(self, record_id: str) -> Entry:
        return self.by_id[record_id]


def newest_first(entries: list[Entry], rank: Mapping[str, int] | None = None) -> tuple[Entry, ...]:
    """Newest first (by `Entry.sort_key`); with `rank` (each id's place in the archive so sorted), without
    working out the keys again: the catalog sorts some ten lists per incident."""
    if rank is not None:
        return tuple(sorted(entries, key=lambda e: rank[e.id]))
    return tuple(sorted(entries, key=lambda e: e.sort_key, reverse=True))
