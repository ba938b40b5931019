"""A map's frame: the part of the world it shows and where each longitude and latitude goes in it, and each outline
of the base map as an SVG path in that frame, clipped to it (worked out once per outline and frame)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from warcrime_archive.model.outlines import Ring, basemap, clip

WIDTH = 480  # the SVG's user units; the image scales to the page
PAD = 0.06


@dataclass(frozen=True)
class Frame:
    """The part of the world a map shows, in degrees, and its size in SVG units."""

    west: float
    south: float
    east: float
    north: float

    @property
    def k(self) -> float:  # equirectangular: longitudes shrink by cos(latitude) at the frame's middle
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def scale(self) -> float:  # SVG units per degree of latitude
        return WIDTH / ((self.east - self.west) * self.k)

    @property
    def height(self) -> int:
        return round((self.north - self.south) * self.scale)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.west) * self.k * self.scale, (self.north - lat) * self.scale)

    @classmethod
    def around(cls, bounds: tuple[float, float, float, float], min_span: float = 2.0) -> Frame:
        west, south, east, north = bounds
        k = math.cos(math.radians((south + north) / 2))
        # pad, widen to a minimum span, and keep the picture between 4:3 wide and 1:1
        w = max(east - west, min_span / k)
        h = max(north - south, min_span)
        w, h = max(w, h / k), max(h, w * k * 0.6)
        cx, cy = (west + east) / 2, (south + north) / 2
        w, h = w * (1 + 2 * PAD), h * (1 + 2 * PAD)
        return cls(round(cx - w / 2, 3), round(cy - h / 2, 3), round(cx + w / 2, 3), round(cy + h / 2, 3))


def _clip(ring: Ring, frame: Frame) -> list[tuple[float, float]]:
    """The part of a ring inside the frame (with a margin), so paths stay small."""
    mx, my = (frame.east - frame.west) * 0.02, (frame.north - frame.south) * 0.02
    return clip(ring, (frame.west - mx, frame.south - my, frame.east + mx, frame.north + my))


def overlaps(bounds: tuple[float, float, float, float], frame: Frame) -> bool:
    return not (bounds[2] < frame.west or bounds[0] > frame.east or bounds[3] < frame.south or bounds[1] > frame.north)


@lru_cache(maxsize=4096)
def outline_path(kind: str, code: str, frame: Frame) -> str:
    """The SVG path of a country or region in a frame: absolute start, then relative steps, 1 decimal."""
    outline = (basemap().countries if kind == "country" else basemap().regions)[code]
    if not overlaps(outline.bounds, frame):
        return ""
    parts = []
    for ring in outline.rings:
        points = _clip(ring, frame)
        if len(points) < 3:
            continue
        xy = [frame.xy(*p) for p in points]
        rounded = [(round(x * 10), round(y * 10)) for x, y in xy]  # tenths of a unit, as integers
        steps = [f"M{rounded[0][0] / 10:g} {rounded[0][1] / 10:g}"]
        px, py = rounded[0]
        for x, y in rounded[1:]:
            if (x, y) != (px, py):
                steps.append(f"{(x - px) / 10:g} {(y - py) / 10:g}")
                px, py = x, y
        if len(steps) > 2:
            parts.append(steps[0] + "l" + " ".join(steps[1:]) + "z")
    return "".join(parts)
