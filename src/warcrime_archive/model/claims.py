"""Claim-level sourcing: each part of a record that makes a claim lists the ids of the sources that state it,
and the narrative cites them as `[@id]` or `[@a; @b]` (Pandoc's citation syntax).

No I/O: `validate.claims` reports the problems, the pages and the downloads list the claims from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import Field

SOURCE_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,39}$"
_ID = re.compile(SOURCE_ID_PATTERN)

Loc = tuple[str | int, ...]


def sources_field() -> Any:  # noqa: ANN401 - a pydantic FieldInfo
    """The `sources` of a claim-bearing part."""
    return Field(
        default_factory=list,
        description="The ids (`sources[].id`) of this record's sources that state this; at least one.",
    )


def claims(incident: Any) -> Iterator[tuple[Loc, list[str]]]:  # noqa: ANN401 - an Incident (model.record imports this)
    """Every claim-bearing part of a record (an `Incident`), in the order of the file: (where it is, the ids of its
    sources)."""
    yield ("date",), incident.date.sources
    yield ("location",), incident.location.sources
    for i, perpetrator in enumerate(incident.alleged_perpetrators):
        yield ("alleged_perpetrators", i), perpetrator.sources
    for i, group in enumerate(incident.victims):
        yield ("victims", i), group.sources
    if incident.casualties is not None:
        yield ("casualties",), incident.casualties.sources
    for i, damaged in enumerate(incident.damage):
        yield ("damage", i), damaged.sources
    yield ("verification",), incident.verification.sources
    for i, verifier in enumerate(incident.verification.by):
        yield ("verification", "by", i), verifier.sources
    for i, response in enumerate(incident.responses):
        yield ("responses", i), response.sources
    for i, investigation in enumerate(incident.investigations):
        yield ("investigations", i), investigation.sources
    for i, correction in enumerate(incident.corrections):
        yield ("corrections", i), correction.sources


# A citation: '[@' up to the next ']' (the group is checked by `citations`: `[@a; @b]`, ids of sources).
_GROUP = re.compile(r"\[@([^\[\]]*)\]")
_ITEM = re.compile(r"\s*@([^\s;@]*)\s*")


@dataclass(frozen=True)
class Citation:
    """A citation in a narrative: where it is (offsets in the text) and the ids it cites, or why it is not one."""

    start: int
    end: int
    ids: tuple[str, ...]
    malformed: bool = False

    @property
    def text(self) -> str:
        return "[" + "; ".join(f"@{i}" for i in self.ids) + "]"


def citations(text: str) -> list[Citation]:
    """The citations in a narrative, in order: `[@id]` or `[@a; @b]`. A group that starts with `[@` but is not
    a list of ids separated by ';' is returned as malformed."""
    found = []
    for match in _GROUP.finditer(text):
        items = ("@" + match.group(1)).split(";")
        ids = []
        for item in items:
            part = _ITEM.fullmatch(item)
            ids.append(part.group(1) if part else item.strip())
        malformed = any(not _ITEM.fullmatch(item) or not _ID.match(i) for item, i in zip(items, ids, strict=True))
        found.append(Citation(match.start(), match.end(), tuple(ids), malformed))
    return found


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 0-based line and column of an offset in a text."""
    line = text.count("\n", 0, offset)
    return line, offset - (text.rfind("\n", 0, offset) + 1)
