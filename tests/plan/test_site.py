from collections import Counter

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan.site import filters, plan_site, row_data
from warcrime_archive.validate.load import load_archive


def test_every_page_kind_is_planned_once_per_thing():
    catalog = build_catalog(load_archive(MINIMAL).archive)
    pages = plan_site(catalog)
    kinds = Counter(p.kind for p in pages)
    assert kinds == Counter(
        {
            "home": 1,
            "data": 1,
            "incidents": 1,
            "incident": 1,
            "places": 1,
            "place": 3,
            "sources": 1,
            "source": 1,
            "outlets": 1,
            "outlet": 1,
            "sides": 1,
            "side": 2,
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
            "methodology": 1,
            "page": 1,
            "search": 1,
            "404": 1,
        }
    )
    outputs = [p.output for p in pages]
    assert len(outputs) == len(set(outputs)), "no two pages write the same file"
    assert [p.templates for p in pages if p.kind == "side"][0] == ("side.html", "term.html")


def test_aliases_become_redirects(tmp_path):
    import shutil

    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    record = root / "incidents" / "2022-03-29-dmytrivka-x.yaml"
    record.write_text(record.read_text() + "aliases: [2022-03-30-dmytrivka]\n")
    pages = plan_site(build_catalog(load_archive(root).archive))
    redirect = [p for p in pages if p.kind == "redirect"]
    assert [p.url for p in redirect] == ["incidents/2022-03-30-dmytrivka/"]


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
    [entry] = catalog.entries
    assert pages["incidents"].context["rows"] == {entry.id: row_data(catalog, entry)}
    assert row_data(catalog, entry) == {
        "side": "ukraine",
        "victims": "russia",
        "grade": "verified",
        "category": "killing",
        "region": "ua/kyiv-oblast",
        "year": "2022",
        "rank": "0",
    }
