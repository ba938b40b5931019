"""Possible duplicates: two records of the same incident, as a migration from two data sets (or one with repeated
rows) makes them. Records dated within a day of each other are compared: at most `NEAR_KM` apart, at the same
named place, or citing a source URL that few records cite, they are listed as a warning, once per pair, until a
record says `same_as` (they are the same, kept apart on purpose) or `not_same_as` (they are not)."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterator

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


def _pairs(records: list[Record]) -> Iterator[tuple[Record, Record]]:
    """Pairs of records whose dates (windows of at most WIDEST_DAYS) lie within a day of each other."""
    by_day: dict[dt.date, list[Record]] = defaultdict(list)
    for record in records:
        start, end = record.incident.date.sort_key()
        if not record.incident.is_withdrawn and (end - start).days < WIDEST_DAYS:
            by_day[start].append(record)
    one = dt.timedelta(days=1)
    for day in sorted(by_day):
        for i, a in enumerate(by_day[day]):
            later = [r for n in range(1, WIDEST_DAYS + 1) for r in by_day.get(day + n * one, [])]
            for b in by_day[day][i + 1 :] + later:
                if a.incident.date.sort_key()[1] + one >= b.incident.date.sort_key()[0]:
                    yield a, b


def possible_duplicates(records: list[tuple[Record, Document]]) -> list[Problem]:
    """A warning for each pair of records that may describe one incident, at the second one's date."""
    docs = {id(record): doc for record, doc in records}
    citing: dict[str, int] = defaultdict(int)
    for record, _ in records:
        for url in {s.url for s in record.incident.sources}:
            citing[url] += 1
    shared = {url for url, count in citing.items() if count <= FEW_CITING}
    problems = []
    for a, b in _pairs([record for record, _ in records]):
        first, second = sorted((a, b), key=lambda r: r.id)
        marked = set(second.incident.same_as + second.incident.not_same_as + first.incident.same_as)
        if first.id in marked or second.id in first.incident.not_same_as:
            continue
        why = _why(a, b, shared)
        if why:
            problems.append(
                docs[id(second)].problem(
                    ("date",),
                    f"possibly the same incident as '{first.id}'",  # one kind of warning: its place in the hint
                    f"{first.path}, {why}; if it is, merge the records or say `same_as: [{first.id}]`; "
                    f"if not, say `not_same_as: [{first.id}]`",
                    severity=Severity.WARNING,
                )
            )
    return problems
