"""The filters of the incident list and the search."""

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan.filters import filters
from warcrime_archive.plan.site import plan_site
from warcrime_archive.validate.load import load_archive


def test_the_list_and_search_filters_offer_what_the_records_use():
    catalog = build_catalog(load_archive(MINIMAL).archive)
    pages = {p.kind: p for p in plan_site(catalog)}
    offered = {f.name: (f.label, f.options) for f in filters(catalog)}
    assert offered == {
        "side": ("Alleged perpetrator side", (("russia", "Russia"), ("ukraine", "Ukraine"))),
        "victims": ("Victims' side", (("russia", "Russia"), ("ukraine", "Ukraine"))),
        "grade": ("Grade", (("verified", "Verified"), ("corroborated", "Corroborated"), ("claimed", "Claimed"))),
        "category": ("Category", (("killing", "Killing"),)),
        "region": ("Region", (("ua/kyiv-oblast", "Kyiv Oblast"),)),
        "year": ("Year", (("2022", "2022"),)),
    }
    assert pages["search"].context["filters"] == pages["incidents"].context["filters"] == filters(catalog)
