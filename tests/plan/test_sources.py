"""The sources and outlets, each with its pages; a source's page links its outlet by name and address only."""

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan.pages import Counted, Link, PageKind
from warcrime_archive.plan.sources import outlet_pages, outlets_pages, source_pages, sources_pages
from warcrime_archive.validate.load import load_archive


def test_a_page_for_every_source_and_two_for_every_outlet():
    catalog = build_catalog(load_archive(MINIMAL).archive)
    [source] = source_pages(catalog)
    [node] = catalog.sources
    assert (source.kind, source.url, source.title) == (PageKind.source, node.url, "T1")
    assert source.context["outlet"] == Link("O1", "outlets/o1/")  # not the outlet with all its records
    assert source.context["entries"] == catalog.entries and source.context["pager"].total == 1
    records, sources = outlet_pages(catalog)
    assert (records.url, records.context["outlet"]) == ("outlets/o1/", Counted("O1", "outlets/o1/", 1))
    assert (records.context["role"], records.context["entries"]) == ("", catalog.entries)
    assert (sources.url, sources.context["role"], sources.context["sources"]) == (
        "outlets/o1/sources/",
        "sources",
        catalog.sources,
    )
    [index] = sources_pages(catalog)
    assert index.context["sources"] == catalog.sources
    [index] = outlets_pages(catalog)
    assert index.context["outlets"] == catalog.outlets


def test_long_lists_of_sources_are_in_pages(many_catalog):
    catalog = many_catalog(250, sources_each=True)
    pages = sources_pages(catalog)
    assert [p.url for p in pages] == ["sources/", "sources/page/2/", "sources/page/3/"]
    assert [len(p.context["sources"]) for p in pages] == [100, 100, 50]
    outlet = [p for p in outlet_pages(catalog) if p.context["role"] == "sources"]
    assert [p.url for p in outlet] == [
        "outlets/o1/sources/",
        "outlets/o1/sources/page/2/",
        "outlets/o1/sources/page/3/",
    ]
