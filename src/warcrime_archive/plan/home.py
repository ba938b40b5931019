"""Plans the home page: the latest records and the counts by side, grade and year."""

from __future__ import annotations

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog, TermNode
from warcrime_archive.plan.pages import Page, PageKind

LATEST = 10
"""How many of the newest records the home page lists."""


def _counts(nodes: tuple[TermNode, ...]) -> list[tuple[TermNode, int]]:
    return [(n, len(n.entries)) for n in nodes]


def home_page(catalog: Catalog) -> Page:
    entries = catalog.entries
    return Page(
        PageKind.home,
        urls.HOME,
        ("home.html",),
        catalog.config.title,
        {
            "latest": entries[:LATEST],
            "by_side": [(n, len(n.entries), len(n.victim_entries)) for n in catalog.sides],
            "by_grade": _counts(catalog.grades),
            "by_year": _counts(catalog.years),
            "records": len(entries),
        },
    )
