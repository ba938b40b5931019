"""Plans the taxonomies (sides, grades, categories, years, tags): an index of each, and a page for each term."""

from __future__ import annotations

from dataclasses import dataclass

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog, TermNode
from warcrime_archive.i18n import N_
from warcrime_archive.i18n import gettext as _
from warcrime_archive.plan.pages import Page, PageKind


@dataclass(frozen=True)
class Taxonomy:
    """A way of grouping incidents: the kinds of its index and of its terms' pages, and where its terms are."""

    index_kind: PageKind
    kind: PageKind
    index_url: str
    title: str  # a message, translated when planned
    attribute: str  # of the catalog: its terms
    description: str  # a message, translated when planned


TAXONOMIES = (
    Taxonomy(
        PageKind.sides,
        PageKind.side,
        urls.SIDES,
        N_("Sides"),
        "sides",
        N_(
            "Each party to the conflict, as alleged perpetrator and as the victims' side. Both sides are recorded "
            "with the same fields and shown with the same pages."
        ),
    ),
    Taxonomy(
        PageKind.grades,
        PageKind.grade,
        urls.GRADES,
        N_("Verification grades"),
        "grades",
        N_("How well each record is verified, on the archive's grading scale."),
    ),
    Taxonomy(
        PageKind.categories,
        PageKind.category,
        urls.CATEGORIES,
        N_("Categories"),
        "categories",
        N_("Kinds of alleged incident."),
    ),
    Taxonomy(
        PageKind.years,
        PageKind.year,
        urls.YEARS,
        N_("Years"),
        "years",
        N_(
            "Incidents by the year in which they are alleged to have happened. An incident whose date is known only "
            "to a window of several years is listed once, under that window, not in each of its years."
        ),
    ),
    Taxonomy(PageKind.tags, PageKind.tag, urls.TAGS, N_("Tags"), "tags", N_("Keywords given by the editors.")),
)


def terms_page(catalog: Catalog, taxonomy: Taxonomy) -> Page:
    """The taxonomy's index, tried as e.g. 'sides.html', then 'terms.html'."""
    return Page(
        taxonomy.index_kind,
        taxonomy.index_url,
        (f"{taxonomy.index_kind}.html", "terms.html"),
        _(taxonomy.title),
        {
            "nodes": getattr(catalog, taxonomy.attribute),
            "taxonomy": taxonomy.kind,
            "description": _(taxonomy.description),
        },
    )


def term_pages(catalog: Catalog, taxonomy: Taxonomy) -> list[Page]:
    """A page for each of the taxonomy's terms, tried as e.g. 'side.html', then 'term.html'."""
    nodes: tuple[TermNode, ...] = getattr(catalog, taxonomy.attribute)
    title = _(taxonomy.title)
    return [
        Page(
            taxonomy.kind,
            node.url,
            (f"{taxonomy.kind}.html", "term.html"),
            node.label,
            {"node": node, "taxonomy": taxonomy.kind, "index_url": taxonomy.index_url, "index_title": title},
        )
        for node in nodes
    ]
