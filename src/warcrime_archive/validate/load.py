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
from warcrime_archive.model.archive import Archive, Record
from warcrime_archive.model.config import RECORD_FORMAT, ArchiveConfig
from warcrime_archive.model.record import ID_PATTERN, Incident
from warcrime_archive.problems import Problem, Severity
from warcrime_archive.read.encrypted import Identity, KeyProblem, identities
from warcrime_archive.read.key_places import KEY_VARIABLE
from warcrime_archive.read.yaml_reader import Document, decode, parse_raw
from warcrime_archive.validate.claims import claim_problems
from warcrime_archive.validate.config import format_problem, read_config
from warcrime_archive.validate.cross_record import cross_record
from warcrime_archive.validate.encryption import encryption_problems
from warcrime_archive.validate.files import links_outside, record_files
from warcrime_archive.validate.model_errors import pydantic_problems
from warcrime_archive.validate.names import names_in_published_text
from warcrime_archive.validate.pages import free_pages
from warcrime_archive.validate.record_store import RecordStores, Result, work_out
from warcrime_archive.validate.rules import record_rules


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
) -> Result:
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
    config = context.get("config")
    if not isinstance(config, ArchiveConfig):  # archive.yaml has errors: the record is checked all the same
        config = None
    problems = claim_problems(incident, doc, config, lambda: str(decode(raw)[0]))
    problems += record_rules(incident, doc, config)
    problems += names_in_published_text(incident, doc, path.stem, keys)
    problems += encryption_problems(doc, config, any_encrypted=b"ENC[" in raw)
    # Later checks need only the positions (to locate their problems), not the parsed data: the whole
    # archive's documents are held at once, and kept in the record cache.
    return incident, dataclasses.replace(doc, data=None), problems


def load_archive(root: Path, stores: RecordStores | None = None) -> Loaded:
    """Read and validate a whole archive, collecting every problem in every file.

    With `stores`, each record file's result comes from the store it opens (`record_store`; the incremental
    build's keeps them between loads), with the same result, and the objects alive at the end of the load (a
    build's records) are set aside from the garbage collector's passes as long as the result lives (`memory`).
    """
    if stores is None:
        return _load(root, work_out)
    with memory.long_lived():
        loaded = _load(root, stores)
    weakref.finalize(loaded, memory.thaw)
    return loaded


def _keys(root: Path, problems: list[Problem]) -> list[Identity] | None:
    """The editors' keys given to this process (`read.encrypted`), or None (a problem when they cannot be read)."""
    try:
        return identities(root)
    except KeyProblem as exc:
        problems.append(Problem(KEY_VARIABLE, 1, 1, "", str(exc), "see docs/security.md"))
        return None


def _load(root: Path, stores: RecordStores) -> Loaded:
    config, problems = read_config(root)
    if config is not None and config.record_format != RECORD_FORMAT:
        return Loaded(None, [format_problem(config.record_format)])
    day = today()
    context: dict[str, object] = {"config": config, "today": day}
    keys = _keys(root, problems)
    # The name check's result depends on the keys given: which public keys they are goes into the store's salt.
    store = stores(config, day, b"|".join(str(key.to_public()).encode() for key in keys or []))
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
        incident, doc, found = store.result(
            path,
            shown,
            lambda raw, path=path, shown=shown: _read_record(raw, path, shown, context, keys),  # type: ignore[misc]  # mypy: lambda with defaults
        )
        problems.extend(found)
        if incident is not None and doc is not None:
            records.append((Record(path.stem, shown, incident), doc))
    store.save()
    problems.extend(cross_record(records))
    pages, found = free_pages(root)
    problems.extend(found)
    problems = sorted(set(problems))
    if config is None or any(p.severity is Severity.ERROR for p in problems):
        return Loaded(None, problems)
    ordered = tuple(sorted((r for r, _ in records), key=lambda r: r.id))
    return Loaded(Archive(root, config, ordered, tuple(pages)), problems)
