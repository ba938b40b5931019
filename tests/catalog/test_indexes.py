import shutil
from pathlib import Path

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog, public_incident
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


def test_a_window_across_years_is_listed_in_each(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    path = root / RECORD
    path.write_text(path.read_text().replace('to: "2022-03-30"', 'to: "2023-01-02"'))
    assert [n.key for n in catalog_of(root).years] == ["2023", "2022"]


def test_private_parts_never_reach_the_catalog(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    path = root / RECORD
    text = path.read_text().replace("precision: near,", "precision: exact, coordinates: {lat: 50.41, lon: 30.12},")
    text += (
        "private: {notes: SECRET-NOTE}\nsensitivity: [personal-information]\n"
        "evidence:\n  - {description: Video, file: /vault/SECRET-FILE.mp4, custodian: team}\n"
    )
    path.write_text(text)
    loaded = load_archive(root)
    raw = loaded.archive.records[0].incident
    assert raw.private == {"notes": "SECRET-NOTE"} and raw.victims[0].people
    public = build_catalog(loaded.archive).entries[0].incident
    assert public.private is None
    assert public.victims[0].people == []
    assert public.location.coordinates is None and public.location.precision.value == "settlement"
    assert public.evidence[0].file is None and public.evidence[0].description == "Video"
    assert public_incident(raw) == public


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


def test_a_record_naming_a_side_twice_is_listed_once_on_its_page(tmp_path):
    """Two alleged perpetrators (or two victim groups) of the same side: one entry in that side's lists."""
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    path = root / RECORD
    text = path.read_text()
    text = text.replace(
        "alleged_perpetrators: [{side: ukraine, unit: Unknown, attribution: suspected}]",
        "alleged_perpetrators: [{side: ukraine, unit: Unknown, attribution: suspected},"
        " {side: ukraine, unit: Another, attribution: suspected}]",
    )
    victims = "  - {side: russia, status: unknown, harm: killed, count: {min: 1, max: 2}, people: [{name: A B, also_reported_as: [C D]}]}\n"
    assert victims in text
    text = text.replace(victims, victims + "  - {side: russia, status: unknown, harm: wounded, count: 3}\n")
    path.write_text(text)
    catalog = catalog_of(root)
    sides = {node.key: node for node in catalog.sides}
    assert [e.id for e in sides["ukraine"].entries] == ["2022-03-29-dmytrivka-x"]
    assert [e.id for e in sides["russia"].victim_entries] == ["2022-03-29-dmytrivka-x"]
    assert sides["russia"].entries == () and sides["ukraine"].victim_entries == ()
