"""Maps: each record placed as precisely as it allows, none dropped, drawn into the built pages."""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from repo_paths import MINIMAL

from warcrime_archive.build import build_site
from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan import maps
from warcrime_archive.validate.load import load_archive

RECORD = MINIMAL / "incidents" / "2022-03-29-dmytrivka-x.yaml"


def archive_with(tmp_path: Path, **locations: dict) -> Path:
    """The minimal archive with one record per given location (record id -> location mapping)."""
    root = tmp_path / "archive"
    shutil.copytree(MINIMAL, root)
    base = yaml.safe_load(RECORD.read_text())
    (root / "incidents" / RECORD.name).unlink()
    for record_id, location in locations.items():
        record = {**base, "location": {"sources": ["a"], **location}, "title": f"Incident {record_id}"}
        (root / "incidents" / f"{record_id}.yaml").write_text(yaml.safe_dump(record))
    return root


def catalog_of(root: Path):
    loaded = load_archive(root)
    assert not loaded.errors, loaded.errors
    return build_catalog(loaded.archive)


KYIV = {"place": "Dmytrivka", "admin1": "Kyiv Oblast", "country": "UA"}
VARIANTS = {
    "exact": {**KYIV, "precision": "exact", "coordinates": {"lat": 50.43, "lon": 30.07}},
    "near": {**KYIV, "precision": "near", "coordinates": {"lat": 50.43, "lon": 30.07}},
    "district": {**KYIV, "precision": "district", "coordinates": {"lat": 50.43, "lon": 30.07}},
    "nocoords": {**KYIV, "precision": "near"},
    "poland": {"place": "Przewodów", "admin1": "PL-06", "country": "PL", "precision": "settlement"},
    "bouvet": {"admin1": "Bouvet Island", "country": "BV", "precision": "region"},
}


@pytest.fixture
def variants(tmp_path):
    return catalog_of(archive_with(tmp_path, **VARIANTS))


def test_each_precision_is_drawn_its_own_way(variants):
    kinds = {e.id: maps.place(e) for e in variants.entries}
    assert {k: p.kind for k, p in kinds.items()} == {
        "exact": "point",
        "near": "circle",
        "district": "circle",
        "nocoords": "region",
        "poland": "country",
        "bouvet": "none",
    }
    assert (kinds["near"].radius_km, kinds["district"].radius_km) == (2.0, 25.0)
    assert kinds["nocoords"].region == "UA-32"
    # a region's centre lies inside Kyiv Oblast, not in Kyiv city's hole in it
    lon, lat = kinds["nocoords"].lon, kinds["nocoords"].lat
    assert 29 < lon < 32.5 and 49 < lat < 51.6 and not (30.2 < lon < 30.85 and 50.2 < lat < 50.6)


def test_overview_places_every_record_or_lists_it(variants):
    view = maps.overview(variants.entries, maps.region_urls(variants.places_by_url))
    assert [e.id for e in view.unplaced] == ["bouvet"]
    kinds = sorted(m.kind for m in view.markers)
    assert kinds == ["circle", "circle", "country", "point", "region"]
    assert view.height > 0 and view.width == maps.WIDTH
    for m in view.markers:  # every marker is inside the picture
        assert 0 <= m.x <= view.width and 0 <= m.y <= view.height
    roles = {s.role for s in view.shapes}
    assert roles == {"land", "context", "highlight"}


def test_a_wider_circle_for_a_coarser_precision(variants):
    view = maps.overview([e for e in variants.entries if e.id in ("near", "district")], {})
    radii = {m.label: m.r for m in view.markers}
    assert radii["Incident district"] > radii["Incident near"] >= maps.MIN_RADIUS


def test_records_in_one_region_share_a_counted_marker_linking_the_region(tmp_path):
    catalog = catalog_of(archive_with(tmp_path, a={**KYIV, "precision": "near"}, b={**KYIV, "precision": "settlement"}))
    view = maps.overview(catalog.entries, maps.region_urls(catalog.places_by_url))
    [marker] = view.markers
    assert (marker.kind, marker.count, marker.url) == ("region", 2, "places/ua/kyiv-oblast/")
    assert marker.label == "2 incidents in Kyiv Oblast"


def test_locator_shows_the_country_whole_with_the_region_shaded(variants):
    entry = variants.by_id["nocoords"]
    view = maps.locator(entry)
    assert [s.role for s in view.shapes] == ["land", "highlight"]
    assert [m.kind for m in view.markers] == ["region"]
    assert maps.placement_words(entry) == "its region, Kyiv Oblast, shaded (no coordinates are published)"
    # Ukraine is about 1.5 times as wide as it is tall on this projection
    assert 1.3 < view.width / view.height < 1.7


def test_a_map_with_very_many_points_counts_them_by_region(variants, monkeypatch):
    monkeypatch.setattr(maps, "MARKER_LIMIT", 1)
    view = maps.draw(variants.entries)
    assert view.folded
    assert {m.kind for m in view.markers} <= {"region", "country"}  # no point drawn one by one
    assert sum(m.count for m in view.markers) == len(variants.entries) - len(view.unplaced)
    monkeypatch.setattr(maps, "MARKER_LIMIT", 100)
    assert not maps.draw(variants.entries).folded


def test_built_pages_carry_the_maps(tmp_path):
    root = archive_with(tmp_path, **VARIANTS)
    out = tmp_path / "site"
    build_site(root, out)
    incident = (out / "incidents" / "nocoords" / "index.html").read_text()
    assert re.search(
        r'<svg class="map" viewBox="0 0 480 \d+" width="480" height="\d+" role="img" '
        r'aria-label="Locator map: its region, Kyiv Oblast, shaded',
        incident,
    )
    assert '<path class="highlight" d="M' in incident
    bouvet = (out / "incidents" / "bouvet" / "index.html").read_text()
    assert '<svg class="map"' not in bouvet
    assert "On the map: not on the map (there is no outline of its country)." in bouvet
    overview = (out / "map" / "index.html").read_text()
    assert 'role="group" aria-label="Map of 5 incidents' in overview
    assert '<a href="../incidents/exact/" aria-label="Incident exact">' in overview
    assert "Not on the map" in overview and '<a href="../incidents/bouvet/">Incident bouvet</a>' in overview
    for record_id in VARIANTS:  # every record is in the table beside the map
        assert f'<th scope="row"><a href="../incidents/{record_id}/">' in overview
    region = (out / "places" / "ua" / "kyiv-oblast" / "index.html").read_text()
    assert '<svg class="map"' in region and "map-legend" in region
