"""Kept parts: incidents' page parts, places' maps and records' rows of the downloads, kept between builds.

The plan stage's `PageParts` and the publish stage's `Rows` for the incremental build. `plan.incident_parts` is a
function of one entry, the settings, the active language's messages and the code (with its base map); a place's
map one of its catalog node and the same; a record's published JSON and CSV lines (`downloads.Rows`) one of its
entry and the code. Each result is kept in the build cache (`plan.pickle`) under a key that covers all of them: the
entry's or node's fingerprint digest (`Fingerprinter.node`: every field, each record's JSON and history, the
incidents of a place by their own digests), and a salt made of the fingerprints' own salt (the code, language and
its catalog, the templates' globals with the settings) and the settings again. The file starts with its format
and that salt; a file that is missing, damaged, of another format or of another salt is ignored, and the parts are
worked out again.

Each part that is not a plain string is fingerprinted by its key (`Fingerprinter.use_digest`), so a map is not
pickled again to fingerprint its page; the fingerprint is the same whether the part was kept or not. A map's
unplaced records are kept as positions and given back as the current entries.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from pathlib import Path
from typing import Any

from warcrime_archive.catalog.nodes import Entry, PlaceNode
from warcrime_archive.incremental import atomic
from warcrime_archive.incremental.fingerprint import Fingerprinter
from warcrime_archive.memory import long_lived
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.plan.maps import MapView
from warcrime_archive.plan.site import PageParts
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
    "transliterated",
    "attributions",
    "year_group",
    "cites",
    "narrative",
)
"""The names `plan.incident_parts` gives, in its order."""


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
        # would walk them again and again (see `memory`).
        with long_lived():
            stored = pickle.loads(memoryview(raw)[len(header) :])
    except Exception:  # a damaged file can fail in any way pickle knows
        return {}
    return stored if isinstance(stored, dict) else {}


def _map_to_keep(view: MapView, entries: tuple[Entry, ...]) -> tuple[MapView, tuple[int, ...]]:
    """A map as kept: its unplaced records (some of `entries`) by their positions in `entries`."""
    positions = {id(e): i for i, e in enumerate(entries)}
    return dataclasses.replace(view, unplaced=()), tuple(positions[id(e)] for e in view.unplaced)


def _kept_map(kept: object, entries: tuple[Entry, ...]) -> MapView | None:
    """A kept map with its unplaced records back, or None when it is not what `_map_to_keep` makes."""
    if not (isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[0], MapView)):
        return None
    view: MapView = kept[0]
    unplaced = kept[1]
    if not (isinstance(unplaced, tuple) and all(type(i) is int and 0 <= i < len(entries) for i in unplaced)):
        return None
    return dataclasses.replace(view, unplaced=tuple(entries[i] for i in unplaced)) if unplaced else view


class KeptParts(PageParts, Rows):
    """The kept parts of one build: each incident's parts and each place's map for `plan_site`, and each
    record's rows of the downloads for `downloads.archive_parts`, kept or worked out; then `save`."""

    def __init__(self, path: Path, prints: Fingerprinter, config: ArchiveConfig) -> None:
        super().__init__(config)
        self.path, self.prints = path, prints
        self.salt = prints.digest(("plan cache", FORMAT, prints.salt, config)).encode()
        self.last = _read(path, self.salt)  # what the last build kept, by key
        self.to_keep: dict[str, object] = {}  # what this build keeps for the next, by key
        self.worked_out = 0  # incidents, places and records whose parts were not kept, and were worked out

    def _key(self, *parts: str) -> str:
        return hashlib.sha256(b"\0".join([self.salt, *(p.encode() for p in parts)])).hexdigest()

    def incident(self, entry: Entry) -> dict[str, Any]:
        key = self._key("incident", self.prints.node(entry))
        kept: object = self.last.get(key)
        parts = None
        if isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[1], dict) and tuple(kept[1]) == PARTS:
            locator = _kept_map(kept[0], (entry,))
            parts = {**kept[1], "locator": locator} if locator is not None else None
        if parts is None:
            parts = super().incident(entry)
            self.worked_out += 1
            kept = (_map_to_keep(parts["locator"], (entry,)), {**parts, "locator": None})
        self.to_keep[key] = kept
        for name, value in parts.items():
            if type(value) is not str:
                self.prints.use_digest(value, f"{key} {name}")
        return parts

    def place_map(self, node: PlaceNode, country_code: str) -> MapView:
        key = self._key("place", self.prints.node(node), country_code)
        kept: object = self.last.get(key)
        view = _kept_map(kept, node.entries)
        if view is None:
            view = super().place_map(node, country_code)
            self.worked_out += 1
            kept = _map_to_keep(view, node.entries)
        self.to_keep[key] = kept
        self.prints.use_digest(view, key)
        return view

    def for_record(self, entry: Entry) -> tuple[Published, tuple[str, ...]]:
        key = self._key("rows", self.prints.node(entry))
        kept = self.last.get(key)
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
            kept = super().for_record(entry)
            self.worked_out += 1
        self.to_keep[key] = kept
        return kept

    def save(self) -> None:
        """Keep this build's parts for the next; nothing is written when they are those already kept."""
        if self.worked_out == 0 and len(self.to_keep) == len(self.last):
            return
        try:
            with atomic.replacing(self.path) as out:
                out.write(FORMAT + self.salt + b"\n")
                pickle.dump(self.to_keep, out, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:
            return  # an unwritable folder only costs the next build its speed
