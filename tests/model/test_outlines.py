"""The bundled outlines: which country or region holds a point, and how far a point is from an outline."""

import pytest

from warcrime_archive.model.outlines import Outline, basemap


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
