"""The whole build as one straight pipeline: read, validate, catalog, plan, render, write (then index for search).

Each stage takes the previous stage's result and returns a new value; only `write` touches disk.
The build times each stage (`BuildResult.timings`) and reports its progress through an optional
callback, `progress(stage, done, total)`; it never prints.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from warcrime_archive import downloads, feeds, i18n, urls
from warcrime_archive.catalog import Catalog, build_catalog
from warcrime_archive.history import read_history
from warcrime_archive.plan import Page, plan_site
from warcrime_archive.problems import ArchiveError, Problem
from warcrime_archive.render import default_dir, make_environment, render_pages
from warcrime_archive.revisions import changed_since
from warcrime_archive.schema import schemas
from warcrime_archive.search_index import index_site
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
    """Seconds spent in each stage, in pipeline order: load (read and validate), catalog, plan, render, write,
    search (the Pagefind index)."""


Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total) when a stage starts, as it goes, and when it ends."""


def _quiet(stage: str, done: int, total: int) -> None:
    return None


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH (reproducible-builds.org): the time given to every built file, when set."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ArchiveError(
            [
                Problem(
                    "SOURCE_DATE_EPOCH",
                    1,
                    1,
                    "",
                    f"'{value}' is not a time in whole seconds since 1970-01-01 UTC",
                    "e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)",
                )
            ]
        )
    return int(value)


def check(root: Path, *, strict: bool = False, since: str | None = None, cache: Path | None = None) -> Loaded:
    """The first two stages, as `validate` runs them; raises ArchiveError when the archive fails.

    With `since` (a git revision), records are also compared with their versions there. With `cache` (a folder),
    record files unchanged since the last load are taken from it (see record_cache).
    """
    loaded = load_archive(root, cache)
    if since is not None and loaded.archive is not None:
        loaded = Loaded(loaded.archive, sorted(set(loaded.problems + changed_since(loaded.archive, since))))
    if loaded.errors or (strict and loaded.warnings):
        raise ArchiveError(loaded.problems)
    return loaded


def with_base_url(archive: Archive, base_url: str | None) -> Archive:
    if not base_url:
        return archive
    config = archive.config.model_validate({**archive.config.model_dump(by_alias=True), "base_url": base_url})
    return Archive(archive.root, config, archive.records, archive.pages)


def published_data(catalog: Catalog, pages: list[Page]) -> dict[str, str]:
    """Every file besides the pages: downloads, per-record JSON and citations, the JSON Schemas, feed,
    sitemap, robots.txt, and SHA256SUMS over all the data files."""
    data = downloads.data_files(catalog)
    data.update({urls.schema_file(name): text for name, text in schemas().items()})
    data[urls.FEED] = feeds.feed(catalog)
    site_map = feeds.sitemap(catalog, [(p.kind, p.url) for p in pages])
    if site_map is not None:
        data[urls.SITEMAP] = site_map
    return {**data, urls.ROBOTS: feeds.robots(catalog), urls.SUMS: downloads.sha256sums(data)}


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
    history: bool = True,
    progress: Progress | None = None,
    cache: Path | None = None,
) -> BuildResult:
    """Build the site of the archive at `root` into `out`; nothing is written if anything is wrong.

    With `history=False` the records' git history is not read (the pages leave it out), as when the
    archive is not in a git repository. With `cache` (a folder), the load stage keeps each record file's
    result there and reuses it for files that have not changed (see record_cache)."""
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
    mtime = source_date_epoch()
    report("load", 0, 0)
    loaded = check(root, strict=strict, cache=cache)
    assert loaded.archive is not None
    archive = with_base_url(loaded.archive, base_url)
    lap("load")
    report("catalog", 0, 0)
    catalog = build_catalog(archive, read_history(root) if history else None)
    lap("catalog")
    report("plan", 0, 0)
    with i18n.activated(i18n.load(root, archive.config.language)):
        pages = plan_site(catalog)
        lap("plan")
        env = make_environment(root, catalog)
        report("render", 0, len(pages))
        # Pages go from render to write one by one, so the whole site is never held in memory; the time
        # spent waiting for pages is the render stage's, the rest the write stage's (and the search index's).
        rendering = [0.0]
        rendered = render_pages(env, pages, lambda done: report("render", done, len(pages)))
        indexing = [0.0]

        def files() -> Iterator[tuple[str, str | bytes]]:
            yield from _timed(rendered, rendering)
            yield from published_data(catalog, pages).items()

        def index(staging: Path) -> int:
            report("search", 0, 0)
            start = time.perf_counter()
            added = index_site(staging)
            indexing[0] = time.perf_counter() - start
            return added

        try:
            count = write_site(out, files(), [root / "static", default_dir("static")], finish=index, mtime=mtime)
        finally:
            rendered.close()  # stops the render workers at once if writing failed
        lap("write")
        timings["render"], timings["search"] = rendering[0], indexing[0]
        timings["write"] -= rendering[0] + indexing[0]
        timings = {stage: timings[stage] for stage in ("load", "catalog", "plan", "render", "write", "search")}
    return BuildResult(out, len(pages), count, len(archive.records), loaded.warnings, timings)
