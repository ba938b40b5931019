"""Each taxonomy: an index tried by its own template, then the shared one, and a page for each term."""

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan.pages import PageKind
from warcrime_archive.plan.terms import TAXONOMIES, term_pages, terms_page
from warcrime_archive.validate.load import load_archive


def test_each_taxonomy_has_its_index_and_a_page_per_term():
    catalog = build_catalog(load_archive(MINIMAL).archive)
    assert [t.attribute for t in TAXONOMIES] == ["sides", "grades", "categories", "years", "tags"]
    for taxonomy in TAXONOMIES:
        index = terms_page(catalog, taxonomy)
        assert index.templates == (f"{taxonomy.attribute}.html", "terms.html")
        assert index.url == f"{taxonomy.attribute}/" and index.context["nodes"] == getattr(catalog, taxonomy.attribute)
        pages = term_pages(catalog, taxonomy)
        assert [p.url for p in pages] == [n.url for n in getattr(catalog, taxonomy.attribute)]
        assert all(p.templates == (f"{taxonomy.kind}.html", "term.html") for p in pages)
        assert all(p.context["index_title"] == index.title for p in pages)
    sides = terms_page(catalog, TAXONOMIES[0])
    assert (sides.kind, sides.title, sides.context["taxonomy"]) == (PageKind.sides, "Sides", "side")
