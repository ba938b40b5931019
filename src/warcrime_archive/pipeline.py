"""The whole build as one straight pipeline: read, validate, catalog, plan, render, write.

Each stage takes the previous stage's result and returns a new value; only `write` touches disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from warcrime_archive import urls
from warcrime_archive.catalog import build_catalog
from warcrime_archive.plan import plan_site
from warcrime_archive.problems import ArchiveError, Problem
from warcrime_archive.render import default_dir, make_environment, render_all
from warcrime_archive.revisions import changed_since
from warcrime_archive.schema import schemas
from warcrime_archive.validate import Archive, Loaded, load_archive
from warcrime_archive.write import check_output, write_site


@dataclass(frozen=True)
class BuildResult:
    out: Path
    pages: int
    files: int
    records: int
    warnings: list[Problem]


def check(root: Path, *, strict: bool = False, since: str | None = None) -> Loaded:
    """The first two stages, as `validate` runs them; raises ArchiveError when the archive fails.

    With `since` (a git revision), records are also compared with their versions there.
    """
    loaded = load_archive(root)
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


def build(root: Path, out: Path, *, base_url: str | None = None, strict: bool = False) -> BuildResult:
    """Build the site of the archive at `root` into `out`; nothing is written if anything is wrong."""
    unsafe = check_output(root, out)
    if unsafe:
        raise ArchiveError(unsafe)
    loaded = check(root, strict=strict)
    assert loaded.archive is not None
    archive = with_base_url(loaded.archive, base_url)
    catalog = build_catalog(archive)
    pages = plan_site(catalog)
    env = make_environment(root, catalog)
    files: dict[str, str | bytes] = {**render_all(env, pages)}
    files.update({urls.schema_file(name): text for name, text in schemas().items()})
    count = write_site(out, files, [root / "static", default_dir("static")])
    return BuildResult(out, len(pages), count, len(archive.records), loaded.warnings)
