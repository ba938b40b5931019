"""The whole build as one straight pipeline: read, validate, catalog, plan, render, write.

Each stage takes the previous stage's result and returns a new value; only `write` touches disk.
The build times each stage (`BuildResult.timings`) and reports its progress through an optional
callback, `progress(stage, done, total)`; it never prints.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from warcrime_archive.catalog import build_catalog
from warcrime_archive.plan import plan_site
from warcrime_archive.problems import ArchiveError, Problem
from warcrime_archive.render import default_dir, make_environment, render_pages
from warcrime_archive.validate import Archive, Loaded, load_archive
from warcrime_archive.write import check_output, write_site

T = TypeVar("T")


@dataclass(frozen=True)
class BuildResult:
    out: Path
    pages: int
    files: int
    records: int
    warnings: list[Problem]
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each stage, in pipeline order: load (read and validate), catalog, plan, render, write."""


Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total) when a stage starts, as it goes, and when it ends."""


def _quiet(stage: str, done: int, total: int) -> None:
    return None


def check(root: Path, *, strict: bool = False) -> Loaded:
    """The first two stages, as `validate` runs them; raises ArchiveError when the archive fails."""
    loaded = load_archive(root)
    if loaded.errors or (strict and loaded.warnings):
        raise ArchiveError(loaded.problems)
    return loaded


def with_base_url(archive: Archive, base_url: str | None) -> Archive:
    if not base_url:
        return archive
    config = archive.config.model_validate({**archive.config.model_dump(by_alias=True), "base_url": base_url})
    return Archive(archive.root, config, archive.records, archive.pages)


def _timed(items: Iterator[T], spent: list[float]) -> Iterator[T]:
    """The same items, adding the time spent producing them to spent[0]."""
    while True:
        start = time.perf_counter()
        try:
            item = next(items)
        except StopIteration:
            spent[0] += time.perf_counter() - start
            return
        spent[0] += time.perf_counter() - start
        yield item


def build(
    root: Path,
    out: Path,
    *,
    base_url: str | None = None,
    strict: bool = False,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the site of the archive at `root` into `out`; nothing is written if anything is wrong."""
    report = progress or _quiet
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = now - clock
        clock = now

    unsafe = check_output(root, out)
    if unsafe:
        raise ArchiveError(unsafe)
    report("load", 0, 0)
    loaded = check(root, strict=strict)
    assert loaded.archive is not None
    archive = with_base_url(loaded.archive, base_url)
    lap("load")
    report("catalog", 0, 0)
    catalog = build_catalog(archive)
    lap("catalog")
    report("plan", 0, 0)
    pages = plan_site(catalog)
    lap("plan")
    env = make_environment(root, catalog)
    report("render", 0, len(pages))
    # Pages go from render to write one by one, so the whole site is never held in memory; the time
    # spent waiting for pages is the render stage's, the rest the write stage's.
    rendering = [0.0]
    rendered = render_pages(env, pages, lambda done: report("render", done, len(pages)))
    try:
        count = write_site(out, _timed(rendered, rendering), [root / "static", default_dir("static")])
    finally:
        rendered.close()  # stops the render workers at once if writing failed
    lap("write")
    timings["render"], timings["write"] = rendering[0], timings["write"] - rendering[0]
    timings = {stage: timings[stage] for stage in ("load", "catalog", "plan", "render", "write")}
    return BuildResult(out, len(pages), count, len(archive.records), loaded.warnings, timings)
