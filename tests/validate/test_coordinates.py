"""Coordinates inside their country and region: the border tolerance, swapped values, and a stated exception."""

import pytest
from edited_archive import RECORD, archive_with, error_lines

from warcrime_archive.validate.coordinates import TOLERANCE_KM

NEAR = "precision: near, also_known_as"


def at(lat: float, lon: float, extra: str = "") -> dict[str, str]:
    return {NEAR: f"precision: exact, coordinates: {{lat: {lat}, lon: {lon}{extra}}}, also_known_as"}


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        (50.54, 30.03),  # Dmytrivka, inside Kyiv Oblast
        (51.24, 29.32),  # inside, near the western edge
        (51.54, 29.66),  # 6 km into Belarus by the simplified outlines, at the border: the tolerance keeps it
    ],
)
def test_a_point_in_its_region_or_on_its_border_is_accepted(tmp_path, lat, lon):
    assert error_lines(archive_with(tmp_path, at(lat, lon))) == []


def test_the_tolerance_is_some_kilometres():
    assert 5 <= TOLERANCE_KM <= 20


def test_a_point_elsewhere_is_refused_and_swapped_values_get_a_did_you_mean(tmp_path):
    assert error_lines(archive_with(tmp_path / "a", at(48.0, 37.8))) == [
        f"{RECORD}:6:116: location.coordinates: the point (lat 48, lon 37.8) is not in Kyiv Oblast, the record's "
        "region; it is in Donetsk Oblast (check the coordinates and `location.admin1`; if the point is right, say "
        "why in `location.coordinates.outside_region`)"
    ]
    # Donetsk with latitude and longitude swapped is in Iran; swapped back it is in Ukraine, not in Kyiv Oblast
    assert error_lines(archive_with(tmp_path / "b", at(37.8, 48.0))) == [
        f"{RECORD}:6:116: location.coordinates: the point (lat 37.8, lon 48) is not in Ukraine, the record's country; "
        "it is in Iran (check the coordinates and `location.country`; if the point is right, say why in "
        "`location.coordinates.outside_region`)"
    ]
    assert error_lines(archive_with(tmp_path / "c", at(0.0, -30.0))) == [
        f"{RECORD}:6:116: location.coordinates: the point (lat 0, lon -30) is not in Ukraine, the record's country "
        "(check the coordinates and `location.country`; if the point is right, say why in "
        "`location.coordinates.outside_region`)"
    ]


def test_a_stated_exception_is_accepted_and_shown(tmp_path):
    root = archive_with(tmp_path, at(49.84, 24.03, ", outside_region: The sources place it at the regional border."))
    assert error_lines(root) == []
