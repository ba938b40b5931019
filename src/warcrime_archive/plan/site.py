"""Plan stage: catalog -> the list of pages to render (kind, URL, templates to try, context).

`plan_site` calls one planner per page kind, in the order the site lists its pages (the sitemap's); each planner is
in a module named for what it plans.
"""

from __future__ import annotations

from typing import Any

from warcrime_archive.catalog.nodes import Catalog, Entry, PlaceNode
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.plan import maps
from warcrime_archive.plan.free_pages import free_pages, methodology_page
from warcrime_archive.plan.home import home_page
from warcrime_archive.plan.incidents import (
    incident_list_pages,
    incident_pages,
    incident_parts,
    redirect_pages,
    tombstone_pages,
    withdrawals_page,
)
from warcrime_archive.plan.overviews import explore_page, map_pages, timeline_pages
from warcrime_archive.plan.pages import Page
from warcrime_archive.plan.places import place_pages, places_page
from warcrime_archive.plan.service_pages import data_page, not_found_page, search_page
from warcrime_archive.plan.sources import outlet_pages, outlets_pages, source_pages, sources_pages
from warcrime_archive.plan.terms import TAXONOMIES, term_pages, terms_pages


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
    """Every page of the site, in a stable order (each list's pages in order, after its first); each incident's own
    parts and each place's map from `parts` (by default worked out here)."""
    parts = parts or PageParts(catalog.config)
    incidents = incident_pages(catalog, parts.incident)
    placement = {page.context["entry"].id: page.context["placement"] for page in incidents}
    return [
        home_page(catalog),
        *incident_list_pages(catalog),
        *incidents,
        *redirect_pages(catalog),
        *tombstone_pages(catalog),
        places_page(catalog),
        *place_pages(catalog, parts.place_map),
        *sources_pages(catalog),
        *source_pages(catalog),
        *outlets_pages(catalog),
        *outlet_pages(catalog),
        *(
            page
            for taxonomy in TAXONOMIES
            for page in (*terms_pages(catalog, taxonomy), *term_pages(catalog, taxonomy))
        ),
        *timeline_pages(catalog),
        *map_pages(catalog, placement),
        explore_page(catalog),
        data_page(catalog),
        withdrawals_page(catalog),
        methodology_page(catalog),
        *free_pages(catalog),
        search_page(catalog),
        not_found_page(),
    ]
