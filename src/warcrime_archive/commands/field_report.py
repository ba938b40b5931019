"""The report of one field across the archive: each value it takes and in how many records, most common first
(`warcrime-archive report --field verification.status`). A field inside a list (`victims.harm`, `sources.outlet`)
counts each item's value; a list of words (`tags`) counts each word. Private values are never reported."""

from __future__ import annotations

import csv
import difflib
import io
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

from warcrime_archive.model.archive import Archive

NOT_GIVEN = "(not given)"
NONE = "(none)"
HIDDEN = ("private", "evidence.file")
"""Fields never reported: private values, and where withheld evidence is kept."""


def _values(data: Any, parts: list[str]) -> Iterator[Any]:  # noqa: ANN401 - any part of a record's JSON
    if isinstance(data, list):
        if not data and not parts:
            yield NONE
        for item in data:
            yield from _values(item, parts)
        return
    if not parts:
        yield NOT_GIVEN if data is None or data == "" else data
        return
    if isinstance(data, dict) and parts[0] in data:
        yield from _values(data[parts[0]], parts[1:])
    elif isinstance(data, dict):
        yield NOT_GIVEN


def _paths(data: Any, prefix: str = "") -> Iterator[str]:  # noqa: ANN401 - any part of a record's JSON
    if isinstance(data, list):
        for item in data:
            yield from _paths(item, prefix)
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, f"{prefix}{key}.")
        if prefix:
            yield prefix[:-1]
    elif prefix:
        yield prefix[:-1]


def count(archive: Archive, field: str) -> tuple[Counter[str], int]:
    """How many times each value of the field occurs, and in how many records; a ValueError naming close fields
    when no record has it."""
    if any(field == h or field.startswith(h + ".") for h in HIDDEN):
        raise ValueError(f"'{field}' is private: it is never reported")
    counts: Counter[str] = Counter()
    records = 0
    known: set[str] = set()
    parts = field.split(".")
    for record in archive.records:
        if record.incident.is_withdrawn:
            continue
        data = record.incident.model_dump(mode="json", exclude={"private"})
        records += 1
        known.update(_paths(data))
        for value in _values(data, parts):
            counts[value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)] += 1
    if field not in known:
        close = difflib.get_close_matches(field, sorted(known), n=1, cutoff=0.6)
        raise ValueError(f"no record has the field '{field}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
    return counts, records


def render(counts: Counter[str], records: int, field: str, fmt: str) -> str:
    """The counts as text (a table), CSV (value,count) or JSON."""
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if fmt == "json":
        return json.dumps({"field": field, "records": records, "values": dict(rows)}, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["value", "count"])
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    width = max((len(str(n)) for _, n in rows), default=1)
    lines = [f"{n:>{width}}  {value}" for value, n in rows]
    found = f"{len(rows)} value{'s' * (len(rows) != 1)} in {records} record{'s' * (records != 1)}"
    return "\n".join([*lines, f"{field}: {found}"])
