"""The timeline, the map and the explore view: every incident at once, in date order, the lists in pages."""

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan import timeline
from warcrime_archive.plan.overviews import explore_page, map_pages, timeline_pages
from warcrime_archive.plan.pages import PageKind
from warcrime_archive.publish.explore import facets
from warcrime_archive.validate.load import load_archive


def test_the_map_and_the_timeline_list_every_incident_oldest_first(sample_root):
    catalog = build_catalog(load_archive(sample_root).archive)
    oldest_first = list(reversed(catalog.entries))
    [page] = map_pages(catalog, {e.id: f"in {e.id}" for e in catalog.entries})
    assert page.context["placed"] == [(e, f"in {e.id}") for e in oldest_first]
    assert page.context["placed_count"] == 4
    assert len(page.context["overview"].markers) >= 1
    [line] = timeline_pages(catalog)
    assert [e for e, _ in line.context["chronological"]] == oldest_first
    assert line.context["timeline"] is not None and line.context["histogram"] is None


def test_in_a_large_archive_the_timeline_is_a_histogram_and_the_lists_are_in_pages(many_catalog):
    catalog = many_catalog(timeline.MARK_LIMIT + 1)
    pages = timeline_pages(catalog)
    assert [p.url for p in pages] == ["timeline/", "timeline/page/2/", "timeline/page/3/", "timeline/page/4/"]
    first, *others = pages
    assert first.context["timeline"] is None and first.context["histogram"].total == timeline.MARK_LIMIT + 1
    assert all(p.context["histogram"] is None for p in others)  # the picture is on the first page only
    assert [len(p.context["chronological"]) for p in pages] == [100, 100, 100, 1]
    maps = map_pages(catalog, {e.id: "somewhere" for e in catalog.entries})
    assert [len(p.context["placed"]) for p in maps] == [100, 100, 100, 1]
    assert maps[0].context["overview"].height and not maps[1].context["overview"].height


def test_the_explore_view_offers_every_facet():
    from repo_paths import MINIMAL

    catalog = build_catalog(load_archive(MINIMAL).archive)
    page = explore_page(catalog)
    assert (page.kind, page.url, page.templates) == (PageKind.explore, "explore/", ("explore.html",))
    assert page.context["facets"] == facets(catalog) and page.context["records"] == 1
