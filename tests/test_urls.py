import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warcrime_archive import urls


@pytest.mark.parametrize(
    "origin, target, link",
    [
        ("incidents/a/", "places/ua/", "../../places/ua/"),
        ("", "places/", "places/"),
        ("incidents/a/", "", "../../"),
        ("", "", "./"),
        ("404.html", "static/style.css", "static/style.css"),
        ("places/ua/x/", "places/ua/", "../"),
        ("incidents/a/", "incidents/a/#h", "./#h"),
        ("sources/s/", "feed.xml", "../../feed.xml"),
    ],
)
def test_relative(origin, target, link):
    assert urls.relative(origin, target) == link


def test_output_paths():
    assert urls.output_path("") == "index.html"
    assert urls.output_path(urls.incident("x")) == "incidents/x/index.html"
    assert urls.output_path(urls.NOT_FOUND) == "404.html"


def test_absolute():
    assert urls.absolute("https://example.org/archive/", "incidents/x/") == "https://example.org/archive/incidents/x/"


def test_data_file_urls():
    assert urls.download("incidents.csv") == "data/incidents.csv"
    assert urls.record_file("x", "record.bib") == "incidents/x/record.bib"
    assert urls.output_path(urls.record_file("x", "record.json")) == "incidents/x/record.json"
    assert urls.relative(urls.incident("x"), urls.record_file("x", "record.json")) == "record.json"
    assert {"data", "feed.xml", "sitemap.xml", "robots.txt", "SHA256SUMS"} <= urls.RESERVED


def test_is_absolute():
    assert urls.is_absolute("https://example.org/a/") and urls.is_absolute("http://127.0.0.1/sub/")
    assert not urls.is_absolute("/") and not urls.is_absolute("/archive/")


def test_the_schemas_have_their_own_folder():
    from warcrime_archive import urls

    assert urls.schema_file("incident.schema.json") == "schema/incident.schema.json"
    assert "schema" in urls.RESERVED


segments = st.lists(st.sampled_from(["incidents", "a", "b", "ua", "kyiv-oblast", "x.html", "."]), max_size=4)


@given(segments, segments)
def test_relpath_is_posixpath_relpath_without_the_filesystem(path, start):
    path_text, start_text = "/".join(path) or ".", "/".join(start) or "."
    assert urls._relpath(path_text, start_text) == posixpath.relpath(path_text, start_text)
