"""Plans the taxonomies (sides, grades, categories, years, tags): an index of each, and a page for each term."""

from __future__ import annotations

from dataclasses import dataclass

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog, TermNode
from warcrime_archive.i18n import N_
from warcrime_archive.i18n import gettext as _
from warcrime_archive.plan.pages import Page, PageKind, TermHead
from warcrime_archive.plan.paging import paged_title, paginate


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


def terms_pages(catalog: Catalog, taxonomy: Taxonomy) -> list[Page]:
    """The taxonomy's index, tried as e.g. 'sides.html', then 'terms.html', a hundred terms a page (an archive may
    have thousands of tags)."""
    heads = [term_head(node) for node in getattr(catalog, taxonomy.attribute)]
    return [
        Page(
            taxonomy.index_kind,
            url,
            (f"{taxonomy.index_kind}.html", "terms.html"),
            paged_title(_(taxonomy.title), pager),
            {
                "nodes": chunk,
                "pager": pager,
                "heading": _(taxonomy.title),
                "taxonomy": taxonomy.kind,
                "description": _(taxonomy.description),
            },
        )
        for url, chunk, pager in paginate(taxonomy.index_url, heads)
    ]


def term_head(node: TermNode) -> TermHead:
    return TermHead(
        node.key, node.label, node.description, node.url, len(node.entries), node.rule, len(node.victim_entries)
    )


VICTIMS = "victims/"
"""Below a side's address: its records as the victims' side (the side's own page lists them as alleged
perpetrator)."""


def term_pages(catalog: Catalog, taxonomy: Taxonomy) -> list[Page]:
    """The pages of each of the taxonomy's terms, tried as e.g. 'side.html', then 'term.html': its records, a
    hundred a page (`paging`); a side's records as the victims' side on pages of their own, below its address."""
    nodes: tuple[TermNode, ...] = getattr(catalog, taxonomy.attribute)
    title = _(taxonomy.title)
    pages = []
    for node in nodes:
        head = term_head(node)
        lists = [("", node.url, node.entries)]
        if taxonomy.kind == PageKind.side:
            lists.append(("victims", node.url + VICTIMS, node.victim_entries))
        for role, url, entries in lists:
            for page_url, chunk, pager in paginate(url, entries):
                pages.append(
                    Page(
                        taxonomy.kind,
                        page_url,
                        (f"{taxonomy.kind}.html", "term.html"),
                        paged_title(
                            _("%(side)s as the victims' side") % {"side": node.label} if role else node.label, pager
                        ),
                        {
                            "node": head,
                            "role": role,
                            "entries": chunk,
                            "pager": pager,
                            "taxonomy": taxonomy.kind,
                            "index_url": taxonomy.index_url,
                            "index_title": title,
                        },
                    )
                )
    return pages
