"""The places index and the pages of each country, region and place, with its breadcrumbs and its map."""

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan import places
from warcrime_archive.plan.pages import Counted
from warcrime_archive.plan.places import breadcrumbs, place_pages, places_page
from warcrime_archive.validate.load import load_archive


def test_each_place_has_a_page_tried_by_its_level_with_its_breadcrumbs_and_map():
    catalog = build_catalog(load_archive(MINIMAL).archive)
    asked = []
    pages = place_pages(catalog, lambda node, code: asked.append((node.url, code)) or f"map of {node.name}")
    assert [(p.url, p.templates) for p in pages] == [
        ("places/ua/kyiv-oblast/dmytrivka/", ("place-place.html", "place.html")),
        ("places/ua/kyiv-oblast/", ("place-region.html", "place.html")),
        ("places/ua/", ("place-country.html", "place.html")),
    ]
    assert asked == [(p.url, "UA") for p in pages]  # each map in its country
    assert pages[0].context["place_map"] == "map of Dmytrivka"
    assert [link.url for link in pages[0].context["breadcrumbs"]] == [
        "places/ua/",
        "places/ua/kyiv-oblast/",
        "places/ua/kyiv-oblast/dmytrivka/",
    ]
    # a page holds its place without its records (each page of the list holds its own)
    assert pages[1].context["node"].count == 1 and pages[1].context["entries"] == catalog.entries
    assert pages[1].context["children"] == (Counted("Dmytrivka", "places/ua/kyiv-oblast/dmytrivka/", 1),)
    assert breadcrumbs(catalog, None) == []
    index = places_page(catalog)
    assert [c.name for c in index.context["countries"]] == ["Ukraine"] and index.context["with_places"]


def test_a_place_with_many_records_or_places_has_them_in_pages(many_catalog, monkeypatch):
    monkeypatch.setattr(places, "CHILDREN_SHOWN", 2)
    catalog = many_catalog(250, places_each=True)
    pages = place_pages(catalog, lambda node, code: f"map of {node.name}")
    region = [p for p in pages if p.url.startswith("places/ua/kyiv-oblast/") and p.context["node"].level == "region"]
    assert [p.url for p in region] == [
        "places/ua/kyiv-oblast/",
        "places/ua/kyiv-oblast/page/2/",
        "places/ua/kyiv-oblast/page/3/",
        *(f"places/ua/kyiv-oblast/places/{'' if n == 1 else f'page/{n}/'}" for n in range(1, 126)),
    ]
    first, second = region[:2]
    assert first.context["place_map"] == "map of Kyiv Oblast" and second.context["place_map"] is None
    assert len(first.context["children"]) == 2 and first.context["children_url"] == "places/ua/kyiv-oblast/places/"
    assert second.context["children"] == ()
