"""Plans the incident list, a page for each incident, and a redirect page for each of its former ids."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog, Entry
from warcrime_archive.catalog.sources import sources_of
from warcrime_archive.i18n import gettext as _
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.plan import maps
from warcrime_archive.plan.filters import filters
from warcrime_archive.plan.pages import Page, PageKind, SourceLink
from warcrime_archive.plan.paging import paged_title, paginate
from warcrime_archive.plan.places import breadcrumbs
from warcrime_archive.publish.citations import citation_text
from warcrime_archive.publish.linked_data import json_ld
from warcrime_archive.publish.published import record_version
from warcrime_archive.publish.record_files import RECORD_FILES

Parts = Callable[[Entry], dict[str, Any]]
"""An incident page's own parts, from its entry (`incident_parts`, or `site.PageParts.incident`)."""


def incident_parts(config: ArchiveConfig, entry: Entry) -> dict[str, Any]:
    """The parts of an incident page's context made from its entry and the settings alone (with the active
    language's messages, the code and the base map): the incremental build keeps them from one build to the next."""
    return {
        "locator": maps.locator(entry),
        "placement": maps.placement_words(entry),
        "version": record_version(entry),
        "citation": citation_text(config, entry),
        "json_ld": json_ld(config, entry),
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
            {"entries": chunk, "pager": pager, "filters": choices},
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
                entry.incident.title,
                {
                    "entry": entry,
                    "incident": entry.incident,
                    "sources": [SourceLink(n.url, n.outlet_url) for n in sources_of(catalog, entry)],
                    "source_pages": {
                        r.source: catalog.sources_by_url[r.source].url for r in entry.incident.responses if r.source
                    },
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
    """A page at each former id (`aliases`), sending readers on to the record, in order of the former ids."""
    return [
        Page(
            PageKind.redirect,
            urls.incident(alias),
            ("redirect.html",),
            catalog.by_id[target].incident.title,
            {"target": catalog.by_id[target]},
        )
        for alias, target in sorted(catalog.aliases.items())
    ]
