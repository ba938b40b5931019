"""Kept records: each record file's read-and-validate result, kept between loads so unchanged files are not read again.

The validate stage's record store (`validate.record_store`) for the incremental build. A file's result (its
validated incident, its problems, and the positions of its values for the checks that span records) is stored
under a key that covers everything it depends on: the file's bytes, its path in the archive, archive.yaml's
validated settings, today's date (for the 'in the future' check) and the code (`code.version`: this package's
files, Python and the libraries). Change any of them and the file is read and validated again.

Reading a file to hash it costs as much as keeping its result saves on a no-op load, so, like git's index, a file
whose (size, mtime, ctime, inode, device) are the same as when its bytes were last hashed is trusted to have the
same bytes, unless its ctime was within a few seconds of that load (a change made during it could keep the same
times); ctime cannot be set back by a program, so a change always shows.

The results are kept in a folder as two pickles: `records.pickle` (every result, rewritten now and then) and
`records-delta.pickle` (the results new since then, and the file times, rewritten after each changed load; a load
that finds nothing changed writes nothing). Both are written whole or not at all (`atomic`), so a killed build
leaves usable files. A file that is missing, damaged, of another version or of another configuration is
ignored: the load reads the records themselves. Deleting the folder is always safe.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from warcrime_archive.incremental import atomic, code
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.record import Incident
from warcrime_archive.problems import Problem
from warcrime_archive.read.yaml_reader import MAX_FILE_BYTES, Document, Loc, read_limited
from warcrime_archive.validate.record_store import RecordStore, RecordStores, Result

FORMAT = b"warcrime-archive record cache 1\n"
BASE = "records.pickle"
DELTA = "records-delta.pickle"
# A file whose ctime or mtime is this close to (or after) the start of the load that hashed it is hashed again.
MARGIN_NS = 5_000_000_000
# The delta is folded into the base when it holds more than this share of the entries (and at least MIN_DELTA).
DELTA_SHARE, MIN_DELTA = 8, 64

Positions = dict[Loc, tuple[int, int]]
Stat = tuple[int, int, int, int, int]


class StoredResult(NamedTuple):
    """One record file's result as kept."""

    incident: Incident | None
    values: Positions | None
    keys: Positions | None
    problems: tuple[Problem, ...]


def salt(config: ArchiveConfig | None, today: dt.date) -> bytes:
    """Everything a record's result depends on besides its own bytes and path."""
    parts = [
        FORMAT.decode(),
        code.version(),
        config.model_dump_json() if config is not None else "no settings",
        today.isoformat(),
    ]
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest().encode()


def _stat(path: Path) -> Stat | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def _read(path: Path, salt_: bytes) -> dict[str, Any] | None:
    """A kept file's contents, or None when it is missing, damaged, of another format or another salt."""
    header = FORMAT + salt_ + b"\n"
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if not raw.startswith(header):
        return None
    try:  # (during the load, with the garbage collector off: `validate.load_archive`)
        data = pickle.loads(memoryview(raw)[len(header) :])
    except Exception:  # a damaged file can fail in any way pickle knows
        return None
    if not (
        isinstance(data, dict)
        and isinstance(data.get("id"), str)
        and isinstance(data.get("entries"), dict)
        and isinstance(data.get("stats"), dict)
        and isinstance(data.get("reference"), int)
    ):
        return None
    return data


def _write(path: Path, salt_: bytes, data: dict[str, Any]) -> None:
    with atomic.replacing(path) as out:
        out.write(FORMAT + salt_ + b"\n")
        pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)


def kept_records(folder: Path) -> RecordStores:
    """The record stores of the loads that keep their results in `folder`."""

    def opening(config: ArchiveConfig | None, today: dt.date, keys: bytes) -> RecordStore:
        return KeptRecords(folder, salt(config, today) + keys)

    return opening


class KeptRecords(RecordStore):
    """The record store of one load: each record file's result kept from before, or worked out; then `save`."""

    def __init__(self, folder: Path, salt_: bytes):
        self.folder, self.salt = folder, salt_
        self.reference = time.time_ns() - MARGIN_NS
        base = _read(folder / BASE, salt_)
        delta = _read(folder / DELTA, salt_)
        if delta is not None and (base is None or delta.get("base") != base["id"]):
            delta = None
        self.base_id: str | None = base["id"] if base else None
        self.base: dict[bytes, StoredResult] = base["entries"] if base else {}
        self.delta: dict[bytes, StoredResult] = delta["entries"] if delta else {}
        latest = delta or base
        self.old_stats: dict[str, tuple[Stat, bytes]] = latest["stats"] if latest else {}
        self.old_reference: int = latest["reference"] if latest else 0
        self.stats: dict[str, tuple[Stat, bytes]] = {}
        self.used: set[bytes] = set()
        self.new: dict[bytes, StoredResult] = {}
        self.hashed = 0  # files whose bytes had to be read and hashed
        self._canon: dict[Any, Any] = {}

    def _key(self, shown: str, content: bytes) -> bytes:
        return hashlib.blake2b(self.salt + shown.encode() + b"\0" + content, digest_size=16).digest()

    def _lookup(self, key: bytes) -> StoredResult | None:
        entry = self.delta.get(key) or self.base.get(key)
        return entry if isinstance(entry, StoredResult) else None

    def result(self, path: Path, shown: str, compute: Callable[[bytes], Result]) -> Result:
        """The file's result as kept, or `compute(its bytes)` (then kept)."""
        stat = _stat(path)
        known = self.old_stats.get(shown)
        raw: bytes | None = None
        if (
            stat is not None
            and type(known) is tuple
            and len(known) == 2
            and known[0] == stat
            and type(known[1]) is bytes
            and stat[1] < self.old_reference
            and stat[2] < self.old_reference
        ):
            content = known[1]
        else:
            raw = read_limited(path)
            if len(raw) > MAX_FILE_BYTES:
                return compute(raw)  # the message gives the whole size: never cached
            content = hashlib.blake2b(raw, digest_size=16).digest()
            self.hashed += 1
        key = self._key(shown, content)
        entry = self._lookup(key)
        if entry is None:
            if raw is None:
                raw = read_limited(path)
                if len(raw) > MAX_FILE_BYTES:
                    return compute(raw)
                content = hashlib.blake2b(raw, digest_size=16).digest()
                key = self._key(shown, content)
                self.hashed += 1
            incident, doc, problems = compute(raw)
            entry = StoredResult(
                incident,
                self._canonical(doc.values) if incident is not None and doc is not None else None,
                self._canonical(doc.keys) if incident is not None and doc is not None else None,
                tuple(problems),
            )
            self.new[key] = entry
        if stat is not None:
            self.stats[shown] = (stat, content)
        self.used.add(key)
        if entry.incident is None:
            return None, None, list(entry.problems)
        doc = Document(path, shown, None, entry.values or {}, entry.keys or {})
        return entry.incident, doc, list(entry.problems)

    def _canonical(self, table: Positions) -> Positions:
        """The same table, made of tuples shared with the other records' (pickled once, read back once)."""
        canon = self._canon
        return {canon.setdefault(loc, loc): canon.setdefault(at, at) for loc, at in table.items()}

    def save(self) -> None:
        """Keep this load's results (only those it used); nothing is written when nothing changed."""
        if not self.new and self.hashed == 0 and self.stats == self.old_stats:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic.remove_leftovers(self.folder)
            delta = {k: e for k, e in self.delta.items() if k in self.used}
            delta.update(self.new)
            if self.base_id is not None and len(delta) <= max(MIN_DELTA, len(self.used) // DELTA_SHARE):
                data = {"id": uuid.uuid4().hex, "base": self.base_id, "reference": self.reference}
                _write(self.folder / DELTA, self.salt, {**data, "stats": self.stats, "entries": delta})
                return
            entries = {k: e for k, e in self.base.items() if k in self.used}
            entries.update(delta)
            data = {"id": uuid.uuid4().hex, "reference": self.reference, "stats": self.stats, "entries": entries}
            _write(self.folder / BASE, self.salt, data)
            (self.folder / DELTA).unlink(missing_ok=True)
        except OSError:
            return  # an unwritable folder only costs the next load its speed
