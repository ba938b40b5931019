"""Validate stage: the whole archive read and validated -> its models and every problem.

Every problem in every file is collected (the settings: `config`; which files: `files`; each record: here, with
`names`; the rules that span records: `cross_record`; free pages: `pages`); the caller gets the models and the
problems and decides (errors stop everything, warnings stop only a --strict run: `check`, which `validate` and
`build` both call, so they can never disagree).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import weakref
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from warcrime_archive import memory
from warcrime_archive.incremental import record_cache
from warcrime_archive.model.archive import Archive, Record
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.record import ID_PATTERN, Incident
from warcrime_archive.problems import Problem, Severity
from warcrime_archive.read.encrypted import KEY_VARIABLE, Identity, KeyProblem, identities
from warcrime_archive.read.yaml_reader import Document, parse_raw, read_limited
from warcrime_archive.validate.config import read_config
from warcrime_archive.validate.cross_record import cross_record
from warcrime_archive.validate.encryption import encryption_problems
from warcrime_archive.validate.files import links_outside, record_files
from warcrime_archive.validate.model_errors import pydantic_problems
from warcrime_archive.validate.names import names_in_published_text
from warcrime_archive.validate.pages import free_pages


@dataclass(frozen=True)
class Loaded:
    """The result of the first two stages: the archive (None when there are errors) and every problem."""

    archive: Archive | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def reported(self) -> list[Problem]:
        """What a successful run reports: the warnings, and the checks that could not run (notices)."""
        return [p for p in self.problems if p.severity is not Severity.ERROR]


def today() -> dt.date:
    """Today, for the 'date in the future' check; WARCRIME_ARCHIVE_TODAY=YYYY-MM-DD pins it for tests."""
    pinned = os.environ.get("WARCRIME_ARCHIVE_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def _read_record(
    raw: bytes, path: Path, shown: str, context: dict[str, object], keys: list[Identity] | None = None
) -> record_cache.Result:
    """One record file's bytes -> its incident (None when invalid), its document and its problems; `keys` open the
    encrypted names for the name check."""
    doc, problems = parse_raw(raw, path, shown)
    if doc is None:
        return None, None, problems
    if not isinstance(doc.data, dict):
        return None, doc, [doc.problem((), "a record is a mapping of fields (title: ..., date: ...)")]
    try:
        incident = Incident.model_validate(doc.data, context=context)
    except ValidationError as exc:
        return None, doc, pydantic_problems(exc, doc, Incident)
    # Later checks need only the positions (to locate their problems), not the parsed data: the whole
    # archive's documents are held at once, and kept in the record cache.
    config = context["config"]
    assert config is None or isinstance(config, ArchiveConfig)
    found = names_in_published_text(incident, doc, path.stem, keys)
    found += encryption_problems(doc, config, any_encrypted=b"ENC[" in raw)
    return incident, dataclasses.replace(doc, data=None), found


def load_archive(root: Path, cache: Path | None = None) -> Loaded:
    """Read and validate a whole archive, collecting every problem in every file.

    With a `cache` folder, each record file's result is kept there and unchanged files are not read again
    (see record_cache); the result is the same as without it. The objects alive at the end of the load are set
    aside from the garbage collector's passes as long as the result lives.
    """
    if cache is None:
        return _load(root, None)
    with memory.long_lived():
        loaded = _load(root, cache)
    weakref.finalize(loaded, memory.thaw)
    return loaded


def _load(root: Path, cache: Path | None) -> Loaded:
    config, problems = read_config(root)
    day = today()
    context: dict[str, object] = {"config": config, "today": day}
    try:
        keys = identities(root)
    except KeyProblem as exc:
        keys = None
        problems.append(Problem(KEY_VARIABLE, 1, 1, "", str(exc), "see docs/security.md"))
    # The name check's result depends on the keys given: which public keys they are goes into the cache's salt.
    opened = b"|".join(str(key.to_public()).encode() for key in keys or [])
    store = record_cache.RecordCache(cache, record_cache.salt(config, day) + opened) if cache is not None else None
    files, found = record_files(root)
    problems.extend(found)
    problems.extend(links_outside(root))
    records: list[tuple[Record, Document]] = []
    for path, shown in files:
        if not re.match(ID_PATTERN, path.stem):
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "",
                    f"the file name '{path.stem}' is not a valid id",
                    "use lowercase letters, digits and hyphens, at most 80 characters",
                )
            )
            continue
        if store is None:
            incident, doc, found = _read_record(read_limited(path), path, shown, context, keys)
        else:
            incident, doc, found = store.result(
                path, shown, lambda raw, path=path, shown=shown: _read_record(raw, path, shown, context, keys)
            )
        problems.extend(found)
        if incident is not None and doc is not None:
            records.append((Record(path.stem, shown, incident), doc))
    if store is not None:
        store.save()
    problems.extend(cross_record(records))
    pages, found = free_pages(root)
    problems.extend(found)
    problems = sorted(set(problems))
    if config is None or any(p.severity is Severity.ERROR for p in problems):
        return Loaded(None, problems)
    ordered = tuple(sorted((r for r, _ in records), key=lambda r: r.id))
    return Loaded(Archive(root, config, ordered, tuple(pages)), problems)
