"""The whole build as one straight pipeline: read, validate, catalog, plan, render, publish, write.

`build_site` reads top to bottom as the pipeline, each step one call into its stage. Each stage takes the previous
stage's result and returns a new value; only `write` touches the output. What a stage may take from an earlier
build instead of working it out is given as hooks (`Reuse`), whose defaults take nothing: the incremental build
(`incremental.rebuild`) gives its own, and the site is the same, byte for byte. The build times each stage
(`BuildResult.timings`) and reports its progress through an optional callback, `progress(stage, done, total)`;
it never prints.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import jinja2

from warcrime_archive import i18n
from warcrime_archive.catalog.history import read_history, shallow_clone
from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.memory import long_lived
from warcrime_archive.model.archive import Archive
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.plan.pages import Page
from warcrime_archive.plan.site import PageParts, plan_site
from warcrime_archive.problems import ArchiveError, Problem, Severity
from warcrime_archive.publish.downloads import Rows
from warcrime_archive.render.environment import environment
from warcrime_archive.render.once import Fragments
from warcrime_archive.render.pages import render_pages
from warcrime_archive.validate.check import check
from warcrime_archive.validate.record_store import RecordStore
from warcrime_archive.write.files import put_files
from warcrime_archive.write.indexer import SearchIndexer
from warcrime_archive.write.kept import Fingerprints, KeptFiles
from warcrime_archive.write.output import check_output
from warcrime_archive.write.staging import Staging

T = TypeVar("T")

STAGES = ("load", "catalog", "plan", "render", "write", "search")


@dataclass(frozen=True)
class BuildResult:
    out: Path
    pages: int
    files: int
    records: int
    warnings: list[Problem]
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each stage, in pipeline order: load (read and validate), catalog, plan (with the
    fingerprints of an incremental build), render (waiting for the pages: each is written where it is
    rendered), write (the rest: the other files, the swap), search. The search index is made while the pages
    it does not read are rendered and the rest written; `search` is the time left waiting for it after."""
    rendered: int = 0
    """How many pages were rendered: all of them, or in an incremental build those that changed."""


Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total) when a stage starts, as it goes, and when it ends."""


class Reuse:
    """What a build may take from an earlier one instead of working it out, stage by stage: each method gives
    the hook of one stage. These defaults take nothing; `incremental.rebuild.LastBuild` takes what has not
    changed since the last build. The build asks for them in this order: `records` (while loading),
    `kept_files`, `fragments`, `fingerprints` (once the templates' environment is made), `page_parts`, `rows`,
    then `keep` once every file is in place."""

    def records(self, config: ArchiveConfig | None, today: dt.date, keys: bytes) -> RecordStore:
        """Where each record file's result comes from (validate: `validate.record_store`)."""
        return RecordStore()

    def kept_files(self) -> KeptFiles:
        """What the staging folder starts with (write: `write.kept`)."""
        return KeptFiles()

    def fragments(self) -> Fragments:
        """Where the fragments `once` renders come from (render: `render.once`)."""
        return Fragments()

    def fingerprints(self, env: jinja2.Environment, root: Path, language: str) -> Fingerprints:
        """What each file is made from, to keep those made from the same (write: `write.kept`)."""
        return Fingerprints()

    def page_parts(self, config: ArchiveConfig) -> PageParts:
        """Each incident's own parts and each place's map (plan: `plan.site.PageParts`)."""
        return PageParts(config)

    def rows(self) -> Rows:
        """Each record's rows of the downloads over every record (publish: `publish.downloads.Rows`)."""
        return Rows()

    def keep(self, catalog: Catalog) -> None:
        """Every file of the new site is in place: keep what the next build may take."""


def build_site(
    root: Path,
    out: Path,
    *,
    base_url: str | None = None,
    strict: bool = False,
    history: bool = True,
    progress: Progress | None = None,
    reuse: Reuse | None = None,
) -> BuildResult:
    """Build the site of the archive at `root` into `out`; nothing is written if anything is wrong.

    With `history=False` the records' git history is not read (the pages leave it out), as when the archive is
    not in a git repository. `reuse` gives what the stages may take from an earlier build (`Reuse`)."""
    reuse = reuse if reuse is not None else Reuse()
    stages = _Stages(progress)
    unsafe = check_output(root, out)
    if unsafe:
        raise ArchiveError(unsafe)
    mtime = source_date_epoch()
    stages.begin("load")
    loaded = check(root, strict=strict, records=reuse.records)  # read, validate
    assert loaded.archive is not None
    warnings = _with_history_check(root, loaded.reported, history)
    archive = with_base_url(loaded.archive, base_url)
    # The next site is begun now: the files it keeps of the last one are put in place (in a child process)
    # while the archive is catalogued and planned.
    with Staging(out, mtime=mtime, kept=reuse.kept_files()) as site:
        stages.begin("catalog")
        with long_lived():  # (see `memory`)
            catalog = build_catalog(archive, read_history(root) if history else None)
        stages.begin("plan")
        language, fragments = catalog.config.language, reuse.fragments()
        with i18n.activated(i18n.load(root, language)), environment(root, catalog, fragments) as env:
            fingerprints = reuse.fingerprints(env, root, language)
            with long_lived():
                pages = plan_site(catalog, reuse.page_parts(catalog.config))
                todo = site.to_make(pages, fingerprints.page)  # the pages whose files are not kept as they are
            stages.begin("write", report=False)  # less the time spent waiting for the rendered pages (`_render`)
            with SearchIndexer(site, (entry.id for entry in catalog.entries), fingerprints) as search:
                todo = search.in_shard_order(todo, lambda item: item[0].output)
                stages.report("render", 0, len(todo))
                _render(env, fragments, todo, site, search, stages)  # render (each page written as it is)
                put_files(site, root, catalog, pages, fingerprints, reuse.rows())  # publish: the other files
                reuse.keep(catalog)
                stages.begin("search")
                search.finish()  # publish: the search index, made beside the rest
        stages.begin("write", report=False)
        files = site.commit()  # write: the new site swapped in whole
    return BuildResult(out, len(pages), files, len(archive.records), warnings, stages.end(), len(todo))


def _render(
    env: jinja2.Environment,
    fragments: Fragments,
    todo: list[tuple[Page, str | None]],
    site: Staging,
    search: SearchIndexer,
    stages: _Stages,
) -> None:
    """The render stage: each page is rendered and written by a render worker (`Staging.page_writer`), so the
    whole site is never held in memory nor sent to this process; here each is counted in the site and, the last
    of its shard, hands the shard to the search index. Waiting for the pages is the render stage's time, the
    rest the write stage's."""
    rendered = render_pages(
        env,
        [page for page, _ in todo],
        lambda done: stages.report("render", done, len(todo)),
        store=site.page_writer([fingerprint for _, fingerprint in todo]),
        fragments=fragments,
    )
    waited = [0.0]
    try:
        for relative, entry in _timed(rendered, waited):
            site.record(relative, entry)
            search.written(relative)
    finally:
        rendered.close()  # stops the render workers at once if writing failed
    stages.move("write", "render", waited[0])


def _with_history_check(root: Path, reported: list[Problem], history: bool) -> list[Problem]:
    """The load's warnings and notes, and a shallow clone's: an error in CI (the history would be invented)."""
    cut_short = shallow_clone(root) if history else None
    if cut_short is None:
        return reported
    if cut_short.severity is Severity.ERROR:
        raise ArchiveError([cut_short])
    return [cut_short, *reported]


def with_base_url(archive: Archive, base_url: str | None) -> Archive:
    if not base_url:
        return archive
    config = archive.config.model_validate({**archive.config.model_dump(by_alias=True), "base_url": base_url})
    return Archive(archive.root, config, archive.records, archive.pages)


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


class _Stages:
    """The seconds spent in each stage (one stage at a time, some in several spells) and the progress reports."""

    def __init__(self, progress: Progress | None) -> None:
        self.report: Progress = progress or (lambda stage, done, total: None)
        self.seconds = dict.fromkeys(STAGES, 0.0)
        self.stage: str | None = None
        self.since = time.perf_counter()

    def begin(self, stage: str, *, total: int = 0, report: bool = True) -> None:
        """End the stage under way and begin `stage`, reporting it (`progress(stage, 0, total)`)."""
        now = time.perf_counter()
        if self.stage is not None:
            self.seconds[self.stage] += now - self.since
        self.stage, self.since = stage, now
        if report:
            self.report(stage, 0, total)

    def move(self, source: str, target: str, seconds: float) -> None:
        """Count `seconds` of `source`'s time as `target`'s."""
        self.seconds[source] -= seconds
        self.seconds[target] += seconds

    def end(self) -> dict[str, float]:
        """End the stage under way; the seconds of each stage, in pipeline order."""
        now = time.perf_counter()
        if self.stage is not None:
            self.seconds[self.stage] += now - self.since
        return dict(self.seconds)


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
