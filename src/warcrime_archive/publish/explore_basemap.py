"""The explore view's base map, made at build time from the outlines shipped with the package (`model.outlines`): the
countries around the archive's records and the regions of the countries they are in, as GeoJSON, thinned so that
the file stays small. The view draws it with Leaflet; no tile server or other host is asked for anything."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.model.outlines import Outline, basemap, clip

TOLERANCE = 0.04
"""Degrees: a point of an outline closer than this to the line through its neighbours is left out (about 4 km)."""
MARGIN = 5.0
"""Degrees around the records' countries: the outlines are drawn as far as this, and cut there."""


def _thin(ring: Sequence[Sequence[float]], tolerance: float = TOLERANCE) -> list[list[float]]:
    """Douglas-Peucker: the ring with the points that change its shape by more than `tolerance` degrees."""
    points = [(float(p[0]), float(p[1])) for p in ring]
    if len(points) < 5:
        return [list(p) for p in points]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    todo = [(0, len(points) - 1)]
    while todo:
        first, last = todo.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = (dx * dx + dy * dy) ** 0.5
        far, farthest = 0.0, -1
        for n in range(first + 1, last):
            x, y = points[n]
            d = abs(dy * (x - x1) - dx * (y - y1)) / length if length else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > far:
                far, farthest = d, n
        if far > tolerance:
            keep[farthest] = True
            todo += [(first, farthest), (farthest, last)]
    return [[round(x, 2), round(y, 2)] for (x, y), kept in zip(points, keep, strict=True) if kept]


def _feature(kind: str, code: str, outline: Outline, box: tuple[float, float, float, float]) -> dict[str, Any] | None:
    rings = [thinned for ring in outline.rings if len(thinned := _thin(_closed(clip(ring, box)))) >= 4]
    if not rings:
        return None
    return {
        "type": "Feature",
        "properties": {"kind": kind, "code": code, "name": outline.name},
        "geometry": {"type": "MultiPolygon", "coordinates": [[ring] for ring in rings]},
    }


def _closed(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return ring + ring[:1] if ring and ring[0] != ring[-1] else ring


def _near(bounds: tuple[float, float, float, float], around: tuple[float, float, float, float]) -> bool:
    west, south, east, north = around
    return not (
        bounds[2] < west - MARGIN
        or bounds[0] > east + MARGIN
        or bounds[3] < south - MARGIN
        or bounds[1] > north + MARGIN
    )


def explore_basemap(catalog: Catalog) -> dict[str, Any]:
    """The countries near the records' countries (each drawn whole) and the regions of the records' countries."""
    atlas = basemap()
    involved = sorted({e.incident.location.country for e in catalog.entries} & set(atlas.countries))
    features = []
    if involved:
        boxes = [atlas.countries[code].bounds for code in involved]
        around = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
        box = (around[0] - MARGIN, around[1] - MARGIN, around[2] + MARGIN, around[3] + MARGIN)
        for code, outline in sorted(atlas.countries.items()):
            if code in involved or _near(outline.bounds, around):
                features.append(_feature("country" if code in involved else "context", code, outline, box))
        for code, outline in sorted(atlas.regions.items()):
            if code.split("-")[0] in involved:
                features.append(_feature("region", code, outline, box))
    return {"type": "FeatureCollection", "features": [f for f in features if f is not None]}
