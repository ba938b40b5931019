"""Claim-level sourcing, checked: each source's id is unique, every claim lists at least one source, every id a
claim lists or the narrative cites is the id of one of the record's sources. Each problem is at its place in the
file (a citation in the narrative at its own line and column)."""

from __future__ import annotations

import re
from collections.abc import Callable

from warcrime_archive.model.claims import Citation, citations, claims, line_and_column
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.record import Incident
from warcrime_archive.model.vocabulary import did_you_mean
from warcrime_archive.problems import Problem, Severity
from warcrime_archive.read.yaml_reader import Document

UNSOURCED = "no source given for this claim"
CITE_HINT = "cite as [@id] or [@a; @b], with the ids of the record's sources"


def _known_hint(value: str, known: list[str]) -> str:
    if not known:
        return "give each source an `id`"
    close = did_you_mean(value, known)
    return close if close.startswith("did you mean") else "the record's sources are: " + ", ".join(known)


def claim_problems(
    incident: Incident, doc: Document, config: ArchiveConfig | None, text: Callable[[], str]
) -> list[Problem]:
    """The sourcing problems of one record; `text` gives the file's text (for the narrative's positions)."""
    problems: list[Problem] = []
    known: list[str] = []
    first: dict[str, int] = {}
    for i, source in enumerate(incident.sources):
        if source.id in first:
            problems.append(
                doc.problem(
                    ("sources", i, "id"),
                    f"the id '{source.id}' is already the id of sources[{first[source.id]}]",
                    "give each source of the record its own id",
                )
            )
        else:
            first[source.id] = i
            known.append(source.id)
    warn = config is not None and config.unsourced_claims == "warn"
    example = known[0] if known else "id"
    for loc, ids in claims(incident):
        if not ids:
            problems.append(
                doc.problem(
                    (*loc, "sources"),
                    UNSOURCED,
                    f"list the ids of the sources that state it, e.g. `sources: [{example}]`",
                    severity=Severity.WARNING if warn else Severity.ERROR,
                )
            )
        for k, value in enumerate(ids):
            if value not in first:
                problems.append(
                    doc.problem(
                        (*loc, "sources", k),
                        f"no source of this record has the id '{value}'",
                        _known_hint(value, known),
                    )
                )
    problems += _narrative_problems(incident.narrative, doc, text, first, known)
    return problems


def _narrative_problems(
    narrative: str, doc: Document, text: Callable[[], str], first: dict[str, int], known: list[str]
) -> list[Problem]:
    problems = []
    for citation in citations(narrative):
        if citation.malformed:
            shown = narrative[citation.start : citation.end]
            line, column = _position(narrative, doc, text(), citation, shown)
            problems.append(Problem(doc.shown, line, column, "narrative", f"'{shown}' is not a citation", CITE_HINT))
            continue
        for value in citation.ids:
            if value not in first:
                line, column = _position(narrative, doc, text(), citation, "@" + value)
                problems.append(
                    Problem(
                        doc.shown,
                        line,
                        column,
                        "narrative",
                        f"no source of this record has the id '{value}' (cited as {citation.text})",
                        _known_hint(value, known),
                    )
                )
    return problems


def _position(narrative: str, doc: Document, text: str, citation: Citation, needle: str) -> tuple[int, int]:
    """The line and column in the file of `needle` within a citation of the narrative: its n-th occurrence in the
    file after the narrative's start, n counted in the narrative (so any YAML style of the text will do)."""
    line, column = doc.position(("narrative",))
    offset = citation.start + max(0, narrative[citation.start : citation.end].find(needle))
    pattern = re.compile(re.escape(needle) + (r"(?![a-z0-9-])" if needle.startswith("@") else ""))
    occurrence = sum(1 for _ in pattern.finditer(narrative, 0, offset))
    lines = text.split("\n")
    start = sum(len(x) + 1 for x in lines[: line - 1]) + column - 1
    found = [m.start() for m in pattern.finditer(text, start)]
    if occurrence < len(found):
        at_line, at_column = line_and_column(text, found[occurrence])
        return at_line + 1, at_column + 1
    return line, column
