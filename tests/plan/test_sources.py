"""The sources and outlets, each with a page; a source's page links its outlet by name and address only."""

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan.pages import Link, PageKind
from warcrime_archive.plan.sources import outlet_pages, outlets_page, source_pages, sources_page
from warcrime_archive.validate.load import load_archive


def test_a_page_for_every_source_and_outlet():
    catalog = build_catalog(load_archive(MINIMAL).archive)
    [source] = source_pages(catalog)
    [node] = catalog.sources
    assert (source.kind, source.url, source.title) == (PageKind.source, node.url, "T1")
    assert source.context["outlet"] == Link("O1", "outlets/o1/")  # not the outlet with all its records
    [outlet] = outlet_pages(catalog)
    assert (outlet.url, outlet.context["outlet"]) == ("outlets/o1/", catalog.outlets[0])
    assert sources_page(catalog).context["sources"] == catalog.sources
    assert outlets_page(catalog).context["outlets"] == catalog.outlets
