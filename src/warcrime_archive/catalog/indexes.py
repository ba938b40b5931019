"""Catalog stage: valid records -> immutable indexes by place, source, outlet, side, grade and more.

Everything the templates list or link is worked out here once, in a stable order, so that rendering
is a pure function of a page's context. Nothing private is copied into the catalog: records whose
sensitivity includes personal-information lose their names and fine coordinates here, before any
later stage can see them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from warcrime_archive import urls
from warcrime_archive.catalog.history import Commit
from warcrime_archive.model.config import ArchiveConfig, Grade, Term
from warcrime_archive.model.record import Incident, Precision, Source, VictimGroup
from warcrime_archive.model.regions import country_name
from warcrime_archive.read.pages_reader import FreePage
from warcrime_archive.slugs import short_hash, slugify
from warcrime_archive.validate.load import Archive, Record

FINE_PRECISIONS = {Precision.exact, Precision.near}


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

    def entry(self, record_id: str) -> Entry:
        return self.by_id[record_id]


def public_incident(incident: Incident) -> Incident:
    """The record as it may be published: no private notes, no evidence files, and for records with
    personal information no names of people and no coordinates finer than the settlement."""
    changes: dict[str, object] = {"private": None}
    changes["evidence"] = [e.model_copy(update={"file": None}) for e in incident.evidence]
    if incident.personal:
        changes["victims"] = [_without_people(v) for v in incident.victims]
        location = incident.location
        if location.coordinates is not None or location.precision in FINE_PRECISIONS:
            changes["location"] = location.model_copy(
                update={
                    "coordinates": None,
                    "detail": "",
                    "precision": Precision.settlement if location.precision in FINE_PRECISIONS else location.precision,
                }
            )
    return incident.model_copy(update=changes)


def _without_people(group: VictimGroup) -> VictimGroup:
    return group.model_copy(update={"people": []}) if group.people else group


def _place_slugs(records: tuple[Record, ...]) -> dict[tuple[str, str], str]:
    """Slugs for regions, one per region code, never colliding within a country."""
    out: dict[tuple[str, str], str] = {}
    for record in records:
        loc = record.incident.location
        out.setdefault((loc.country, loc.region.code), slugify(loc.region.name))
    return out


def _sorted(entries: list[Entry], rank: Mapping[str, int] | None = None) -> tuple[Entry, ...]:
    """Newest first (by `Entry.sort_key`); with `rank` (each id's place in the archive so sorted), without
    working out the keys again: the catalog sorts some ten lists per incident."""
    if rank is not None:
        return tuple(sorted(entries, key=lambda e: rank[e.id]))
    return tuple(sorted(entries, key=lambda e: e.sort_key, reverse=True))


def build_catalog(archive: Archive, history: Mapping[str, tuple[Commit, ...]] | None = None) -> Catalog:
    """Index the archive's public records; `history` (from history.read_history) dates them."""
    config = archive.config
    region_slugs = _place_slugs(archive.records)
    entries: list[Entry] = []
    for record in archive.records:
        incident = public_incident(record.incident)
        loc = incident.location
        region_slug = region_slugs[(loc.country, loc.region.code)]
        region_url = urls.region(loc.country, region_slug)
        place_url = urls.place(loc.country, region_slug, slugify(loc.place)) if loc.place else region_url
        entries.append(
            Entry(
                record.id,
                urls.incident(record.id),
                record.path,
                incident,
                place_url,
                region_url,
                urls.country(loc.country),
                (history or {}).get(record.path, ()),
            )
        )
    ordered = _sorted(entries)
    rank = {e.id: i for i, e in enumerate(ordered)}
    by_id = {e.id: e for e in ordered}
    aliases = {alias: e.id for e in ordered for alias in e.incident.aliases}

    countries, places_by_url = _places(ordered, rank)
    sources, outlets = _sources(ordered, rank)
    # Every term's list in one walk over the records in the archive's order, so each list is already in it
    # (one walk per term and a sort of each list took most of this stage at 50,000 records).
    by_side: dict[str, list[Entry]] = defaultdict(list)
    by_victims: dict[str | None, list[Entry]] = defaultdict(list)
    by_grade: dict[str, list[Entry]] = defaultdict(list)
    by_category: dict[str, list[Entry]] = defaultdict(list)
    by_year: dict[int, list[Entry]] = defaultdict(list)
    by_tag: dict[str, list[Entry]] = defaultdict(list)
    for e in ordered:
        incident = e.incident
        for side in dict.fromkeys(p.side for p in incident.alleged_perpetrators):
            by_side[side].append(e)
        for victims_side in dict.fromkeys(v.side for v in incident.victims):
            by_victims[victims_side].append(e)
        by_grade[incident.verification.status].append(e)
        by_category[incident.category].append(e)
        for y in range(incident.date.start.year, incident.date.end.year + 1):
            by_year[y].append(e)
        for t in incident.tags:
            by_tag[t].append(e)
    sides = tuple(
        TermNode(
            key,
            term.label,
            term.description,
            urls.side(key),
            tuple(by_side[key]),
            victim_entries=tuple(by_victims[key]),
        )
        for key, term in config.sides.items()
    )
    grades = tuple(
        TermNode(key, grade.label, grade.description, urls.grade(key), tuple(by_grade[key]), rule=grade.rule)
        for key, grade in config.verification.items()
    )
    categories = tuple(
        TermNode(key, term.label, term.description, urls.category(key), tuple(by_category[key]))
        for key, term in config.categories.items()
    )
    years = tuple(TermNode(str(y), str(y), "", urls.year(y), tuple(by_year[y])) for y in sorted(by_year, reverse=True))
    tags = tuple(TermNode(t, t, "", urls.tag(t), tuple(by_tag[t])) for t in sorted(by_tag))
    term_urls = {
        "sides": {n.key: n.url for n in sides},
        "grades": {n.key: n.url for n in grades},
        "categories": {n.key: n.url for n in categories},
        "years": {n.key: n.url for n in years},
        "tags": {n.key: n.url for n in tags},
    }
    return Catalog(
        config=config,
        entries=ordered,
        by_id=MappingProxyType(by_id),
        aliases=MappingProxyType(aliases),
        countries=countries,
        places_by_url=MappingProxyType(places_by_url),
        sources=sources,
        sources_by_url=MappingProxyType({s.source.url: s for s in sources}),
        outlets=outlets,
        outlets_by_name=MappingProxyType({o.name: o for o in outlets}),
        sides=sides,
        grades=grades,
        categories=categories,
        years=years,
        tags=tags,
        pages=archive.pages,
        term_urls=MappingProxyType({k: MappingProxyType(v) for k, v in term_urls.items()}),
    )


def _places(ordered: tuple[Entry, ...], rank: Mapping[str, int]) -> tuple[tuple[PlaceNode, ...], dict[str, PlaceNode]]:
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
            names.setdefault(e.place_url, loc.place)
            aka[e.place_url].update(a for a in loc.also_known_as if a != names[e.place_url])
            if loc.admin2:
                admin2[e.place_url].add(loc.admin2)
    by_url: dict[str, PlaceNode] = {}
    countries = []
    for c_url in sorted(tree, key=lambda u: names[u]):
        regions = []
        for r_url in sorted(tree[c_url], key=lambda u: names[u]):
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
                    _sorted(tree[c_url][r_url][p_url], rank),
                    also_known_as=tuple(sorted(aka[p_url])),
                    admin2=tuple(sorted(admin2[p_url])),
                )
                places.append(node)
                by_url[p_url] = node
            region_entries = _sorted([e for p in tree[c_url][r_url].values() for e in p], rank)
            node = PlaceNode("region", names[r_url], r_url, c_url, tuple(places), region_entries, code=codes[r_url])
            regions.append(node)
            by_url[r_url] = node
        country_entries = _sorted([e for r in tree[c_url].values() for p in r.values() for e in p], rank)
        node = PlaceNode("country", names[c_url], c_url, None, tuple(regions), country_entries, code=codes[c_url])
        countries.append(node)
        by_url[c_url] = node
    return tuple(countries), by_url


def _sources(
    ordered: tuple[Entry, ...], rank: Mapping[str, int]
) -> tuple[tuple[SourceNode, ...], tuple[OutletNode, ...]]:
    cited: dict[str, list[Entry]] = defaultdict(list)
    first: dict[str, Source] = {}
    for e in ordered:
        for s in e.incident.sources:
            citing = cited[s.url]
            if not citing or citing[-1] is not e:  # a record citing one URL twice is listed once
                citing.append(e)
            first.setdefault(s.url, s)
    outlet_slugs: dict[str, str] = {}
    for name in sorted({s.outlet for s in first.values()}):
        slug = slugify(name)
        if slug in outlet_slugs.values():
            slug = f"{slug}-{short_hash(name, 6)}"
        outlet_slugs[name] = slug
    nodes = []
    used: set[str] = set()
    for url_, source in sorted(first.items(), key=lambda kv: (kv[1].outlet, kv[1].title, kv[0])):
        slug = f"{slugify(source.title, max_length=50)}-{short_hash(url_, 6)}"
        while slug in used:  # pragma: no cover - a hash collision on the same title
            slug += "-x"
        used.add(slug)
        nodes.append(
            SourceNode(
                slug, urls.source(slug), source, urls.outlet(outlet_slugs[source.outlet]), _sorted(cited[url_], rank)
            )
        )
    by_outlet: dict[str, list[SourceNode]] = defaultdict(list)
    for n in nodes:
        by_outlet[n.source.outlet].append(n)
    outlets = []
    for name, slug in sorted(outlet_slugs.items(), key=lambda kv: kv[0].casefold()):
        mine = tuple(by_outlet[name])
        entries = _sorted(list({e.id: e for n in mine for e in n.entries}.values()), rank)
        outlets.append(OutletNode(name, slug, urls.outlet(slug), mine, entries))
    return tuple(nodes), tuple(outlets)


def sources_of(catalog: Catalog, entry: Entry) -> tuple[SourceNode, ...]:
    return tuple(catalog.sources_by_url[s.url] for s in entry.incident.sources)


__all__ = ["Catalog", "Entry", "PlaceNode", "SourceNode", "OutletNode", "TermNode", "Term", "Grade", "build_catalog"]
