"""Plan stage: catalog -> the list of pages to render (kind, URL, templates to try, context).

Page kinds follow Hugo's vocabulary: home, section lists, single pages, taxonomies and their terms.
Templates are tried most specific first (e.g. 'side.html', then 'term.html').
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from warcrime_archive import urls
from warcrime_archive.catalog.indexes import Catalog, Entry, OutletNode, PlaceNode, TermNode, sources_of
from warcrime_archive.i18n import N_
from warcrime_archive.i18n import gettext as _
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.plan import maps, timeline
from warcrime_archive.publish import downloads, feeds

LATEST = 10


@dataclass(frozen=True)
class Page:
    kind: str
    url: str
    templates: tuple[str, ...]
    title: str
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def output(self) -> str:
        return urls.output_path(self.url)


@dataclass(frozen=True)
class Link:
    """Another page as a link shows it: its name and URL only. A page holding a whole catalog node (a place
    with every incident in it) would change, and be rendered again, whenever any of those incidents does."""

    name: str
    url: str


@dataclass(frozen=True)
class SourceLink:
    """A source as an incident page links it: its page and its outlet's page."""

    url: str
    outlet_url: str


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
    return [
        Filter("side", _("Alleged perpetrator side"), sides),
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
        "side": " ".join(dict.fromkeys(p.side or "unknown" for p in inc.alleged_perpetrators)),
        "victims": " ".join(dict.fromkeys(v.side or "unknown" for v in inc.victims)),
        "grade": status,
        "category": inc.category,
        "region": _region_key(entry.region_url),
        "year": " ".join(str(y) for y in range(inc.date.start.year, inc.date.end.year + 1)),
        "rank": str(grades.index(status) if status in grades else len(grades)),
    }


def _breadcrumbs(catalog: Catalog, node: PlaceNode | None) -> list[Link]:
    chain: list[Link] = []
    while node is not None:
        chain.append(Link(node.name, node.url))
        node = catalog.places_by_url.get(node.parent_url) if node.parent_url else None
    return chain[::-1]


def _link(node: PlaceNode | OutletNode) -> Link:
    return Link(node.name, node.url)


TAXONOMIES = (
    # kind, index URL, index title, attribute of the catalog, description
    (
        "side",
        urls.SIDES,
        N_("Sides"),
        "sides",
        N_(
            "Each party to the conflict, as alleged perpetrator and as the victims' side. Both sides are recorded "
            "with the same fields and shown with the same pages."
        ),
    ),
    (
        "grade",
        urls.GRADES,
        N_("Verification grades"),
        "grades",
        N_("How well each record is verified, on the archive's grading scale."),
    ),
    ("category", urls.CATEGORIES, N_("Categories"), "categories", N_("Kinds of alleged incident.")),
    (
        "year",
        urls.YEARS,
        N_("Years"),
        "years",
        N_("Incidents by the year in which they are believed to have happened."),
    ),
    ("tag", urls.TAGS, N_("Tags"), "tags", N_("Keywords given by the editors.")),
)


def incident_parts(config: ArchiveConfig, entry: Entry) -> dict[str, Any]:
    """The parts of an incident page's context made from its entry and the settings alone (with the active
    language's messages, the code and the base map): the incremental build keeps them from one build to the next."""
    return {
        "locator": maps.locator(entry),
        "placement": maps.placement_words(entry),
        "version": downloads.record_version(entry),
        "citation": downloads.citation_text(config, entry),
        "json_ld": feeds.json_ld(config, entry),
    }


class PageParts:
    """Each incident's own parts and each place's map, worked out: the plan stage's hook, which the incremental
    build replaces with parts kept between builds (`incremental.kept_parts`)."""

    def __init__(self, config: ArchiveConfig) -> None:
        self.config = config

    def incident(self, entry: Entry) -> dict[str, Any]:
        return incident_parts(self.config, entry)

    def place_map(self, node: PlaceNode, country_code: str) -> maps.MapView:
        return maps.place_map(node, country_code)


def plan_site(catalog: Catalog, parts: PageParts | None = None) -> list[Page]:
    """Every page of the site, in a stable order; each incident's own parts and each place's map from
    `parts` (by default worked out here)."""
    pages: list[Page] = []
    entries = catalog.entries
    parts = parts or PageParts(catalog.config)
    placement: dict[str, str] = {}

    def counts(nodes: tuple[TermNode, ...]) -> list[tuple[TermNode, int]]:
        return [(n, len(n.entries)) for n in nodes]

    pages.append(
        Page(
            "home",
            urls.HOME,
            ("home.html",),
            catalog.config.title,
            {
                "latest": entries[:LATEST],
                "by_side": [(n, len(n.entries), len(n.victim_entries)) for n in catalog.sides],
                "by_grade": counts(catalog.grades),
                "by_year": counts(catalog.years),
                "records": len(entries),
            },
        )
    )
    pages.append(
        Page(
            "incidents",
            urls.INCIDENTS,
            ("incidents.html",),
            _("All incidents"),
            {
                "entries": entries,
                "filters": filters(catalog),
                "rows": {e.id: row_data(catalog, e) for e in entries},
            },
        )
    )
    cited_by: dict[str, list[Entry]] = {}  # id -> the entries whose `related` names it, in order
    for other in entries:
        for target in dict.fromkeys(other.incident.related):
            cited_by.setdefault(target, []).append(other)
    for entry in entries:
        place = catalog.places_by_url.get(entry.place_url)
        own = parts.incident(entry)
        placement[entry.id] = own["placement"]
        pages.append(
            Page(
                "incident",
                entry.url,
                ("incident.html",),
                entry.incident.title,
                {
                    "entry": entry,
                    "incident": entry.incident,
                    "sources": [SourceLink(n.url, n.outlet_url) for n in sources_of(catalog, entry)],
                    "source_pages": {
                        r.source: catalog.sources_by_url[r.source].url for r in entry.incident.responses if r.source
                    },
                    "related": [catalog.by_id[r] for r in entry.incident.related],
                    "breadcrumbs": _breadcrumbs(catalog, place or catalog.places_by_url.get(entry.region_url)),
                    "cited_by": cited_by.get(entry.id, []),
                    **own,
                    "record_files": {
                        name: urls.record_file(entry.id, name)
                        for name in ("record.json", "record.bib", "record.csl.json")
                    },
                },
            )
        )
    for alias, target in sorted(catalog.aliases.items()):
        pages.append(
            Page(
                "redirect",
                urls.incident(alias),
                ("redirect.html",),
                catalog.by_id[target].incident.title,
                {"target": catalog.by_id[target]},
            )
        )

    pages.append(Page("places", urls.PLACES, ("places.html",), _("Places"), {"countries": catalog.countries}))
    for node in catalog.places_by_url.values():
        chain = _breadcrumbs(catalog, node)
        country = catalog.places_by_url[chain[0].url]
        pages.append(
            Page(
                "place",
                node.url,
                (f"place-{node.level}.html", "place.html"),
                node.name,
                {"node": node, "breadcrumbs": chain, "place_map": parts.place_map(node, country.code)},
            )
        )

    pages.append(Page("sources", urls.SOURCES, ("sources.html",), _("Sources"), {"sources": catalog.sources}))
    for source in catalog.sources:
        pages.append(
            Page(
                "source",
                source.url,
                ("source.html",),
                source.source.title,
                {
                    "source_node": source,
                    "outlet": _link(catalog.outlets_by_name[source.source.outlet]),
                },
            )
        )
    pages.append(Page("outlets", urls.OUTLETS, ("outlets.html",), _("Outlets"), {"outlets": catalog.outlets}))
    for outlet in catalog.outlets:
        pages.append(Page("outlet", outlet.url, ("outlet.html",), outlet.name, {"outlet": outlet}))

    for kind, index_url, title_message, attribute, description_message in TAXONOMIES:
        title, description = _(title_message), _(description_message)
        nodes: tuple[TermNode, ...] = getattr(catalog, attribute)
        plural = index_url.strip("/")
        pages.append(
            Page(
                plural,
                index_url,
                (f"{plural}.html", "terms.html"),
                title,
                {
                    "nodes": nodes,
                    "taxonomy": kind,
                    "description": description,
                },
            )
        )
        for node in nodes:
            pages.append(
                Page(
                    kind,
                    node.url,
                    (f"{kind}.html", "term.html"),
                    node.label,
                    {
                        "node": node,
                        "taxonomy": kind,
                        "index_url": index_url,
                        "index_title": title,
                    },
                )
            )

    chronological = timeline.chronological(entries)
    pages.append(
        Page(
            "timeline",
            urls.TIMELINE,
            ("timeline.html",),
            _("Timeline"),
            {"timeline": timeline.build(entries), "chronological": [(e, timeline.date_kind(e)) for e in chronological]},
        )
    )
    overview = maps.overview(entries, maps.region_urls(catalog.places_by_url))
    placed = [(e, placement[e.id]) for e in chronological]
    pages.append(Page("map", urls.MAP, ("map.html",), _("Map"), {"overview": overview, "placed": placed}))

    pages.append(
        Page(
            "data",
            urls.DATA,
            ("data.html",),
            _("Data downloads"),
            {"tables": downloads.TABLES, "other_files": downloads.OTHER_FILES, "records": len(entries)},
        )
    )

    free = {p.slug: p for p in catalog.pages}
    method = free.pop("methodology", None)
    pages.append(
        Page(
            "methodology",
            urls.METHODOLOGY,
            ("methodology.html",),
            method.front.title if method else _("Methodology"),
            {
                "grades": catalog.grades,
                "free_page": method,
                "grade_counts": Counter(e.incident.verification.status for e in entries),
            },
        )
    )
    for slug, free_page in sorted(free.items()):
        pages.append(
            Page("page", urls.free_page(slug), ("page.html",), free_page.front.title, {"free_page": free_page})
        )
    pages.append(Page("search", urls.SEARCH, ("search.html",), _("Search"), {"filters": filters(catalog)}))
    pages.append(Page("404", urls.NOT_FOUND, ("404.html",), _("Page not found"), {}))
    return pages


def navigation(catalog: Catalog) -> list[tuple[str, str]]:
    """The header's links: (URL, label)."""
    nav = [
        (urls.INCIDENTS, _("Incidents")),
        (urls.TIMELINE, _("Timeline")),
        (urls.MAP, _("Map")),
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
