import pytest

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


def test_the_schemas_have_their_own_folder():
    from warcrime_archive import urls

    assert urls.schema_file("incident.schema.json") == "schema/incident.schema.json"
    assert "schema" in urls.RESERVED
