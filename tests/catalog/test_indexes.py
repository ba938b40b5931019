"""The catalog of an archive: every index, in a stable order."""

from pathlib import Path

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.validate.load import load_archive

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"


def catalog_of(root: Path):
    loaded = load_archive(root)
    assert loaded.errors == []
    return build_catalog(loaded.archive)


def test_indexes_of_the_minimal_archive():
    catalog = catalog_of(MINIMAL)
    entry = catalog.entry("2022-03-29-dmytrivka-x")
    assert entry.url == "incidents/2022-03-29-dmytrivka-x/"
    assert entry.place_url == "places/ua/kyiv-oblast/dmytrivka/"
    assert [c.name for c in catalog.countries] == ["Ukraine"]
    region = catalog.countries[0].children[0]
    assert (region.name, region.code, region.url) == ("Kyiv Oblast", "UA-32", "places/ua/kyiv-oblast/")
    place = region.children[0]
    assert place.also_known_as == ("Dmitrovka",) and place.admin2 == ("Bucha Raion",)
    assert [s.source.title for s in catalog.sources] == ["T1"]
    assert [o.name for o in catalog.outlets] == ["O1"]
    assert [(n.key, len(n.entries), len(n.victim_entries)) for n in catalog.sides] == [
        ("russia", 0, 1),
        ("ukraine", 1, 0),
    ]
    assert [(n.key, len(n.entries)) for n in catalog.grades] == [("verified", 1), ("corroborated", 0), ("claimed", 0)]
    assert [n.key for n in catalog.years] == ["2022"]


def test_every_list_of_the_catalog_is_newest_first(sample_root):
    """Lists are sorted by the entries' rank in the archive, which must equal sorting them by their keys."""
    catalog = build_catalog(load_archive(sample_root).archive)
    lists = [catalog.entries]
    for group in (catalog.sides, catalog.grades, catalog.categories, catalog.years, catalog.tags):
        lists += [node.entries for node in group] + [node.victim_entries for node in group]
    lists += [node.entries for node in (*catalog.places_by_url.values(), *catalog.sources, *catalog.outlets)]
    assert sum(len(entries) for entries in lists) > 50  # 4 records, in 80 places of lists
    for entries in lists:
        assert list(entries) == sorted(entries, key=lambda e: e.sort_key, reverse=True)
        assert len({e.id for e in entries}) == len(entries)
