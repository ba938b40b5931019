"""Where each record file's result comes from: the validate stage's hook for a build that reuses the last one's.

The load asks a `RecordStore` for each record file's result, giving it the function that reads and validates the
file's bytes. This default works every result out; a store that keeps results between loads (the incremental
build's) must give exactly what that function would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.record import Incident
from warcrime_archive.problems import Problem
from warcrime_archive.read.yaml_reader import Document, read_limited

Result = tuple[Incident | None, Document | None, list[Problem]]
"""What reading and validating one record file gives: the incident (None when invalid), its document (None when
unreadable) and its problems."""


class RecordStore:
    """The record files' results of one load: each worked out from the file's bytes, nothing kept."""

    def result(self, path: Path, shown: str, compute: Callable[[bytes], Result]) -> Result:
        """The result of the record file at `path` (`shown` in messages): `compute` of its bytes."""
        return compute(read_limited(path))

    def save(self) -> None:
        """Called once the load has asked for every file's result; this default keeps nothing."""


RecordStores = Callable[[ArchiveConfig | None, dt.date, bytes], RecordStore]
"""Opens the record store of one load, given what every result depends on besides its file: the settings
(None when archive.yaml is unreadable), today's date, and which keys open the encrypted values (the public keys,
joined; empty without keys)."""


def work_out(config: ArchiveConfig | None, today: dt.date, keys: bytes) -> RecordStore:
    """The default: a store that works every result out."""
    return RecordStore()
