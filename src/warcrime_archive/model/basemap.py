"""The outlines of countries and regions shipped with the package: Natural Earth's 1:10m admin-1 (public domain),
simplified (data/basemap/, made by scripts/make_basemap.py), loaded once per process. Each outline has a centre
inside it: where a record known only to its region (or country) is placed on a map, never as the place itself.
`clip` cuts an outline to a box."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

Ring = Sequence[Sequence[float]]


@dataclass(frozen=True)
class Outline:
    name: str
    centre: tuple[float, float]  # lon, lat: inside the outline
    rings: tuple[Ring, ...]
    bounds: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat


@dataclass(frozen=True)
class Basemap:
    countries: dict[str, Outline]
    regions: dict[str, Outline]


def _outline(name: str, item: dict) -> Outline:
    rings = tuple(tuple(tuple(p) for p in ring) for ring in item["shape"])
    lons = [p[0] for ring in rings for p in ring]
    lats = [p[1] for ring in rings for p in ring]
    return Outline(name, (item["centre"][0], item["centre"][1]), rings, (min(lons), min(lats), max(lons), max(lats)))


@cache
def basemap() -> Basemap:
    """The shipped outlines, loaded once per process."""
    text = resources.files("warcrime_archive").joinpath("data/basemap/basemap.json").read_text("utf-8")
    data = json.loads(text)
    return Basemap(
        {code: _outline(code, item) for code, item in data["countries"].items()},
        {code: _outline(item["name"], item) for code, item in data["regions"].items()},
    )


def representative_point(country: str, region_code: str) -> tuple[str, float, float] | None:
    """Where a record known only to its region is put on a map: ('region', lon, lat) at the centre of the region's
    outline, else ('country', lon, lat) at its country's, else None (there is no outline of either)."""
    atlas = basemap()
    region = atlas.regions.get(region_code)
    if region is not None:
        return ("region", *region.centre)
    outline = atlas.countries.get(country)
    if outline is not None:
        return ("country", *outline.centre)
    return None


def clip(ring: Ring, box: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: the part of a ring inside `box` (west, south, east, north)."""
    west, south, east, north = box
    edges: tuple[tuple[Callable[[tuple[float, float]], bool], int, float], ...] = (
        (lambda p: p[0] >= west, 0, west),
        (lambda p: p[0] <= east, 0, east),
        (lambda p: p[1] >= south, 1, south),
        (lambda p: p[1] <= north, 1, north),
    )
    points = [(p[0], p[1]) for p in ring]
    for inside, axis, value in edges:
        if not points:
            break
        out: list[tuple[float, float]] = []
        prev = points[-1]
        for cur in points:
            if inside(cur):
                if not inside(prev):
                    out.append(_cross(prev, cur, axis, value))
                out.append(cur)
            elif inside(prev):
                out.append(_cross(prev, cur, axis, value))
            prev = cur
        points = out
    return points


def _cross(a: tuple[float, float], b: tuple[float, float], axis: int, value: float) -> tuple[float, float]:
    t = (value - a[axis]) / (b[axis] - a[axis])
    return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
