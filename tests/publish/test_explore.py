"""The explore view's data: a summary that counts every record, and the records in chunks, newest first, as
columns; nothing private in either."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from planted_archive import IDS, catalog_of, make_archive

from warcrime_archive.model.outlines import representative_point
from warcrime_archive.publish import explore


def files(catalog) -> dict[str, object]:
    return {
        path.removeprefix("explore/data/"): json.loads(text) for path, text in explore.explore_files(catalog).items()
    }


def test_the_summary_counts_every_record_by_each_facet_and_month(many_catalog, monkeypatch):
    monkeypatch.setattr(explore, "FIRST_CHUNK", 10)
    monkeypatch.setattr(explore, "CHUNK", 50)
    catalog = many_catalog(120)
    data = files(catalog)
    summary = data["summary.json"]
    assert summary["total"] == 120
    assert summary["chunks"] == [
        {"file": "records-0.json", "count": 10},
        {"file": "records-1.json", "count": 50},
        {"file": "records-2.json", "count": 50},
        {"file": "records-3.json", "count": 10},
    ]
    assert sorted(data) == ["records-0.json", "records-1.json", "records-2.json", "records-3.json", "summary.json"]
    facets = {f["name"]: f for f in summary["facets"]}
    assert list(facets) == ["side", "victims", "grade", "category", "region", "harm", "year"]
    assert facets["grade"]["options"] == [
        ["verified", "Verified"],
        ["corroborated", "Corroborated"],
        ["claimed", "Claimed"],
    ]
    assert summary["counts"]["side"] == [0, 120]  # Russia, Ukraine: every copy is alleged against Ukraine
    assert summary["counts"]["harm"] == [120] and facets["harm"]["options"] == [["killed", "killed"]]
    # records 1 to 120 happened on the 120 days after 1 January 2022: 30 in January, 28, 31, 30, then 1 in May
    assert summary["months"] == {"first": "2022-01", "counts": [30, 28, 31, 30, 1]}
    [(country, kind, lon, lat, url)] = summary["regions"]
    assert (country, kind, [lon, lat], url) == (
        "UA",
        "region",
        list(representative_point("UA", "UA-32")[1:]),
        "places/ua/kyiv-oblast/",
    )
    ids = [i for n in range(4) for i in data[f"records-{n}.json"]["id"]]
    assert ids == [e.id for e in catalog.entries]  # every record once, newest first


def test_each_chunk_holds_its_records_as_columns_with_choices_by_position(tmp_path: Path):
    catalog = catalog_of(make_archive(tmp_path / "a"))
    data = files(catalog)
    [chunk] = [data["records-0.json"]]
    facets = {f["name"]: [key for key, _ in f["options"]] for f in data["summary.json"]["facets"]}
    newest, oldest = [catalog.by_id[i] for i in chunk["id"]]
    assert chunk["id"] == [IDS[1], IDS[0]] and chunk["title"][0] == newest.incident.title
    assert (chunk["from"], chunk["to"]) == (["2023-05-02", "2022-03-29"], ["2023-05-02", "2022-03-30"])
    assert [facets["region"][n] for n in chunk["region"]] == ["ua/kharkiv-oblast", "ua/kyiv-oblast"]
    assert [[facets["side"][n] for n in sides] for sides in chunk["side"]] == [["ukraine"], ["ukraine"]]
    assert [[facets["victims"][n] for n in sides] for sides in chunk["victims"]] == [["ukraine"], ["russia"]]
    assert chunk["victimsText"][1] == "1 to 2 killed"
    # the personal-information record's fine coordinates are not published: it is drawn by its region
    assert (chunk["lat"], chunk["lon"]) == ([49.9, None], [36.3, None])
    assert chunk["precision"] == ["exact", "settlement"]
    assert data["summary.json"]["drawnAt"] == ["exact", "near", "settlement", "district"]


def test_a_victims_side_left_unknown_is_a_choice_of_its_own(tmp_path: Path):
    root = make_archive(tmp_path / "a")
    path = root / "incidents" / "2023-05-02-testove.yaml"
    record = yaml.safe_load(path.read_text("utf-8"))
    record["victims"][0]["side"] = None
    path.write_text(yaml.safe_dump(record), "utf-8")
    catalog = catalog_of(root)
    [victims] = [f for f in explore.facets(catalog) if f.name == "victims"]
    assert victims.options[-1] == ("unknown", "unknown")
    chunk = files(catalog)["records-0.json"]
    assert chunk["victims"][0] == [len(victims.options) - 1]


def test_an_archive_without_records_has_a_summary_and_no_chunk(tmp_path: Path):
    root = make_archive(tmp_path / "a")
    for path in (root / "incidents").glob("*.yaml"):
        path.unlink()
    loaded_files = files(catalog_of(root))
    assert list(loaded_files) == ["summary.json"]
    assert loaded_files["summary.json"]["total"] == 0 and loaded_files["summary.json"]["chunks"] == []
