"""The whole build as one straight pipeline: read, validate, catalog, plan, render, write (then index for search).

Each stage takes the previous stage's result and returns a new value; only `write` touches disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from warcrime_archive import downloads, feeds, i18n, urls
from warcrime_archive.catalog import Catalog, build_catalog
from warcrime_archive.history import read_history
from warcrime_archive.plan import Page, plan_site
from warcrime_archive.problems import ArchiveError, Problem
from warcrime_archive.render import default_dir, make_environment, render_all
from warcrime_archive.search_index import index_site
from warcrime_archive.validate import Archive, Loaded, load_archive
from warcrime_archive.write import check_output, write_site


@dataclass(frozen=True)
class BuildResult:
    out: Path
    pages: int
    files: int
    records: int
    warnings: list[Problem]


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


def published_data(catalog: Catalog, pages: list[Page]) -> dict[str, str]:
    """Every file besides the pages: downloads, per-record JSON and citations, feed, sitemap, robots.txt,
    and SHA256SUMS over all the data files."""
    data = downloads.data_files(catalog)
    data[urls.FEED] = feeds.feed(catalog)
    site_map = feeds.sitemap(catalog, [(p.kind, p.url) for p in pages])
    if site_map is not None:
        data[urls.SITEMAP] = site_map
    return {**data, urls.ROBOTS: feeds.robots(catalog), urls.SUMS: downloads.sha256sums(data)}


def build(
    root: Path, out: Path, *, base_url: str | None = None, strict: bool = False, history: bool = True
) -> BuildResult:
    """Build the site of the archive at `root` into `out`; nothing is written if anything is wrong.

    With `history=False` the records' git history is not read (the pages leave it out), as when the
    archive is not in a git repository."""
    unsafe = check_output(root, out)
    if unsafe:
        raise ArchiveError(unsafe)
    loaded = check(root, strict=strict)
    assert loaded.archive is not None
    archive = with_base_url(loaded.archive, base_url)
    catalog = build_catalog(archive, read_history(root) if history else None)
    with i18n.activated(i18n.load(root, archive.config.language)):
        pages = plan_site(catalog)
        env = make_environment(root, catalog)
        files: dict[str, str] = {**render_all(env, pages), **published_data(catalog, pages)}
    count = write_site(out, files, [root / "static", default_dir("static")], finish=index_site)
    return BuildResult(out, len(pages), count, len(archive.records), loaded.warnings)
