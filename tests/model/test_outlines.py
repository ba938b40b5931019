"""The bundled outlines: every Ukrainian region and their licence, which country or region holds a point, how far a
point is from an outline, a representative point for each, clipping."""

import json

import pytest

from warcrime_archive import layout
from warcrime_archive.model.outlines import Outline, basemap, clip, representative_point


def test_a_square_contains_its_inside_and_measures_the_distance_outside():
    square = Outline("sq", (0.5, 0.5), (((0, 0), (1, 0), (1, 1), (0, 1)),), (0, 0, 1, 1))
    assert square.contains(0.5, 0.5) and not square.contains(1.5, 0.5)
    assert square.distance_km(0.5, 0.5) == 0
    assert square.distance_km(1.1, 0.5) == pytest.approx(11.13, abs=0.05)  # 0.1 degree of longitude at the equator


def test_a_hole_is_outside_and_a_second_part_inside():
    holed = Outline(
        "holed",
        (0.1, 0.1),
        (((0, 0), (4, 0), (4, 4), (0, 4)), ((1, 1), (2, 1), (2, 2), (1, 2)), ((10, 10), (11, 10), (11, 11))),
        (0, 0, 11, 11),
    )
    assert holed.contains(0.5, 0.5) and not holed.contains(1.5, 1.5) and holed.contains(10.8, 10.5)


def test_the_bundled_outlines_place_real_points():
    atlas = basemap()
    assert atlas.country_at(30.52, 50.45) == "UA"  # Kyiv
    assert atlas.country_at(21.01, 52.23) == "PL"  # Warsaw
    assert atlas.country_at(48.0, 37.8) == "IR"  # Donetsk with latitude and longitude swapped
    assert atlas.region_at("UA", 37.80, 48.00) == "UA-14"  # Donetsk, in Donetsk Oblast
    assert atlas.region_at("UA", 24.03, 49.84) == "UA-46"  # Lviv
    assert atlas.region_at("UA", 21.01, 52.23) is None
    assert atlas.countries["UA"].contains(*atlas.countries["UA"].centre)


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
