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


segments = st.lists(st.sampled_from(["incidents", "a", "b", "ua", "kyiv-oblast", "x.html", "."]), max_size=4)


@given(segments, segments)
def test_relpath_is_posixpath_relpath_without_the_filesystem(path, start):
    path_text, start_text = "/".join(path) or ".", "/".join(start) or "."
    assert urls._relpath(path_text, start_text) == posixpath.relpath(path_text, start_text)
