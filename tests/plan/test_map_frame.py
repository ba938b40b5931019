"""A map's frame: outlines projected into it once per frame, clipped to it, as small SVG paths."""

import pytest
from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan import map_frame, maps
from warcrime_archive.validate.load import load_archive


def test_paths_are_cached_per_frame_and_small():
    [entry] = build_catalog(load_archive(MINIMAL).archive).entries
    map_frame.outline_path.cache_clear()
    for _ in range(3):
        view = maps.locator(entry)
    info = map_frame.outline_path.cache_info()
    assert info.misses == 2 and info.hits == 4  # Ukraine and Kyiv Oblast, projected once for every locator
    assert sum(len(s.d) for s in view.shapes) < 6000


def test_clipping_keeps_a_ring_inside_the_frame():
    frame = map_frame.Frame(0, 0, 10, 10)
    ring = [(-5, -5), (15, -5), (15, 15), (-5, 15), (-5, -5)]
    clipped = map_frame._clip(ring, frame)
    xs, ys = [p[0] for p in clipped], [p[1] for p in clipped]
    assert min(xs) == pytest.approx(-0.2) and max(xs) == pytest.approx(10.2)
    assert min(ys) == pytest.approx(-0.2) and max(ys) == pytest.approx(10.2)
    assert map_frame.overlaps((1, 1, 2, 2), frame) and not map_frame.overlaps((11, 1, 12, 2), frame)
