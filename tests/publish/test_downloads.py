"""The downloads: every file parses and holds exactly the public records, with nothing private in any of them."""

from __future__ import annotations

import csv
import gc
import gzip
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from repo_paths import MINIMAL

from warcrime_archive import urls
from warcrime_archive.build import build_site
from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.model.schema import incident_schema
from warcrime_archive.publish import downloads
from warcrime_archive.validate.load import load_archive

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"
PLANTS = ("PLANT-PRIVATE-NOTE", "PLANT-FILE.mp4", "A B", "C D", "50.4123", "30.1234", "road by the PLANT-DETAIL")


def make_archive(root: Path) -> Path:
    """The minimal archive with its record marked personal-information (named victims, fine coordinates,
    a private note and a withheld file), and a second, public record placed by published coordinates."""
    shutil.copytree(MINIMAL, root)
    path = root / RECORD
    record = yaml.safe_load(path.read_text())
    record["location"].update(
        precision="exact", coordinates={"lat": 50.4123, "lon": 30.1234}, detail="road by the PLANT-DETAIL"
    )
    record["private"] = {"notes": "PLANT-PRIVATE-NOTE"}
    record["sensitivity"] = ["personal-information"]
    record["evidence"] = [{"description": "Video", "file": "/vault/PLANT-FILE.mp4", "custodian": "team"}]
    path.write_text(yaml.safe_dump(record))
    second = {
        **record,
        "title": "Shelling reported in a village of Kharkiv Oblast",
        "date": "2023-05-02",
        "location": {
            "place": "Testove",
            "admin1": "Kharkiv Oblast",
            "country": "UA",
            "precision": "exact",
            "coordinates": {"lat": 49.9, "lon": 36.3},
        },
        "victims": [{"side": "ukraine", "status": "unknown", "harm": "killed", "count": None}],
        "sources": record["sources"]
        + [{"url": "https://b.example/2", "title": "T2", "outlet": "O2", "type": "news-article"}],
        "sensitivity": [],
        "evidence": [],
        "private": None,
        "first_reported": None,  # the first record's report date is before this incident
    }
    (root / "incidents" / "2023-05-02-testove.yaml").write_text(yaml.safe_dump(second))
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("downloads")
    out = tmp / "site"
    build_site(make_archive(tmp / "archive"), out)
    return out


IDS = ["2022-03-29-dmytrivka-x", "2023-05-02-testove"]


def read_csv(site: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / "data" / name).read_bytes().decode("utf-8"), newline="")))


def test_json_holds_exactly_the_public_records(site: Path):
    records = json.loads((site / "data" / "incidents.json").read_text("utf-8"))
    assert [r["id"] for r in records] == IDS
    assert [r["url"] for r in records] == [f"incidents/{i}/" for i in IDS]
    personal = records[0]
    assert "private" not in personal and "file" not in personal["evidence"][0]
    assert personal["victims"][0]["people"] == []
    assert personal["location"]["coordinates"] is None and personal["location"]["precision"] == "settlement"
    for record in records:
        assert json.loads((site / "incidents" / record["id"] / "record.json").read_text("utf-8")) == record


def test_csv_files_have_one_row_per_record_group_and_source(site: Path):
    incidents = read_csv(site, "incidents.csv")
    assert [r["id"] for r in incidents] == IDS
    assert list(incidents[0]) == [c.name for c in downloads.INCIDENT_COLUMNS]
    assert incidents[0]["lat"] == "" and incidents[1]["lat"] == "49.9" and incidents[1]["lon"] == "36.3"
    assert incidents[0]["date_from"] == "2022-03-29" and incidents[0]["date_to"] == "2022-03-30"
    assert (incidents[0]["victims_min"], incidents[0]["victims_max"]) == ("1", "2")
    assert (incidents[1]["victims_min"], incidents[1]["victims_max"]) == ("", "")  # a count is unknown
    assert incidents[0]["date_approximate"] == "false" and incidents[0]["tags"] == "pow"
    victims = read_csv(site, "victims.csv")
    assert [(v["incident_id"], v["group"], v["count_min"]) for v in victims] == [(IDS[0], "1", "1"), (IDS[1], "1", "")]
    sources = read_csv(site, "sources.csv")
    assert [(s["incident_id"], s["position"], s["url"]) for s in sources] == [
        (IDS[0], "1", "https://a.example/1"),
        (IDS[1], "1", "https://a.example/1"),
        (IDS[1], "2", "https://b.example/2"),
    ]


def test_geojson_has_a_feature_per_record_and_a_point_only_where_coordinates_may_be_shown(site: Path):
    collection = json.loads((site / "data" / "incidents.geojson").read_text("utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == IDS
    assert [f["geometry"] for f in collection["features"]] == [None, {"type": "Point", "coordinates": [36.3, 49.9]}]
    assert all(f["type"] == "Feature" and f["properties"]["title"] for f in collection["features"])


def test_datapackage_describes_every_file_and_its_schema_matches_the_csv(site: Path):
    """Checked by hand against the Data Package and Table Schema specs (v1)."""
    folder = site / "data"
    package = json.loads((folder / "datapackage.json").read_text("utf-8"))
    assert package["name"] == "warcrime-archive-data" and package["profile"] == "data-package"
    names = [r["name"] for r in package["resources"]]
    assert len(set(names)) == len(names)
    assert sorted(r["path"] for r in package["resources"]) == sorted(
        p.name for p in folder.iterdir() if p.suffix in (".csv", ".json", ".geojson") and p.name != "datapackage.json"
    )
    keys: dict[str, set[tuple[str, ...]]] = {}
    for resource in package["resources"]:
        if resource["format"] != "csv":
            json.loads((folder / resource["path"]).read_text("utf-8"))
            continue
        schema = resource["schema"]
        rows = read_csv(site, resource["path"])
        assert list(rows[0]) == [f["name"] for f in schema["fields"]]
        for field in schema["fields"]:
            assert field["type"] in ("string", "integer", "number", "boolean") and field["description"]
            for row in rows:
                value = row[field["name"]]
                if value and field["type"] == "integer":
                    int(value)
                elif value and field["type"] == "number":
                    float(value)
                elif value and field["type"] == "boolean":
                    assert value in ("true", "false")
        primary = [tuple(row[k] for k in schema["primaryKey"]) for row in rows]
        assert len(set(primary)) == len(primary), resource["name"]
        keys[resource["name"]] = set(primary)
        for foreign in schema.get("foreignKeys", []):
            target = foreign["reference"]["resource"]
            assert {(row[foreign["fields"]],) for row in rows} <= keys[target]


def test_no_private_value_or_protected_name_reaches_any_built_file(site: Path):
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            # Pagefind's search index files are gzip-compressed
            text = (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).decode("utf-8", "replace")
            for plant in PLANTS:
                assert plant not in text, (path, plant)


def test_sha256sums_covers_every_data_file_and_passes_sha256sum_check(site: Path, tmp_path: Path):
    listed = [line.split("  ", 1)[1] for line in (site / "SHA256SUMS").read_text().splitlines()]
    data = sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file()
        and p.suffix in (".json", ".csv", ".geojson", ".bib", ".xml")
        and not p.relative_to(site).as_posix().startswith(urls.SEARCH_BUNDLE)  # the search index, not data
    )
    assert listed == data
    assert "feed.xml" in listed and "data/incidents.csv" in listed
    done = subprocess.run(["sha256sum", "--strict", "-c", "SHA256SUMS"], cwd=site, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    copy = tmp_path / "copy"
    shutil.copytree(site, copy)
    (copy / "data" / "incidents.csv").write_text("tampered\n")
    done = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=copy, capture_output=True, text=True)
    assert done.returncode == 1 and "data/incidents.csv: FAILED" in done.stdout


def test_record_version_is_the_short_sha256_of_the_public_json_and_changes_with_it(tmp_path: Path):
    root = make_archive(tmp_path / "a")
    entry = build_catalog(load_archive(root).archive).by_id[IDS[1]]
    version = downloads.record_version(entry)
    assert len(version) == 12 and int(version, 16) >= 0
    changed = entry.incident.model_copy(update={"title": "Another title"})
    other = type(entry)(**{**entry.__dict__, "incident": changed})
    assert downloads.record_version(other) != version


def test_citations_in_bibtex_and_csl_json(tmp_path: Path):
    root = make_archive(tmp_path / "a")
    (root / "archive.yaml").write_text(
        (root / "archive.yaml").read_text().replace("Test archive", "Test & 100% archive")
    )
    out = tmp_path / "site"
    build_site(root, out)
    entry = build_catalog(load_archive(root).archive).by_id[IDS[1]]
    version = downloads.record_version(entry)
    folder = out / "incidents" / IDS[1]
    assert (folder / "record.bib").read_text() == (
        "@misc{2023-05-02-testove,\n"
        "  title = {Shelling reported in a village of Kharkiv Oblast},\n"
        "  author = {{Test \\& 100\\% archive}},\n"
        "  howpublished = {Test \\& 100\\% archive},\n"
        "  url = {https://example.org/a/incidents/2023-05-02-testove/},\n"
        f"  version = {{{version}}},\n"
        "  note = {Record 2023-05-02-testove. An alleged incident, not a finding of guilt},\n"
        "}\n"
    )
    [item] = json.loads((folder / "record.csl.json").read_text())
    assert item["URL"] == "https://example.org/a/incidents/2023-05-02-testove/"
    assert (item["type"], item["version"], item["author"]) == ("webpage", version, [{"literal": "Test & 100% archive"}])
    assert "issued" not in item  # no git history: no date is made up
    page = (folder / "index.html").read_text()
    assert f"Record 2023-05-02-testove, version {version}." in page
    assert 'href="record.bib"' in page and 'href="record.csl.json"' in page and 'href="record.json"' in page


def test_the_downloads_page_documents_every_file_and_column(tmp_path: Path):
    out = tmp_path / "site"
    build_site(make_archive(tmp_path / "a"), out)
    page = (out / "data" / "index.html").read_text()
    for name in ("incidents.csv", "victims.csv", "sources.csv", "incidents.json", "incidents.geojson"):
        assert f'href="{name}"' in page
    assert 'href="datapackage.json"' in page and 'href="../SHA256SUMS"' in page and 'href="../feed.xml"' in page
    for table in downloads.TABLES:
        for column in table.columns:
            assert f"<code>{column.name}</code>" in page, column.name


FORMULAS = {
    "title": '=HYPERLINK("https://evil.example/","click")',
    "summary": "+1+cmd|' /C calc'!A0",
    "place": "-2+3",
    "admin2": "@SUM(1+1)*cmd|' /C calc'!A0",
    "description": "\t=1+1",
    "source_title": "\r=1+1",
    "outlet": "=cmd|' /C calc'!A0",
}


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_get_a_quote_and_json_keeps_them_exact(tmp_path: Path):
    root = shutil.copytree(MINIMAL, tmp_path / "archive")
    path = root / RECORD
    record = yaml.safe_load(path.read_text())
    record.update(title=FORMULAS["title"], summary=FORMULAS["summary"])
    record["location"].update(place=FORMULAS["place"], admin2=FORMULAS["admin2"])
    record["location"].update(precision="exact", coordinates={"lat": -33.5, "lon": -70.25})
    record["victims"][0]["description"] = FORMULAS["description"]
    record["sources"][0].update(title=FORMULAS["source_title"], outlet=FORMULAS["outlet"])
    path.write_text(yaml.safe_dump(record))
    site = tmp_path / "site"
    build_site(root, site)
    (incident,) = read_csv(site, "incidents.csv")
    assert [incident[c] for c in ("title", "summary", "place", "admin2")] == [
        "'" + FORMULAS[c] for c in ("title", "summary", "place", "admin2")
    ]
    assert (incident["lat"], incident["lon"]) == ("-33.5", "-70.25")  # numbers are left alone
    assert incident["id"] == "2022-03-29-dmytrivka-x" and incident["date_from"] == "2022-03-29"
    (victim,) = read_csv(site, "victims.csv")
    assert victim["description"] == "'\t=1+1"
    (source,) = read_csv(site, "sources.csv")
    assert (source["title"], source["outlet"]) == ("'\r=1+1", "'" + FORMULAS["outlet"])
    assert source["url"] == "https://a.example/1"
    (published,) = json.loads((site / "data" / "incidents.json").read_text("utf-8"))
    assert (published["title"], published["summary"]) == (FORMULAS["title"], FORMULAS["summary"])
    assert published["victims"][0]["description"] == FORMULAS["description"]
    assert published["sources"][0]["title"] == FORMULAS["source_title"]
    geojson = json.loads((site / "data" / "incidents.geojson").read_text("utf-8"))
    assert geojson["features"][0]["properties"]["title"] == FORMULAS["title"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=1", "a=1"),
        ("", ""),
        (-33.5, -33.5),
        (-1, -1),
        (True, True),
    ],
)
def test_defused_quotes_only_text_that_starts_like_a_formula(value, expected):
    assert downloads.defused(value) == expected


def catalog_of(root: Path):
    return build_catalog(load_archive(root).archive)


def test_archive_files_and_each_records_files_make_up_data_files(tmp_path: Path):
    catalog = catalog_of(make_archive(tmp_path / "a"))
    aggregate = downloads.archive_files(catalog)
    assert sorted(aggregate) == [
        "data/datapackage.json",
        "data/incidents.csv",
        "data/incidents.geojson",
        "data/incidents.json",
        "data/sources.csv",
        "data/victims.csv",
    ]
    union = dict(aggregate)
    for entry in catalog.entries:
        own = downloads.record_files(catalog.config, entry)
        assert sorted(own) == [f"incidents/{entry.id}/record.{n}" for n in ("bib", "csl.json", "json")]
        assert not union.keys() & own.keys()
        union.update(own)
    files = downloads.data_files(catalog)
    assert files == union and list(files) == sorted(files)
    # incidents.json is the array of the records' own record.json
    assert json.loads(files["data/incidents.json"]) == [json.loads(files[f"incidents/{i}/record.json"]) for i in IDS]


def test_a_records_files_do_not_depend_on_the_other_records(tmp_path: Path):
    both = make_archive(tmp_path / "both")
    alone = make_archive(tmp_path / "alone")
    (alone / RECORD).unlink()
    [entry] = catalog_of(alone).entries
    other = catalog_of(both).by_id[entry.id]
    assert entry.id == IDS[1] and entry is not other
    files = downloads.record_files(catalog_of(alone).config, entry)
    assert files == downloads.record_files(catalog_of(both).config, other)
    assert (
        json.loads(files[f"incidents/{IDS[1]}/record.json"])["title"]
        == "Shelling reported in a village of Kharkiv Oblast"
    )
    # while the aggregate downloads do change
    assert downloads.archive_files(catalog_of(alone)) != downloads.archive_files(catalog_of(both))


def test_each_records_published_forms_are_made_once_and_forgotten_with_its_entry(tmp_path: Path):
    catalog = catalog_of(make_archive(tmp_path / "a"))
    entry = catalog.by_id[IDS[1]]
    assert downloads.published(entry) is downloads.published(entry)
    assert downloads.record_files(catalog.config, entry)[f"incidents/{IDS[1]}/record.json"] == (
        json.dumps(downloads.public_record(entry), ensure_ascii=False, indent=2) + "\n"
    )
    key = id(entry)
    assert key in downloads._PUBLISHED
    del entry, catalog
    gc.collect()
    assert key not in downloads._PUBLISHED  # a server rebuilding again and again keeps no old records


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=12,
)


def floats_in(value) -> list[float]:
    if isinstance(value, float):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [f for item in value for f in floats_in(item)] if isinstance(value, list) else []


@pytest.mark.slow
@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(value=JSON_VALUES)
def test_the_fast_json_is_the_json_modules_byte_for_byte(value):
    floats = floats_in(value)
    assert downloads.json_text(value, floats) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    assert downloads.json_text(value, floats, indent=1) == json.dumps(value, ensure_ascii=False, indent=1) + "\n"
    assert downloads._canonical(value, floats) == json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")
    texts = [downloads.json_text(item, floats_in(item)) for item in (value if isinstance(value, list) else [value])]
    items = value if isinstance(value, list) else [value]
    assert downloads._json_array(texts) == json.dumps(items, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize(
    "value", [5e-05, -1e-300, 1e16, 1.5e300, 0.0001, -0.0, 9999999999999998.0, 2**64, -(2**63) - 1, "\u2028\x7f\x1f"]
)
def test_the_fast_json_writes_floats_and_integers_at_the_edges_as_json_does(value):
    expected = json.dumps({"v": [value]}, ensure_ascii=False, indent=2) + "\n"
    assert downloads.json_text({"v": [value]}, floats_in(value)) == expected
    expected = json.dumps({"v": [value], "w": {"x": [" a\n b"]}}, ensure_ascii=False, indent=1) + "\n"
    assert downloads.json_text({"v": [value], "w": {"x": [" a\n b"]}}, floats_in(value), indent=1) == expected


def test_the_coordinates_are_the_only_numbers_in_a_record_that_need_not_be_whole():
    """The published JSON is written by orjson only when the floats named by `downloads._floats` (the
    coordinates) are ones it writes as the json module does: a new float field must be named there too."""

    def numbers(node, path):
        if isinstance(node, dict):
            kinds = node.get("type")
            if kinds == "number" or (isinstance(kinds, list) and "number" in kinds):
                yield path
            for key, child in node.items():
                yield from numbers(child, (*path, key))
        elif isinstance(node, list):
            for child in node:
                yield from numbers(child, path)

    assert list(numbers(incident_schema(), ())) == [
        ("$defs", "Coordinates", "properties", "lat"),
        ("$defs", "Coordinates", "properties", "lon"),
    ]


def test_coordinates_that_orjson_would_write_otherwise_are_published_as_before(tmp_path: Path):
    root = make_archive(tmp_path / "a")
    second = root / "incidents" / "2023-05-02-testove.yaml"
    second.write_text(second.read_text().replace("lat: 49.9", "lat: 0.00005").replace("lon: 36.3", "lon: -0.00002"))
    files = downloads.data_files(catalog_of(root))
    record = files[f"incidents/{IDS[1]}/record.json"]
    assert '"lat": 5e-05,\n' in record and '"lon": -2e-05\n' in record
    assert json.loads(record)["location"]["coordinates"] == {"lat": 5e-05, "lon": -2e-05}
    assert '"lat": 5e-05,\n' in files["data/incidents.json"]
    assert '"coordinates": [\n          -2e-05,\n          5e-05\n        ]' in files["data/incidents.geojson"]
    assert "5e-05" in files["data/incidents.csv"]
