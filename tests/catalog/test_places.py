"""Countries, regions and places, each with the incidents in or under it."""

import shutil

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.validate.load import load_archive

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"


def test_an_incident_known_only_to_its_region_is_listed_there_and_has_no_place(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    text = (root / RECORD).read_text()
    other = text.replace("place: Dmytrivka, ", "place: null, ").replace(
        "also_known_as: [Dmitrovka]", "also_known_as: []"
    )
    assert other != text
    (root / "incidents" / "2022-03-01-region.yaml").write_text(other.replace("2022-03-29", "2022-03-01"))
    catalog = build_catalog(load_archive(root).archive)
    [country] = catalog.countries
    [region] = country.children
    assert [e.id for e in region.entries] == ["2022-03-29-dmytrivka-x", "2022-03-01-region"]
    assert [p.name for p in region.children] == ["Dmytrivka"]
    assert [e.id for e in region.children[0].entries] == ["2022-03-29-dmytrivka-x"]
    assert catalog.entry("2022-03-01-region").place_url == region.url
    assert country.entries == region.entries and country.parent_url is None and region.parent_url == country.url
    assert set(catalog.places_by_url) == {country.url, region.url, region.children[0].url}
