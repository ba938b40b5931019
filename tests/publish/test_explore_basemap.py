"""The explore view's base map: the records' countries with their regions and the countries around them, cut to a
margin and thinned, as GeoJSON."""

from __future__ import annotations

from pathlib import Path

from planted_archive import catalog_of, make_archive

from warcrime_archive.publish import explore_basemap
from warcrime_archive.publish.explore import compact


def test_the_base_map_draws_the_records_countries_their_regions_and_their_neighbours(tmp_path: Path):
    geojson = explore_basemap.explore_basemap(catalog_of(make_archive(tmp_path / "a")))
    kinds: dict[str, set[str]] = {}
    for feature in geojson["features"]:
        kinds.setdefault(feature["properties"]["kind"], set()).add(feature["properties"]["code"])
    assert kinds["country"] == {"UA"}
    assert {"UA-32", "UA-63", "UA-43"} <= kinds["region"] and all(c.startswith("UA-") for c in kinds["region"])
    assert {"PL", "RO", "BY", "MD", "RU"} <= kinds["context"] and "US" not in kinds["context"]
    points = [
        p for f in geojson["features"] for polygon in f["geometry"]["coordinates"] for ring in polygon for p in ring
    ]
    # cut at the margin around Ukraine (22-40.2 E, 44.4-52.4 N)
    assert min(p[0] for p in points) >= 22 - explore_basemap.MARGIN - 0.01
    assert max(p[1] for p in points) <= 52.4 + explore_basemap.MARGIN + 0.01
    assert len(compact(geojson)) < 80_000  # small enough for the view's first screen


def test_thinning_keeps_a_rings_shape_and_drops_what_does_not_change_it():
    square = [[0, 0], [0.5, 0.001], [1, 0], [1, 1], [0, 1], [0, 0]]
    assert explore_basemap._thin(square) == [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
    zigzag = [[0, 0], [0.5, 0.5], [1, 0], [1, 1], [0, 1], [0, 0]]
    assert [0.5, 0.5] in explore_basemap._thin(zigzag)
