"""Plans the home page: the latest records and the counts by side, grade and year."""

from __future__ import annotations

import datetime as dt

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog, Entry, TermNode
from warcrime_archive.plan.pages import Page, PageKind

LATEST = 10
"""How many of the most recently published or reported records the home page lists."""


def _counts(nodes: tuple[TermNode, ...]) -> list[tuple[TermNode, int]]:
    return [(n, len(n.entries)) for n in nodes]


def reported(entry: Entry) -> tuple[dt.date, dt.date, str]:
    """What 'latest' sorts by: when the record was first published in the archive (its first commit) or, without
    history, when the incident was first reported (else the last day it can have happened); then the report."""
    incident = entry.incident
    report = (incident.first_reported or incident.date.end).end
    published = entry.first_published.date if entry.first_published else report
    return published, report, entry.id


def home_page(catalog: Catalog) -> Page:
    entries = catalog.entries
    return Page(
        PageKind.home,
        urls.HOME,
        ("home.html",),
        catalog.config.title,
        {
            "latest": sorted(entries, key=reported, reverse=True)[:LATEST],
            "by_side": [(n, len(n.entries), len(n.victim_entries)) for n in catalog.sides],
            "by_grade": _counts(catalog.grades),
            "by_year": _counts(catalog.years),
            "records": len(entries),
        },
    )
