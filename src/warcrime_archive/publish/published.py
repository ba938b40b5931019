"""A record's published forms, made once per entry from its public JSON: its record.json and its version; and the
permanent address of any page, which the published files give as each record's `url`."""

from __future__ import annotations

import hashlib
import json
import weakref
from dataclasses import dataclass
from typing import Any

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Entry
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.publish.fast_json import canonical, json_text

ADDITIONS: dict[str, Any] = {"casualties": None, "damage": [], "same_as": [], "not_same_as": []}
"""Optional fields of a record added after format 2 was first published, with their value when not given."""
SOURCE_ADDITIONS = ("platform", "account")
"""The same for a source."""


def public_record(entry: Entry) -> dict[str, Any]:
    """The record as published: its id, page URL (from the site's root: `with_permalink` makes it the permanent
    address in the files) and every public field."""
    # A published record's status is always 'published' (withdrawn ones have no such forms): not repeated.
    data = entry.incident.model_dump(mode="json", by_alias=True, exclude={"private", "status", "withdrawn"})
    for item in data["evidence"]:
        item.pop("file", None)
    if not data["location"]["names"]:  # no name in another language: the JSON (and version) stays as it was
        del data["location"]["names"]
    if data["language"] is None:  # in the archive's language: a record's JSON (and version) stays as it was
        del data["language"]
    # Fields added to the format later are published only when given, so that a record that does not use them
    # keeps its version (the hash of this JSON): a new version of the tool changes no record's citation.
    for name, unset in ADDITIONS.items():
        if data.get(name) == unset:
            del data[name]
    for source in data["sources"]:
        for name in SOURCE_ADDITIONS:
            if source.get(name) is None:
                source.pop(name, None)
    return {"id": entry.id, "url": entry.url, **data}


def record_floats(entry: Entry) -> tuple[float, ...]:
    """Every float in the record's public JSON: its coordinates (the record format's only numbers that are
    not whole; tests/publish/test_published.py checks the JSON Schema for others)."""
    point = entry.incident.location.coordinates
    return (point.lat, point.lon) if point is not None else ()


@dataclass(frozen=True)
class Published:
    """A record's published forms, worked out once per entry: its record.json and its version."""

    json: str
    version: str


_PUBLISHED: dict[int, tuple[weakref.ref[Entry], Published]] = {}
"""id(entry) -> (a weak reference to the entry, its Published): each entry's forms are made once, for
the plan's citation and JSON-LD, the feed, the CSV and the record's files alike, and forgotten with it.
A module memo because every one of those asks for them by the entry alone; the incremental build seeds it
with the forms it kept (`remember`), so that none of them is dumped again."""


def published(entry: Entry) -> Published:
    """The record's published forms, made from its public JSON (one model_dump) the first time they are asked
    for; an Entry and its record are frozen, so they never change."""
    key = id(entry)
    known = _PUBLISHED.get(key)
    if known is not None and known[0]() is entry:
        return known[1]
    data = public_record(entry)
    floats = record_floats(entry)
    return remember(entry, Published(json_text(data, floats), hashlib.sha256(canonical(data, floats)).hexdigest()[:12]))


def remember(entry: Entry, forms: Published) -> Published:
    """Take `forms` as the entry's published forms (the incremental build gives those it kept for the entry)."""
    key = id(entry)

    def forget(ref: weakref.ref[Entry]) -> None:
        if _PUBLISHED.get(key, (None,))[0] is ref:
            del _PUBLISHED[key]

    _PUBLISHED[key] = (weakref.ref(entry, forget), forms)
    return forms


def record_version(entry: Entry) -> str:
    """The record's version: the first 12 hex digits of the SHA-256 of its public JSON."""
    return published(entry).version


def with_permalink(config: ArchiveConfig, entry: Entry, text: str) -> str:
    """A record's JSON text (`Published.json`, or a part of incidents.json) with its page's permanent address as
    `url` (`permalink`) instead of the address from the site's root it is made with. The version is made from the
    latter, so that it does not change when the site moves; no other `"url"` of a record can be that address (a
    source's and an investigation's are http(s) URLs)."""
    relative = f'"url": {json.dumps(entry.url)}'
    assert relative in text, entry.id
    return text.replace(relative, f'"url": {json.dumps(permalink(config, entry.url), ensure_ascii=False)}', 1)


def permalink(config: ArchiveConfig, url: str) -> str:
    """The permanent address of a site URL: absolute when base_url names a host, else from the site's path."""
    return urls.absolute(config.base_url, url)
