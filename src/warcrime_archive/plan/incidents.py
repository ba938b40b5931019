"""Plans the incident list, a page for each incident, and a redirect page for each of its former ids."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog, Entry
from warcrime_archive.catalog.sources import sources_of
from warcrime_archive.catalog.terms import year_group
from warcrime_archive.i18n import gettext as _
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.plan import maps
from warcrime_archive.plan.citing import claim_marks, narrative_html
from warcrime_archive.plan.filters import filters
from warcrime_archive.plan.pages import Page, PageKind, SourceLink
from warcrime_archive.plan.paging import paged_title, paginate
from warcrime_archive.plan.places import breadcrumbs
from warcrime_archive.publish.citations import citation_text
from warcrime_archive.publish.linked_data import json_ld
from warcrime_archive.publish.published import record_version
from warcrime_archive.publish.record_files import RECORD_FILES
from warcrime_archive.publish.tables import WITHDRAWALS
from warcrime_archive.publish.wording import attribution_words, headline, when_sentence, where_words

Parts = Callable[[Entry], dict[str, Any]]
"""An incident page's own parts, from its entry (`incident_parts`, or `site.PageParts.incident`)."""


def incident_parts(config: ArchiveConfig, entry: Entry) -> dict[str, Any]:
    """The parts of an incident page's context made from its entry and the settings alone (with the active
    language's messages, the code and the base map): the incremental build keeps them from one build to the next."""
    incident = entry.incident
    return {
        "locator": maps.locator(entry),
        "placement": maps.placement_words(entry),
        "version": record_version(entry),
        "citation": citation_text(config, entry),
        "json_ld": json_ld(config, entry),
        "headline": headline(config, incident),
        "when": when_sentence(incident),
        "where": where_words(incident.location),
        "attributions": [attribution_words(p) for p in incident.alleged_perpetrators],
        "year_group": year_group(incident),
        "cites": claim_marks(config, incident),
        "narrative": narrative_html(incident),
    }


def incident_list_pages(catalog: Catalog) -> list[Page]:
    """Every incident, newest first, a hundred a page, with the filters that open the explore view."""
    choices = filters(catalog)
    title = _("All incidents")
    return [
        Page(
            PageKind.incidents,
            url,
            ("incidents.html",),
            paged_title(title, pager),
            {"entries": chunk, "pager": pager, "filters": choices, "withdrawn": len(catalog.withdrawn)},
        )
        for url, chunk, pager in paginate(urls.INCIDENTS, catalog.entries)
    ]


def incident_pages(catalog: Catalog, parts: Parts) -> list[Page]:
    """A page for each incident, newest first, with its own parts from `parts`."""
    cited_by: dict[str, list[Entry]] = {}  # id -> the entries whose `related` names it, in order
    for other in catalog.entries:
        for target in dict.fromkeys(other.incident.related):
            cited_by.setdefault(target, []).append(other)
    pages = []
    for entry in catalog.entries:
        place = catalog.places_by_url.get(entry.place_url)
        pages.append(
            Page(
                PageKind.incident,
                entry.url,
                ("incident.html",),
                headline(catalog.config, entry.incident),
                {
                    "entry": entry,
                    "incident": entry.incident,
                    "sources": [SourceLink(n.url, n.outlet_url) for n in sources_of(catalog, entry)],
                    "related": [catalog.by_id[r] for r in entry.incident.related],
                    "breadcrumbs": breadcrumbs(catalog, place or catalog.places_by_url.get(entry.region_url)),
                    "cited_by": cited_by.get(entry.id, []),
                    **parts(entry),
                    "record_files": {name: urls.record_file(entry.id, name) for name in RECORD_FILES},
                },
            )
        )
    return pages


def redirect_pages(catalog: Catalog) -> list[Page]:
    """A page at each former id (`aliases`), sending readers on to the record (or to the notice of a withdrawn
    record), in order of the former ids."""
    pages = []
    for alias, target in sorted(catalog.aliases.items()):
        entry = catalog.by_id.get(target)
        goal = entry if entry is not None else catalog.withdrawn_by_id[target]
        title = entry.incident.title if entry is not None else catalog.withdrawn_by_id[target].title
        pages.append(Page(PageKind.redirect, urls.incident(alias), ("redirect.html",), title, {"target": goal}))
    return pages


def tombstone_pages(catalog: Catalog) -> list[Page]:
    """At the address of each withdrawn record, a notice: its title, its dates and why it was withdrawn."""
    return [Page(PageKind.withdrawn, t.url, ("withdrawn.html",), t.title, {"tombstone": t}) for t in catalog.withdrawn]


def withdrawals_page(catalog: Catalog) -> Page:
    """Every withdrawn record, most recently withdrawn first, with the reason."""
    return Page(
        PageKind.withdrawals,
        urls.WITHDRAWALS,
        ("withdrawals.html",),
        _("Withdrawn records"),
        {"tombstones": catalog.withdrawn, "table": WITHDRAWALS},
    )
