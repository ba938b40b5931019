"""The incremental build: the pipeline with hooks that take from the last build whatever has not changed.

`rebuild` is `build.build_site` given `LastBuild`, which keeps its results in a cache folder beside the output:
each record file's result (`kept_records`), the output's manifest and the site it replaced (`kept_files`), the
rows of the lists (`kept_fragments`), each incident's page parts and each record's rows of the downloads
(`kept_parts`), all keyed by fingerprints of what they are made from (`fingerprint`). Before anything is loaded
it asks the up-to-date stamp whether anything changed at all (`uptodate`), once; after a build it stamps it.
The site is the same, byte for byte, as `build_site` makes without these hooks.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import fields
from pathlib import Path

import jinja2

from warcrime_archive import i18n
from warcrime_archive.build import STAGES, BuildResult, Progress, Reuse, build_site
from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.commands import report
from warcrime_archive.incremental import kept_records, uptodate
from warcrime_archive.incremental.fingerprint import Fingerprinter
from warcrime_archive.incremental.kept_files import LastSite
from warcrime_archive.incremental.kept_fragments import KeptFragments
from warcrime_archive.incremental.kept_parts import KeptParts
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.problems import Problem, summary

MANIFEST = "site.json"
"""The output's manifest (`kept_files`), in the cache folder."""
FRAGMENTS = "fragments.pickle"
"""The rows of the lists (`kept_fragments`), in the cache folder."""
PLAN = "plan.pickle"
"""Each incident's page parts, each place's map and each record's rows of the downloads (`kept_parts`), in the
cache folder. (Each record file's result is there too, `kept_records`.)"""


class LastBuild(Reuse):
    """The hooks of a build that takes from the last build, kept in `cache`, whatever has not changed."""

    def __init__(self, cache: Path) -> None:
        self.cache = cache
        self.last_site = LastSite(cache / MANIFEST)
        self.kept_fragments = KeptFragments(cache / FRAGMENTS)
        self.prints: Fingerprinter | None = None
        self.kept_parts: KeptParts | None = None

    def records(self, config: ArchiveConfig | None, today: dt.date, keys: bytes) -> kept_records.KeptRecords:
        return kept_records.KeptRecords(self.cache, kept_records.salt(config, today) + keys)

    def kept_files(self) -> LastSite:
        return self.last_site

    def fragments(self) -> KeptFragments:
        return self.kept_fragments

    def fingerprints(self, env: jinja2.Environment, root: Path, language: str) -> Fingerprinter:
        # The templates' literal messages are translated as they are compiled: the catalog is part of every page.
        po = i18n.catalog_path(root, language)
        self.prints = Fingerprinter(env, (language, po.read_bytes() if po else b""))
        self.kept_fragments.use(self.prints)
        return self.prints

    def page_parts(self, config: ArchiveConfig) -> KeptParts:
        assert self.prints is not None, "the fingerprints come first"
        self.kept_parts = KeptParts(self.cache / PLAN, self.prints, config)
        return self.kept_parts

    def rows(self) -> KeptParts:
        assert self.kept_parts is not None, "the page parts come first"
        return self.kept_parts

    def keep(self, catalog: Catalog) -> None:
        self.kept_fragments.save(limit=4 * len(catalog.entries) + 1000)
        if self.kept_parts is not None:
            self.kept_parts.save()

    def other_language(self, language: str) -> tuple[LastBuild, Path]:
        # The site in another language is built beside the cache, from its own cache: it keeps what it can too.
        folder = self.cache / "languages" / language
        return LastBuild(folder / "cache"), folder / "site"


def rebuild(
    root: Path,
    out: Path,
    *,
    cache: Path,
    base_url: str | None = None,
    strict: bool = False,
    history: bool = True,
    progress: Progress | None = None,
    checked: dict | None = None,
) -> BuildResult:
    """Build the site of the archive at `root` into `out` as `build_site` does, taking from the last build, kept
    in `cache`, whatever has not changed; when nothing has, nothing is done and the last build's result is given
    again. `checked` is the `uptodate.snapshot` a caller already took and found out of date (the command line
    checks before importing the pipeline), so it is not taken twice."""
    made_from = checked
    if made_from is None:
        made_from = uptodate.snapshot(root, out, base_url=base_url, strict=strict, history=history)
        known = uptodate.current(cache, made_from)
        if known is not None:
            return result_from_stamp(known, out)
    uptodate.forget(cache)
    last = LastBuild(cache)
    result = build_site(root, out, base_url=base_url, strict=strict, history=history, progress=progress, reuse=last)
    uptodate.save(cache, made_from, out, stamp_of(result), last.last_site.folders)  # after the swap into `out`
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
        "report": "\n".join(report.text_lines(result.warnings)),  # as `build` prints them: grouped by kind
        "summary": summary(result.warnings),
    }


def result_from_stamp(stamp: dict, out: Path) -> BuildResult:
    """The result of a build skipped because nothing changed: the last build's, with nothing rendered."""
    warnings = uptodate.warnings(stamp)
    return BuildResult(out, stamp["pages"], stamp["files"], stamp["records"], warnings, dict.fromkeys(STAGES, 0.0), 0)
