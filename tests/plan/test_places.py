"""The places index and the page of each country, region and place, with its breadcrumbs and its map."""

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
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
    assert breadcrumbs(catalog, None) == []
    assert places_page(catalog).context["countries"] == catalog.countries
