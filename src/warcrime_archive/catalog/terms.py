"""The terms of the catalog: sides, grades, categories, years and tags, each with its incidents."""

from __future__ import annotations

from collections import defaultdict

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Entry, TermNode
from warcrime_archive.i18n import gettext
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.grading import REQUIREMENTS
from warcrime_archive.model.record import Incident

TAXONOMIES = ("sides", "grades", "categories", "years", "tags")
"""The catalog's attributes that hold terms, in the order the site lists them."""


def year_group(incident: Incident) -> tuple[str, str]:
    """The one group of years an incident is listed under, (key, label): its year ('2024'), or for a date known
    only to a window over several years, the window ('2022-2024', 'Date uncertain: 2022\u20132024'). An incident is
    never counted in each year of its window, as if it had happened in each."""
    first, last = incident.date.start.year, incident.date.end.year
    if first == last:
        return str(first), str(first)
    return f"{first}-{last}", gettext("Date uncertain: %(first)d\u2013%(last)d") % {"first": first, "last": last}


def term_nodes(config: ArchiveConfig, ordered: tuple[Entry, ...]) -> dict[str, tuple[TermNode, ...]]:
    """Each taxonomy's terms (`TAXONOMIES`), each term with its entries in the order of `ordered`: the sides,
    grades and categories of archive.yaml in its order, the years newest first, the tags by name."""
    # Every term's list in one walk over the records in the archive's order, so each list is already in it
    # (one walk per term and a sort of each list cost far more in a large archive; docs/performance.md).
    by_side: dict[str, list[Entry]] = defaultdict(list)
    by_victims: dict[str | None, list[Entry]] = defaultdict(list)
    by_grade: dict[str, list[Entry]] = defaultdict(list)
    by_category: dict[str, list[Entry]] = defaultdict(list)
    by_year: dict[str, list[Entry]] = defaultdict(list)
    year_labels: dict[str, str] = {}
    by_tag: dict[str, list[Entry]] = defaultdict(list)
    for e in ordered:
        incident = e.incident
        for side in dict.fromkeys(p.side for p in incident.alleged_perpetrators):
            by_side[side].append(e)
        for victims_side in dict.fromkeys(v.side for v in incident.victims):
            by_victims[victims_side].append(e)
        by_grade[incident.verification.status].append(e)
        by_category[incident.category].append(e)
        key, label = year_group(incident)
        by_year[key].append(e)
        year_labels[key] = label
        for t in incident.tags:
            by_tag[t].append(e)
    return {
        "sides": tuple(
            TermNode(
                key,
                term.label,
                term.description,
                urls.side(key),
                tuple(by_side[key]),
                victim_entries=tuple(by_victims[key]),
            )
            for key, term in config.sides.items()
        ),
        "grades": tuple(
            TermNode(
                key,
                grade.label,
                grade.description,
                urls.grade(key),
                tuple(by_grade[key]),
                rule=REQUIREMENTS.get(key, grade.rule),
            )
            for key, grade in config.verification.items()
        ),
        "categories": tuple(
            TermNode(key, term.label, term.description, urls.category(key), tuple(by_category[key]))
            for key, term in config.categories.items()
        ),
        "years": tuple(
            TermNode(key, year_labels[key], "", urls.year(key), tuple(by_year[key]))
            for key in sorted(by_year, key=_year_order, reverse=True)
        ),
        "tags": tuple(TermNode(t, t, "", urls.tag(t), tuple(by_tag[t])) for t in sorted(by_tag)),
    }


def _year_order(key: str) -> tuple[int, int]:
    """Newest first by the last year, a single year before a window that ends in it: 2024, 2022-2024, 2023."""
    first, _, last = key.partition("-")
    return int(last or first), int(first)
