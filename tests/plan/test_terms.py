"""Each taxonomy: an index tried by its own template, then the shared one, and the pages of each term, a hundred
records a page; a side's records as the victims' side on pages of their own."""

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan.pages import PageKind, TermHead
from warcrime_archive.plan.terms import TAXONOMIES, term_pages, terms_pages
from warcrime_archive.validate.load import load_archive


def test_each_taxonomy_has_its_index_and_a_page_per_term():
    catalog = build_catalog(load_archive(MINIMAL).archive)
    assert [t.attribute for t in TAXONOMIES] == ["sides", "grades", "categories", "years", "tags"]
    for taxonomy in TAXONOMIES:
        [index] = terms_pages(catalog, taxonomy)
        assert index.templates == (f"{taxonomy.attribute}.html", "terms.html")
        nodes = getattr(catalog, taxonomy.attribute)
        assert index.url == f"{taxonomy.attribute}/" and [n.url for n in index.context["nodes"]] == [
            n.url for n in nodes
        ]
        pages = [p for p in term_pages(catalog, taxonomy) if not p.context["role"]]
        assert [p.url for p in pages] == [n.url for n in nodes]
        assert all(p.templates == (f"{taxonomy.kind}.html", "term.html") for p in pages)
        assert all(p.context["index_title"] == index.title for p in pages)
    [sides] = terms_pages(catalog, TAXONOMIES[0])
    assert (sides.kind, sides.title, sides.context["taxonomy"]) == (PageKind.sides, "Sides", "side")


def test_a_term_page_holds_its_term_without_its_records_and_a_side_has_its_victims_pages():
    catalog = build_catalog(load_archive(MINIMAL).archive)
    pages = {p.url: p for p in term_pages(catalog, TAXONOMIES[0])}
    assert sorted(pages) == ["sides/russia/", "sides/russia/victims/", "sides/ukraine/", "sides/ukraine/victims/"]
    ukraine, russia = pages["sides/ukraine/"], pages["sides/russia/victims/"]
    assert ukraine.context["node"] == TermHead("ukraine", "Ukraine", "", "sides/ukraine/", 1, "", 0)
    assert ukraine.context["entries"] == catalog.entries and ukraine.context["role"] == ""
    assert russia.context["role"] == "victims" and russia.context["entries"] == catalog.entries
    assert russia.title == "Russia as the victims' side"


def test_a_term_with_many_records_has_them_in_pages(many_catalog):
    catalog = many_catalog(201)
    pages = [p for p in term_pages(catalog, TAXONOMIES[1]) if p.context["node"].key == "verified"]
    assert [p.url for p in pages] == ["grades/verified/", "grades/verified/page/2/", "grades/verified/page/3/"]
    assert [p.title for p in pages] == ["Verified", "Verified, page 2 of 3", "Verified, page 3 of 3"]
    assert [e for p in pages for e in p.context["entries"]] == list(catalog.entries)  # newest first, each once
    assert [p.context["pager"].number for p in pages] == [1, 2, 3]
