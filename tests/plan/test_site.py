"""The whole plan: one planner per page kind, each kind planned, in the order the site lists its pages."""

from collections import Counter

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan.pages import PageKind
from warcrime_archive.plan.site import PageParts, plan_site
from warcrime_archive.validate.load import load_archive


def test_every_page_kind_is_planned_once_per_thing():
    catalog = build_catalog(load_archive(MINIMAL).archive)
    pages = plan_site(catalog)
    kinds = Counter(p.kind for p in pages)
    assert kinds == Counter(
        {
            "home": 1,
            "data": 1,
            "withdrawals": 1,
            "incidents": 1,
            "incident": 1,
            "places": 1,
            "place": 3,
            "sources": 1,
            "source": 1,
            "outlets": 1,
            "outlet": 2,  # its records and its sources
            "sides": 1,
            "side": 4,  # each as alleged perpetrator and as the victims' side
            "grades": 1,
            "grade": 3,
            "categories": 1,
            "category": 1,
            "years": 1,
            "year": 1,
            "tags": 1,
            "tag": 1,
            "timeline": 1,
            "map": 1,
            "explore": 1,
            "methodology": 1,
            "page": 1,
            "search": 1,
            "404": 1,
        }
    )
    outputs = [p.output for p in pages]
    assert len(outputs) == len(set(outputs)), "no two pages write the same file"
    assert set(kinds) == set(PageKind) - {PageKind.redirect, PageKind.withdrawn}, (
        "every kind of page is planned (no record has an alias or is withdrawn)"
    )
    assert [p.templates for p in pages if p.kind == "side"][0] == ("side.html", "term.html")


def test_the_pages_come_in_the_order_the_site_lists_them():
    pages = plan_site(build_catalog(load_archive(MINIMAL).archive))
    order = list(dict.fromkeys(p.kind for p in pages))
    assert order == [
        "home", "incidents", "incident", "places", "place", "sources", "source", "outlets", "outlet",
        "sides", "side", "grades", "grade", "categories", "category", "years", "year", "tags", "tag",
        "timeline", "map", "explore", "data", "withdrawals", "methodology", "page", "search", "404",
    ]  # fmt: skip
    assert [p.kind for p in pages] == sorted((p.kind for p in pages), key=order.index), "each kind's pages together"


def test_each_incidents_parts_and_each_places_map_come_from_the_parts_hook():
    catalog = build_catalog(load_archive(MINIMAL).archive)
    asked: list[str] = []

    class Counted(PageParts):
        def incident(self, entry):
            asked.append(entry.id)
            return {**super().incident(entry), "placement": "somewhere"}

        def place_map(self, node, country_code):
            asked.append(node.url)
            return super().place_map(node, country_code)

    pages = plan_site(catalog, Counted(catalog.config))
    assert asked == ["2022-03-29-dmytrivka-x", *catalog.places_by_url]
    [map_page] = [p for p in pages if p.kind == "map"]
    assert map_page.context["placed"] == [(catalog.entries[0], "somewhere")]  # the map says what the page says
