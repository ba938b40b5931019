"""The shipped outlines: every Ukrainian region, their licence, a representative point for each, clipping."""

import json

from warcrime_archive import layout
from warcrime_archive.model.basemap import basemap, clip, representative_point


def test_basemap_has_every_ukrainian_region_and_its_licence():
    atlas = basemap()
    assert {f"UA-{n:02d}" for n in (5, 7, 9, 12, 14, 18, 21, 23, 26, 30, 32, 35, 40, 43, 46, 48)} <= set(atlas.regions)
    assert atlas.regions["UA-43"].name == "Autonomous Republic of Crimea"
    # Crimea is drawn as part of Ukraine, as ISO 3166 has it
    west, south, east, north = atlas.countries["UA"].bounds
    assert south < 44.5 and 22 < west < 22.5 and 40 < east < 40.5
    folder = layout.DATA / "basemap"
    assert "public domain" in (folder / "LICENSE.md").read_text()
    assert json.loads((folder / "basemap.json").read_text())["source"].startswith("Natural Earth")


def test_a_record_known_only_to_its_region_is_put_at_its_region_or_country_centre():
    kind, lon, lat = representative_point("UA", "UA-32")  # Kyiv Oblast
    west, south, east, north = basemap().regions["UA-32"].bounds
    assert kind == "region" and west < lon < east and south < lat < north
    assert representative_point("UA", "UA-99")[0] == "country"  # no outline of such a region
    assert representative_point("BV", "BV-01") is None  # Bouvet Island has no outline


def test_clipping_cuts_a_ring_to_a_box():
    clipped = clip([(-5, -5), (15, -5), (15, 15), (-5, 15), (-5, -5)], (0, 0, 10, 10))
    assert {(round(x, 6), round(y, 6)) for x, y in clipped} == {(0, 0), (10, 0), (10, 10), (0, 10)}
