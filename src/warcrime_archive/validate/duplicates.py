"""Possible duplicates: two records of the same incident, as a migration from two data sets (or one with repeated
rows) makes them. Records dated within a day of each other are compared: at most `NEAR_KM` apart, at the same
named place, or citing a source URL that few records cite, they are listed as a warning, once per record (naming
the lowest id it may duplicate), until a record says `same_as` (they are the same, kept apart on purpose) or
`not_same_as` (they are not)."""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import defaultdict
from itertools import groupby

from warcrime_archive.model.archive import Record
from warcrime_archive.problems import Problem, Severity
from warcrime_archive.read.yaml_reader import Document

NEAR_KM = 3.0
"""Records at most this far apart (by their published coordinates) may describe one incident."""
WIDEST_DAYS = 2
"""Only records dated to a window of at most this many days are compared (a month says nothing of the day)."""
FEW_CITING = 3
"""A source URL cited by more records than this (a data set, a monthly report) says nothing of duplicates."""


def _km(a: Record, b: Record) -> float | None:
    p, q = a.incident.location.coordinates, b.incident.location.coordinates
    if p is None or q is None:
        return None
    lat1, lat2, dlon = math.radians(p.lat), math.radians(q.lat), math.radians(q.lon - p.lon)
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _why(a: Record, b: Record, shared: set[str]) -> str:
    """Why two records dated within a day of each other may be one incident ('' when nothing says so)."""
    km = _km(a, b)
    if km is not None and km <= NEAR_KM:
        return f"dated within a day of each other and {km:.1f} km apart"
    la, lb = a.incident.location, b.incident.location
    if la.place and lb.place and la.place.casefold() == lb.place.casefold() and la.region.code == lb.region.code:
        return f"dated within a day of each other at the same place, {la.place}"
    urls = sorted({s.url for s in a.incident.sources} & {s.url for s in b.incident.sources} & shared)
    if urls:
        return f"dated within a day of each other and citing the same source, {urls[0]}"
    return ""


CELL_DEGREES = 0.1
"""Records with coordinates are bucketed in cells of this many degrees; a point's own cell and the eight around it
hold every point within NEAR_KM of it up to about 74 degrees of latitude (where 0.1 degree of longitude is 3 km)."""

Bucket = tuple[object, ...]


def _buckets(record: Record, shared: set[str]) -> set[Bucket]:
    """The buckets a record is kept in: its place, each source URL that few records cite, and its cell. Two records
    can only be warned of as one incident when they share a bucket (or neighbouring cells) and start near a day."""
    loc = record.incident.location
    buckets: set[Bucket] = {("url", s.url) for s in record.incident.sources if s.url in shared}
    if loc.place:
        buckets.add(("place", loc.place.casefold(), loc.region.code))
    if loc.coordinates is not None:
        buckets.add(
            ("cell", math.floor(loc.coordinates.lat / CELL_DEGREES), math.floor(loc.coordinates.lon / CELL_DEGREES))
        )
    return buckets


def _around(bucket: Bucket) -> list[Bucket]:
    """The buckets to look in for a record kept in `bucket`: the bucket itself, and for a cell the eight around it."""
    if bucket[0] != "cell":
        return [bucket]
    _, y, x = bucket
    assert isinstance(y, int) and isinstance(x, int)
    return [("cell", y + dy, x + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]


def _within_a_day(a: Record, b: Record) -> bool:
    """Whether the two records' dates lie within a day of each other (the earlier window's end and the later start)."""
    (sa, ea), (sb, eb) = a.incident.date.sort_key(), b.incident.date.sort_key()
    one = dt.timedelta(days=1)
    return ea + one >= sb if sa <= sb else eb + one >= sa


def _comparable(record: Record) -> bool:
    """Published, and dated to a window of at most WIDEST_DAYS (a month says nothing of the day)."""
    start, end = record.incident.date.sort_key()
    return not record.incident.is_withdrawn and (end - start).days < WIDEST_DAYS


def _same_incident(first: Record, second: Record, shared: set[str]) -> str:
    """Why `second` may describe the same incident as `first` ('' when nothing says so, or a record says not)."""
    marked = set(second.incident.same_as + second.incident.not_same_as + first.incident.same_as)
    if first.id in marked or second.id in first.incident.not_same_as or not _within_a_day(first, second):
        return ""
    return _why(first, second, shared)


def possible_duplicates(records: list[tuple[Record, Document]]) -> list[Problem]:
    """A warning for each record that may describe the same incident as a record of lower id, naming the lowest such
    record: a thousand copies of one row give a thousand warnings, not half a million. Records are taken in order of
    id and kept in buckets by start day (`_buckets`); each is compared with the records of lower id in its buckets
    within WIDEST_DAYS, lowest id first, until one matches, so that the check stays near linear."""
    docs = {id(record): doc for record, doc in records}
    citing: dict[str, int] = defaultdict(int)
    for record, _ in records:
        for url in {s.url for s in record.incident.sources}:
            citing[url] += 1
    shared = {url for url, count in citing.items() if count <= FEW_CITING}
    kept: dict[Bucket, list[Record]] = defaultdict(list)  # (start day, *bucket) -> records, in order of id
    problems = []
    for second in sorted((r for r, _ in records if _comparable(r)), key=lambda r: r.id):
        start = second.incident.date.sort_key()[0]
        own = _buckets(second, shared)
        days = [start + dt.timedelta(days=shift) for shift in range(-WIDEST_DAYS, WIDEST_DAYS + 1)]
        lists = [kept[k] for day in days for b in own for near in _around(b) if (k := (day, *near)) in kept]
        earlier = (next(same) for _, same in groupby(heapq.merge(*lists, key=lambda r: r.id), key=lambda r: r.id))
        found = next(((first, why) for first in earlier if (why := _same_incident(first, second, shared))), None)
        if found is not None:
            first, why = found
            problems.append(
                docs[id(second)].problem(
                    ("date",),
                    f"possibly the same incident as '{first.id}'",  # one kind of warning: its place in the hint
                    f"{first.path}, {why}; if it is, merge the records or say `same_as: [{first.id}]`; "
                    f"if not, say `not_same_as: [{first.id}]`",
                    severity=Severity.WARNING,
                )
            )
        for bucket in own:
            kept[(start, *bucket)].append(second)
    return problems
