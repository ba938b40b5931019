"""Plans the pages the editors write in pages/*.md: the methodology page (with the grading scale) and the others."""

from __future__ import annotations

from collections import Counter

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.i18n import gettext as _
from warcrime_archive.model.grading import WORDING
from warcrime_archive.plan.pages import Page, PageKind

METHODOLOGY = "methodology"
"""The free page (pages/methodology.md) shown on the methodology page, above the grading scale."""


def methodology_page(catalog: Catalog) -> Page:
    """The editors' own methodology page if any, then the grading scale with what each grade requires (for the
    default grades, the words of the rules the build enforces, `model.grading`) and the rules every record
    follows."""
    method = next((p for p in catalog.pages if p.slug == METHODOLOGY), None)
    return Page(
        PageKind.methodology,
        urls.METHODOLOGY,
        ("methodology.html",),
        method.front.title if method else _("Methodology"),
        {
            "grades": catalog.grades,
            "free_page": method,
            "grade_counts": Counter(e.incident.verification.status for e in catalog.entries),
            "rules": [_(rule) for rule in WORDING],
        },
    )


def free_pages(catalog: Catalog) -> list[Page]:
    """A page for each of the others, in order of their names."""
    return [
        Page(PageKind.page, urls.free_page(p.slug), ("page.html",), p.front.title, {"free_page": p})
        for p in sorted(catalog.pages, key=lambda p: p.slug)
        if p.slug != METHODOLOGY
    ]
