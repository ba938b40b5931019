"""Plan cache: incidents' page parts, places' maps and records' parts of the downloads, kept between builds.

`plan.incident_parts` is a function of one entry, the settings, the active language's messages, the code and the
base map; a place's map one of its catalog node and the same; a record's published JSON and CSV lines
(`downloads.Rows`) one of its entry and the code. Each result is kept in the build cache
(`plan.pickle`) under a key that covers all of them: the entry's or node's fingerprint digest (`Fingerprints.node`:
every field, each record's JSON and history, the incidents of a place by their own digests), and a salt made of
the fingerprints' own salt (code, library versions, language and its catalog, the templates' globals with the
settings), the settings again and the package's data files. The file starts with its format and that salt; a
file that is missing, damaged, of another format or of another salt is ignored, and the parts are worked out again.

Each part that is not a plain string is vouched for in the page fingerprints by its key (`Fingerprints.vouch`),
so a map is not pickled again to fingerprint its page; the fingerprint is the same whether the part came from
the cache or not. A map's unplaced records are kept as positions and given back as the current entries.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from warcrime_archive import layout
from warcrime_archive.catalog.nodes import Entry, PlaceNode
from warcrime_archive.incremental.fingerprint import Fingerprints
from warcrime_archive.memory import long_lived
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.plan.maps import MapView
from warcrime_archive.plan.site import Made
from warcrime_archive.publish.downloads import Rows
from warcrime_archive.publish.published import Published, remember
from warcrime_archive.publish.tables import TABLES

FORMAT = b"warcrime-archive plan cache 1\n"
PARTS = (
    "locator",
    "placement",
    "version",
    "citation",
    "json_ld",
    "headline",
    "when",
    "where",
    "attributions",
    "year_group",
    "cites",
    "narrative",
)
"""The names `plan.incident_parts` gives, in its order."""


@cache
def data_version() -> str:
    """A digest of the package's data files (the base map, the region table), once per process."""
    digest = hashlib.sha256()
    folder = layout.DATA
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _read(path: Path, salt: bytes) -> dict[str, Any]:
    """The kept parts by key, or none when the file is missing, damaged, of another format or another salt."""
    header = FORMAT + salt + b"\n"
    try:
        raw = path.read_bytes()
    except OSError:
        return {}
    if not raw.startswith(header):
        return {}
    try:
        # Hundreds of thousands of objects that live as long as the build: the garbage collector's passes
        # would walk them again and again (see memory.long_lived).
        with long_lived():
            stored = pickle.loads(memoryview(raw)[len(header) :])
    except Exception:  # a damaged file can fail in any way pickle knows
        return {}
    return stored if isinstance(stored, dict) else {}


def _without(view: MapView, entries: tuple[Entry, ...]) -> tuple[MapView, tuple[int, ...]]:
    """A map as kept: its unplaced records (some of `entries`) by their positions in `entries`."""
    positions = {id(e): i for i, e in enumerate(entries)}
    return dataclasses.replace(view, unplaced=()), tuple(positions[id(e)] for e in view.unplaced)


def _with(kept: object, entries: tuple[Entry, ...]) -> MapView | None:
    """A kept map with its unplaced records back, or None when it is not what `_without` makes."""
    if not (isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[0], MapView)):
        return None
    view, unplaced = kept
    if not (isinstance(unplaced, tuple) and all(type(i) is int and 0 <= i < len(entries) for i in unplaced)):
        return None
    return dataclasses.replace(view, unplaced=tuple(entries[i] for i in unplaced)) if unplaced else view


class PlanCache(Made, Rows):
    """The plan cache of one build: each incident's parts and each place's map for `plan_site`, and each
    record's part of the downloads for `downloads.archive_files`, kept or worked out; then `save`."""

    def __init__(self, path: Path, prints: Fingerprints, config: ArchiveConfig) -> None:
        super().__init__(config)
        self.path, self.prints = path, prints
        self.salt = prints.digest(("plan cache", FORMAT, prints.salt, data_version(), config)).encode()
        self.stored = _read(path, self.salt)
        self.kept: dict[str, tuple] = {}
        self.made = 0  # incidents and places whose parts were worked out in this build

    def _key(self, *parts: str) -> str:
        return hashlib.sha256(b"\0".join([self.salt, *(p.encode() for p in parts)])).hexdigest()

    def incident(self, entry: Entry) -> dict[str, Any]:
        key = self._key("incident", self.prints.node(entry))
        kept = self.stored.get(key)
        parts = None
        if isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[1], dict) and tuple(kept[1]) == PARTS:
            locator = _with(kept[0], (entry,))
            parts = {**kept[1], "locator": locator} if locator is not None else None
        if parts is None:
            parts = super().incident(entry)
            self.made += 1
            kept = (_without(parts["locator"], (entry,)), {**parts, "locator": None})
        self.kept[key] = kept
        for name, value in parts.items():
            if type(value) is not str:
                self.prints.vouch(value, f"{key} {name}")
        return parts

    def place_map(self, node: PlaceNode, country_code: str) -> MapView:
        key = self._key("place", self.prints.node(node), country_code)
        kept = self.stored.get(key)
        view = _with(kept, node.entries)
        if view is None:
            view = super().place_map(node, country_code)
            self.made += 1
            kept = _without(view, node.entries)
        self.kept[key] = kept
        self.prints.vouch(view, key)
        return view

    def of(self, entry: Entry) -> tuple[Published, tuple[str, ...]]:
        key = self._key("rows", self.prints.node(entry))
        kept = self.stored.get(key)
        if (
            isinstance(kept, tuple)
            and len(kept) == 2
            and isinstance(kept[0], Published)
            and isinstance(kept[1], tuple)
            and len(kept[1]) == len(TABLES)
            and all(type(lines) is str for lines in kept[1])
        ):
            remember(entry, kept[0])  # for the feed's and the record files' versions
        else:
            kept = super().of(entry)
            self.made += 1
        self.kept[key] = kept
        return kept

    def save(self) -> None:
        """Keep this build's parts for the next; nothing is written when they are those already kept."""
        if self.made == 0 and len(self.kept) == len(self.stored):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-plan-", dir=self.path.parent)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(FORMAT + self.salt + b"\n")
                    pickle.dump(self.kept, out, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            return  # an unwritable cache only costs the next build its speed
