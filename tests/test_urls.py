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
    assert urls.linker(origin)(target) == link


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
    assert urls.linker(urls.incident("x"))(urls.record_file("x", "record.json")) == "record.json"
    assert {"data", "feed.xml", "sitemap.xml", "robots.txt", "SHA256SUMS"} <= urls.RESERVED


def test_is_absolute():
    assert urls.is_absolute("https://example.org/a/") and urls.is_absolute("http://127.0.0.1/sub/")
    assert not urls.is_absolute("/") and not urls.is_absolute("/archive/")


def test_the_schemas_have_their_own_folder():
    from warcrime_archive import urls

    assert urls.schema_file("incident.schema.json") == "schema/incident.schema.json"
    assert "schema" in urls.RESERVED


segments = st.lists(st.sampled_from(["incidents", "a", "b", "ua", "kyiv-oblast", "x.html", ".", ".."]), max_size=4)
site_urls = st.tuples(segments, st.booleans(), st.sampled_from(["", "#h"])).map(
    lambda t: "/".join(t[0]) + ("/" if t[1] and t[0] else "") + t[2]
)


def posix_link(from_url: str, to_url: str) -> str:
    """The link as posixpath.relpath makes it (which asks the file system for the working folder)."""
    from_dir = from_url if from_url.endswith("/") or from_url == "" else posixpath.dirname(from_url)
    to_url, _, fragment = to_url.partition("#")
    link = posixpath.relpath(to_url.rstrip("/") or ".", from_dir.rstrip("/") or ".")
    if to_url.endswith("/") or to_url == "":
        link = "./" if link == "." else link + "/"
    return link + ("#" + fragment if fragment else "")


@given(site_urls, st.lists(site_urls, min_size=1, max_size=4))
def test_links_are_posixpath_relpath_without_the_filesystem(origin, targets):
    link = urls.linker(origin)
    for target in targets:
        assert link(target) == posix_link(origin, target)
