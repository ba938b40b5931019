"""The sources of the catalog, merged across records by URL, and the outlets that published them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog, Entry, OutletNode, SourceNode, newest_first
from warcrime_archive.model.sources import Source
from warcrime_archive.slugs import short_hash, slugify


def source_nodes(
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
                slug,
                urls.source(slug),
                source,
                urls.outlet(outlet_slugs[source.outlet]),
                newest_first(cited[url_], rank),
            )
        )
    by_outlet: dict[str, list[SourceNode]] = defaultdict(list)
    for n in nodes:
        by_outlet[n.source.outlet].append(n)
    outlets = []
    for name, slug in sorted(outlet_slugs.items(), key=lambda kv: kv[0].casefold()):
        mine = tuple(by_outlet[name])
        entries = newest_first(list({e.id: e for n in mine for e in n.entries}.values()), rank)
        outlets.append(OutletNode(name, slug, urls.outlet(slug), mine, entries))
    return tuple(nodes), tuple(outlets)


def sources_of(catalog: Catalog, entry: Entry) -> tuple[SourceNode, ...]:
    """The pages of an entry's sources, in the record's order."""
    return tuple(catalog.sources_by_url[s.url] for s in entry.incident.sources)
