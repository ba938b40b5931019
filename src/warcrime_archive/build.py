"""The whole build as one straight pipeline: read, validate, catalog, plan, render, write (then index for search).

Each stage takes the previous stage's result and returns a new value; only `write` touches disk.
The build times each stage (`BuildResult.timings`) and reports its progress through an optional
callback, `progress(stage, done, total)`; it never prints.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TypeVar

from warcrime_archive import i18n, layout, urls
from warcrime_archive.catalog.history import read_history, shallow_clone
from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.incremental import uptodate
from warcrime_archive.incremental.fingerprint import Fingerprints
from warcrime_archive.incremental.plan_cache import PlanCache
from warcrime_archive.memory import long_lived
from warcrime_archive.model.archive import Archive
from warcrime_archive.model.schema import schemas
from warcrime_archive.plan.pages import Page
from warcrime_archive.plan.site import plan_site
from warcrime_archive.problems import ArchiveError, Problem, Severity, summary
from warcrime_archive.publish import downloads, feeds
from warcrime_archive.publish.record_files import RECORD_FILES, record_files
from warcrime_archive.publish.search import index_linked, link_pages, search_version, shards, shards_script
from warcrime_archive.render.environment import Fragments, environment, render_pages
from warcrime_archive.validate.check import check
from warcrime_archive.write.staging import Staging, check_output

T = TypeVar("T")

MANIFEST = "site.json"
"""The output's manifest (write.Staging), in the build cache folder."""
FRAGMENTS = "fragments.pickle"
"""The incident rows of the lists (render.Fragments), kept in the build cache for the next build."""
PLAN = "plan.pickle"
"""Each incident's page parts, each place's map and each record's rows of the downloads (plan_cache.PlanCache),
kept in the build cache for the next build."""


@dataclass(frozen=True)
class BuildResult:
    out: Path
    pages: int
    files: int
    records: int
    warnings: list[Problem]
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each stage, in pipeline order: load (read and validate), catalog, plan (with the
    fingerprints of an incremental build), render, write, search. The search index is made while the pages
    it does not read are rendered and the rest written; `search` is the time left waiting for it after."""
    rendered: int = 0
    """How many pages were rendered: all of them, or in an incremental build those that changed."""


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


def with_base_url(archive: Archive, base_url: str | None) -> Archive:
    if not base_url:
        return archive
    config = archive.config.model_validate({**archive.config.model_dump(by_alias=True), "base_url": base_url})
    return Archive(archive.root, config, archive.records, archive.pages)


def write_data(
    staging: Staging, catalog: Catalog, pages: list[Page], prints: Fingerprints | None, rows: downloads.Rows | None
) -> None:
    """Every file besides the pages: downloads, per-record JSON and citations, the JSON Schemas, feed,
    sitemap, robots.txt, and SHA256SUMS over all the data files.

    A record's own files depend on that record and the settings only: with fingerprints, those of an
    unchanged record are kept without being made again (SHA256SUMS takes their digests from the manifest).
    Each record's part of the downloads over every record comes from `rows` (the plan cache), when given.
    """
    summed = []
    for relative, parts in downloads.archive_parts(catalog, rows):
        staging.put_parts(relative, parts)  # one at a time, part by part: tens of megabytes each
        summed.append(relative)
    data = {urls.schema_file(name): text for name, text in schemas().items()}
    data[urls.FEED] = feeds.feed(catalog)
    site_map = feeds.sitemap(catalog, [p.url for p in pages if p.kind.in_sitemap])
    if site_map is not None:
        data[urls.SITEMAP] = site_map
    for relative, content in data.items():
        staging.put(relative, content)
    summed += data
    for entry in catalog.entries:
        fingerprint = prints.digest(("record files", prints.salt, entry)) if prints is not None else None
        paths = [urls.record_file(entry.id, name) for name in RECORD_FILES]
        if fingerprint is None or not all([staging.unchanged(path, fingerprint) for path in paths]):
            for relative, content in record_files(catalog.config, entry).items():
                staging.put(relative, content, fingerprint)
        summed += paths
    staging.put(urls.ROBOTS, feeds.robots(catalog))
    staging.put(urls.SUMS, staging.sums(summed))


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


def build_site(
    root: Path,
    out: Path,
    *,
    base_url: str | None = None,
    strict: bool = False,
    history: bool = True,
    progress: Progress | None = None,
    cache: Path | None = None,
    made_from: dict | None = None,
) -> BuildResult:
    """Build the site of the archive at `root` into `out`; nothing is written if anything is wrong.

    With `history=False` the records' git history is not read (the pages leave it out), as when the
    archive is not in a git repository.

    With a `cache` folder the build is incremental: the load stage reuses the result of each record file
    that has not changed (`record_cache`); the output's manifest there says what each file was made from
    (`fingerprint.Fingerprints`), and a page whose fingerprint has not changed is neither rendered nor
    written again, nor the search index when no indexed page changed. The result is the same, byte for
    byte, as a build without it. `made_from` is the `uptodate.snapshot` a caller already took and found
    out of date (the command line checks before importing this module), so it is not taken twice."""
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
    if cache is not None:
        if made_from is None:
            made_from = uptodate.snapshot(root, out, base_url=base_url, strict=strict, history=history)
            known = uptodate.current(cache, made_from)
            if known is not None:
                return result_from_stamp(known, out)
        uptodate.forget(cache)
    report("load", 0, 0)
    loaded = check(root, strict=strict, cache=cache)
    assert loaded.archive is not None
    warnings = loaded.reported  # with the checks that could not run
    cut_short = shallow_clone(root) if history else None  # an error in CI: the history would be invented
    if cut_short is not None:
        if cut_short.severity is Severity.ERROR:
            raise ArchiveError([cut_short])
        warnings = [cut_short, *warnings]
    archive = with_base_url(loaded.archive, base_url)
    lap("load")
    manifest = cache / MANIFEST if cache is not None else None
    # The files kept from the last build are put in place (write.Staging, in a child process) while the
    # archive is catalogued and planned here.
    with Staging(out, mtime=mtime, manifest=manifest) as staging:
        report("catalog", 0, 0)
        # The catalog and the plan live as long as the build, as the records do: made without the cyclic
        # collector and then set aside from its passes (`long_lived`), which otherwise walked them again
        # and again (about 1 s of a one-edit build at 10,000 records), and which in the forked render
        # workers would write to every inherited object's header, copying the pages they share.
        with long_lived():
            catalog = build_catalog(archive, read_history(root) if history else None)
        lap("catalog")
        report("plan", 0, 0)
        language = archive.config.language
        # The environment lets go of the archive when the build ends (`render.environment`): `serve` builds again
        # and again in one process.
        with i18n.activated(i18n.load(root, language)), environment(root, catalog) as env:
            prints: Fingerprints | None = None
            kept: PlanCache | None = None
            if cache is not None:
                po = i18n.catalog_path(root, language)
                prints = Fingerprints(env, (language, po.read_bytes() if po else b""))
                kept = PlanCache(cache / PLAN, prints, catalog.config)
            with long_lived():
                pages = plan_site(catalog, kept)
                todo: list[tuple[Page, str | None]] = [(page, None) for page in pages]
                if manifest is not None and prints is not None:
                    env.fragments.persist(prints, Fragments.load(cache / FRAGMENTS))  # type: ignore[attr-defined]
                    todo = []
                    for page in pages:
                        fingerprint = prints.page(page)
                        if not staging.unchanged(page.output, fingerprint):
                            todo.append((page, fingerprint))
            lap("plan")
            # The pages the search reads are rendered first, shard by shard of the search index, and each
            # shard's index is made (Pagefind, one shard at a time, in another thread) as soon as its pages
            # are in place, while the rest is rendered and written.
            search = staging.start_index(urls.SEARCH_BUNDLE, link_pages, index_linked)
            version = search_version()
            parts = shards(e.id for e in catalog.entries)
            shard_of = {page: n for n, part in enumerate(parts) for page in part.pages}
            todo.sort(key=lambda item: shard_of.get(item[0].output, len(parts)))  # stable: otherwise in plan order
            left = [0] * len(parts)
            for page, _ in todo:
                if page.output in shard_of:
                    left[shard_of[page.output]] += 1

            def ready(n: int) -> None:
                search.shard(parts[n].folder, staging.search_key(version, parts[n].pages), parts[n].pages)

            for n, count in enumerate(left):
                if count == 0:
                    ready(n)
            report("render", 0, len(todo))
            # Each page is written by the process that rendered it (`Staging.write`, in a render worker), so
            # the whole site is never held in memory nor sent to this process; here each is recorded in turn.
            # The time spent waiting for pages is the render stage's, the rest the write stage's.
            staging.filled()  # the kept files are in place before the workers write beside them

            def store(n: int, relative: str, html: str) -> list:
                return staging.write(relative, html, todo[n][1])

            rendering = [0.0]
            rendered = render_pages(
                env, [page for page, _ in todo], lambda done: report("render", done, len(todo)), store=store
            )
            try:
                for relative, entry in _timed(rendered, rendering):
                    staging.record(relative, entry)
                    n = shard_of.get(relative)
                    if n is not None:
                        left[n] -= 1
                        if left[n] == 0:
                            ready(n)
            finally:
                rendered.close()  # stops the render workers at once if writing failed
            if cache is not None:
                env.fragments.save(cache / FRAGMENTS, limit=4 * len(catalog.entries) + 1000)  # type: ignore[attr-defined]
            staging.copy_static([root / layout.STATIC, layout.default_dir(layout.STATIC)])
            write_data(staging, catalog, pages, prints, kept)
            if kept is not None:
                kept.save()
            lap("write")
            report("search", 0, 0)
            search.wait()
            staging.put(urls.SEARCH_SHARDS, shards_script(search.indexed()))
            lap("search")
            count = staging.commit()
            folders = staging.folders()
            lap("commit")
    timings["render"] = rendering[0]
    timings["write"] += timings.pop("commit") - rendering[0]
    timings = {stage: timings[stage] for stage in ("load", "catalog", "plan", "render", "write", "search")}
    result = BuildResult(out, len(pages), count, len(archive.records), warnings, timings, len(todo))
    if cache is not None:  # after the swap, the last write into the output
        uptodate.save(cache, made_from, out, stamp_of(result), folders)
    return result


PROBLEM_FIELDS = tuple(f.name for f in fields(Problem))


def stamp_of(result: BuildResult) -> dict:
    """A build's result as the up-to-date stamp keeps it."""
    return {
        "pages": result.pages,
        "files": result.files,
        "records": result.records,
        # As one JSON string, decoded only when needed: the command line replays the text as it was printed.
        # Each warning as `dataclasses.asdict` gives it (its fields in order), without its deep copy of each value.
        "warnings": json.dumps(
            [{**{n: getattr(p, n) for n in PROBLEM_FIELDS}, "severity": str(p.severity)} for p in result.warnings]
        ),
        "report": "\n".join(problem.text() for problem in result.warnings),
        "summary": summary(result.warnings),
    }


def result_from_stamp(stamp: dict, out: Path) -> BuildResult:
    """The result of a build skipped because nothing changed: the last build's, with nothing rendered."""
    warnings = uptodate.warnings(stamp)
    timings = dict.fromkeys(("load", "catalog", "plan", "render", "write", "search"), 0.0)
    return BuildResult(out, stamp["pages"], stamp["files"], stamp["records"], warnings, timings, 0)
