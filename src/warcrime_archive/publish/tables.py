"""The CSV downloads: their tables, each record's rows in them, and the CSV text, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Entry, Tombstone
from warcrime_archive.i18n import N_
from warcrime_archive.model.claims import claims
from warcrime_archive.model.sources import Source
from warcrime_archive.publish.columns import (
    CLAIM_COLUMNS,
    DAMAGE_COLUMNS,
    INCIDENT_COLUMNS,
    SOURCE_COLUMNS,
    VICTIM_COLUMNS,
    WITHDRAWAL_COLUMNS,
    Column,
)
from warcrime_archive.read.yaml_reader import dotted


@dataclass(frozen=True)
class Table:
    """A CSV download: its name, file, description, columns and keys."""

    name: str
    file: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    rows: Callable[[Any], list[list[Any]]]
    """One record's rows (the file has every record's, by id): from its `Entry`, or for the withdrawals its
    `Tombstone`."""

    @property
    def url(self) -> str:
        return urls.download(self.file)


def _incident_rows(entry: Entry) -> list[list[Any]]:
    return [[c.value(entry) for c in INCIDENT_COLUMNS]]


def _victim_rows(entry: Entry) -> list[list[Any]]:
    return [[c.value(entry, i, v) for c in VICTIM_COLUMNS] for i, v in enumerate(entry.incident.victims, 1)]


def _damage_rows(entry: Entry) -> list[list[Any]]:
    return [[c.value(entry, i, d) for c in DAMAGE_COLUMNS] for i, d in enumerate(entry.incident.damage, 1)]


def _source_rows(entry: Entry) -> list[list[Any]]:
    sources: list[Source] = entry.incident.sources
    return [[c.value(entry, i, s) for c in SOURCE_COLUMNS] for i, s in enumerate(sources, 1)]


def _claim_rows(entry: Entry) -> list[list[Any]]:
    return [[c.value(entry, dotted(loc), ids) for c in CLAIM_COLUMNS] for loc, ids in claims(entry.incident)]


TABLES = (
    Table("incidents", "incidents.csv", N_("One row per incident."), INCIDENT_COLUMNS, ("id",), _incident_rows),
    Table(
        "victims",
        "victims.csv",
        N_("One row per group of victims of an incident."),
        VICTIM_COLUMNS,
        ("incident_id", "group"),
        _victim_rows,
    ),
    Table(
        "damage",
        "damage.csv",
        N_("One row per object damaged in an incident (none for most)."),
        DAMAGE_COLUMNS,
        ("incident_id", "item"),
        _damage_rows,
    ),
    Table(
        "sources",
        "sources.csv",
        N_("One row per source cited by an incident."),
        SOURCE_COLUMNS,
        ("incident_id", "position"),
        _source_rows,
    ),
    Table(
        "claims",
        "claims.csv",
        N_("One row per claim of an incident (its date, place, each group of victims...), with its sources."),
        CLAIM_COLUMNS,
        ("incident_id", "claim"),
        _claim_rows,
    ),
)


def _withdrawal_rows(tombstone: Tombstone) -> list[list[Any]]:
    return [[c.value(tombstone) for c in WITHDRAWAL_COLUMNS]]


WITHDRAWALS = Table(
    "withdrawals",
    "withdrawals.csv",
    N_("One row per withdrawn record: its address stays, with the reason; it is in no other file."),
    WITHDRAWAL_COLUMNS,
    ("id",),
    _withdrawal_rows,
)
"""The withdrawn records (`Tombstone`s), apart from `TABLES`, whose rows are the published records'."""


# A spreadsheet may run a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defused(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, prefixed with a single quote; anything else as is.

    Only text is touched: numbers (a negative latitude), booleans, dates and ids pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_lines(rows: list[list[Any]]) -> str:
    """CSV lines (each row is written on its own: a file's text is its rows' texts one after the other)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # The csv module quotes a cell holding a line feed but not one holding a lone carriage return (it is
    # not in the line terminator), which readers take for a line break: such a row is written all quoted.
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        cells = ["true" if v is True else "false" if v is False else defused(v) for v in row]
        (quoted if any(isinstance(c, str) and "\r" in c for c in cells) else writer).writerow(cells)
    return buffer.getvalue()
