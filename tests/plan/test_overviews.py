"""The timeline and the map: every incident at once, in date order."""

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan.overviews import map_page, timeline_page
from warcrime_archive.validate.load import load_archive


def test_the_map_and_the_timeline_list_every_incident_oldest_first(sample_root):
    catalog = build_catalog(load_archive(sample_root).archive)
    oldest_first = list(reversed(catalog.entries))
    page = map_page(catalog, {e.id: f"in {e.id}" for e in catalog.entries})
    assert page.context["placed"] == [(e, f"in {e.id}") for e in oldest_first]
    assert len(page.context["overview"].markers) >= 1
    timeline = timeline_page(catalog)
    assert [e for e, _ in timeline.context["chronological"]] == oldest_first
    assert timeline.context["timeline"] is not None
