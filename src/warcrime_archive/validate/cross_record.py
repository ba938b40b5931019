"""The rules that span records: ids, related records, aliases, shared sources, places, archived copies."""

from __future__ import annotations

import difflib

from warcrime_archive.model.archive import Record
from warcrime_archive.problems import Problem, Severity
from warcrime_archive.read.yaml_reader import Document
from warcrime_archive.validate.duplicates import possible_duplicates


def cross_record(records: list[tuple[Record, Document]]) -> list[Problem]:
    """Rules that span records: ids, related, aliases, shared sources, places, archived copies."""
    problems: list[Problem] = []
    ids: dict[str, Record] = {}
    same_id: dict[str, list[Record]] = {}
    for record, _doc in records:
        same_id.setdefault(record.id, []).append(record)
        ids.setdefault(record.id, record)
    for record, doc in records:
        others = sorted(str(other.path) for other in same_id[record.id] if other is not record)
        if others:
            problems.append(doc.problem((), f"duplicate id '{record.id}': also {', '.join(others)}"))
    aliases: dict[str, str] = {}
    for record, doc in records:
        inc = record.incident
        for name in ("same_as", "not_same_as"):
            for i, other in enumerate(getattr(inc, name)):
                if other == record.id or other not in ids:
                    what = "a record cannot name itself" if other == record.id else f"no record has the id '{other}'"
                    problems.append(doc.problem((name, i), what, _close(other, ids)))
        for i, other in enumerate(inc.related):
            if other == record.id:
                problems.append(doc.problem(("related", i), "a record cannot be related to itself"))
            elif other not in ids:
                problems.append(doc.problem(("related", i), f"no record has the id '{other}'", _close(other, ids)))
            elif ids[other].incident.is_withdrawn and not inc.is_withdrawn:
                problems.append(
                    doc.problem(
                        ("related", i),
                        f"the record '{other}' is withdrawn: its address shows only why",
                        "take it out of `related`",
                    )
                )
        for i, alias in enumerate(inc.aliases):
            if alias in ids:
                problems.append(
                    doc.problem(
                        ("aliases", i), f"'{alias}' is the id of {ids[alias].path}; an alias must be a former id"
                    )
                )
            elif alias in aliases and aliases[alias] != record.id:
                problems.append(doc.problem(("aliases", i), f"'{alias}' is already an alias of '{aliases[alias]}'"))
            aliases.setdefault(alias, record.id)
    problems += _uncaptured(records)
    problems += _source_conflicts(records)
    problems += _place_spellings(records)
    problems += possible_duplicates(records)
    return problems


def _uncaptured(records: list[tuple[Record, Document]]) -> list[Problem]:
    """A source without an archived copy: one warning per URL, at its first citation, saying how many records
    cite it (a data set cited by every record is one warning, not one per record)."""
    first: dict[str, tuple[Document, int]] = {}
    citing: dict[str, int] = {}
    for record, doc in records:
        if record.incident.is_withdrawn:  # a withdrawn record's sources are not shown
            continue
        for i, source in enumerate(record.incident.sources):
            if source.archived_url is None:
                first.setdefault(source.url, (doc, i))
                citing[source.url] = citing.get(source.url, 0) + 1
    problems = []
    for url, (doc, i) in first.items():
        others = citing[url] - 1
        cited = f"; the same URL is cited {others} more time{'s' * (others != 1)} without one" if others else ""
        problems.append(
            doc.problem(
                ("sources", i, "url"),
                "the source has no archived copy",
                "add `archived_url`, a capture in the Wayback Machine, archive.today or perma.cc" + cited,
                severity=Severity.WARNING,
            )
        )
    return problems


def _close(value: str, known: dict[str, Record]) -> str:
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.7)
    return f"did you mean '{close[0]}'?" if close else ""


def _source_conflicts(records: list[tuple[Record, Document]]) -> list[Problem]:
    """The same URL must carry the same title, outlet and date everywhere: report both places."""
    first: dict[str, tuple[Record, Document, int]] = {}
    problems: list[Problem] = []
    for record, doc in records:
        for i, source in enumerate(record.incident.sources):
            if source.url not in first:
                first[source.url] = (record, doc, i)
                continue
            other_record, other_doc, j = first[source.url]
            other = other_record.incident.sources[j]
            if (source.title, source.outlet, source.published) == (other.title, other.outlet, other.published):
                continue
            for name in ("title", "outlet", "published"):
                if getattr(source, name) != getattr(other, name):
                    a, b = getattr(source, name), getattr(other, name)
                    problems.append(
                        doc.problem(
                            ("sources", i, name),
                            f"the same source URL has {name} '{a}' here but '{b}' in {other_record.path}",
                            "a source is one source across the archive: make them agree",
                        )
                    )
                    problems.append(
                        other_doc.problem(
                            ("sources", j, name),
                            f"the same source URL has {name} '{b}' here but '{a}' in {record.path}",
                            "a source is one source across the archive: make them agree",
                        )
                    )
    return problems


def _place_spellings(records: list[tuple[Record, Document]]) -> list[Problem]:
    """A place written as another record's alternative spelling is probably one place spelled two ways."""
    # (region code, spelling) -> the records giving that spelling in `also_known_as`, in archive order.
    by_spelling: dict[tuple[str, str], list[Record]] = {}
    for record, _ in records:
        loc = record.incident.location
        for alias in {a.casefold() for a in loc.also_known_as}:
            by_spelling.setdefault((loc.region.code, alias), []).append(record)
    problems = []
    for record, doc in records:
        loc = record.incident.location
        if not loc.place:
            continue
        for other_record in by_spelling.get((loc.region.code, loc.place.casefold()), ()):
            other = other_record.incident.location
            if other is not loc and loc.place.casefold() != (other.place or "").casefold():
                problems.append(
                    doc.problem(
                        ("location", "place"),
                        f"'{loc.place}' is given as another spelling of '{other.place}' in {other_record.path}",
                        f"write the place as '{other.place}' and keep '{loc.place}' in `also_known_as`",
                        severity=Severity.WARNING,
                    )
                )
                break
    return problems
