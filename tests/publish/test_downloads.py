"""The downloads over every record: every file parses and holds exactly the public records, with nothing private in
any of them."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from pathlib import Path

from planted_archive import IDS, PLANTS, catalog_of, make_archive, read_csv

from warcrime_archive import urls
from warcrime_archive.build import build_site
from warcrime_archive.model.outlines import representative_point
from warcrime_archive.publish import downloads
from warcrime_archive.publish.record_files import record_files
from warcrime_archive.publish.tables import TABLES


def test_json_holds_exactly_the_public_records(site: Path):
    records = json.loads((site / "data" / "incidents.json").read_text("utf-8"))
    assert [r["id"] for r in records] == IDS
    # each record's permanent address, from base_url
    assert [r["url"] for r in records] == [f"https://example.org/a/incidents/{i}/" for i in IDS]
    personal = records[0]
    assert "private" not in personal and "file" not in personal["evidence"][0]
    assert personal["victims"][0]["people"] == []
    assert personal["location"]["coordinates"] is None and personal["location"]["precision"] == "settlement"
    for record in records:
        assert json.loads((site / "incidents" / record["id"] / "record.json").read_text("utf-8")) == record


def test_geojson_has_a_feature_per_record_at_its_coordinates_or_its_regions_point_saying_which(site: Path):
    collection = json.loads((site / "data" / "incidents.geojson").read_text("utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == IDS
    personal, placed = collection["features"]
    # the personal-information record's coordinates are not published: its region's representative point stands in,
    # and says so
    kind, lon, lat = representative_point("UA", "UA-32")
    assert kind == "region"
    assert personal["geometry"] == {"type": "Point", "coordinates": [lon, lat]}
    assert personal["properties"]["geometry_represents"] == "region"
    assert placed["geometry"] == {"type": "Point", "coordinates": [36.3, 49.9]}
    assert placed["properties"]["geometry_represents"] == "coordinates"
    assert [f["properties"]["url"] for f in collection["features"]] == [
        f"https://example.org/a/incidents/{i}/" for i in IDS
    ]
    assert all(f["type"] == "Feature" and f["properties"]["title"] for f in collection["features"])


def test_a_site_without_a_host_gives_each_record_its_address_from_the_hosts_root(tmp_path: Path):
    root = make_archive(tmp_path / "a")
    config = root / "archive.yaml"
    config.write_text(config.read_text("utf-8").replace("https://example.org/a/", "/a/"), "utf-8")
    build_site(root, tmp_path / "site", history=False)
    records = json.loads((tmp_path / "site" / "data" / "incidents.json").read_text("utf-8"))
    assert [r["url"] for r in records] == [f"/a/incidents/{i}/" for i in IDS]


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
        header = (folder / resource["path"]).read_text("utf-8").split("\n", 1)[0]
        assert header.split(",") == [f["name"] for f in schema["fields"]]
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
        and not p.relative_to(site).as_posix().startswith(urls.EXPLORE_DATA)  # what the explore view reads
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


def test_the_downloads_page_documents_every_file_and_column(tmp_path: Path):
    out = tmp_path / "site"
    build_site(make_archive(tmp_path / "a"), out)
    page = (out / "data" / "index.html").read_text()
    for name in ("incidents.csv", "victims.csv", "sources.csv", "incidents.json", "incidents.geojson"):
        assert f'href="{name}"' in page
    assert 'href="datapackage.json"' in page and 'href="../SHA256SUMS"' in page and 'href="../feed.xml"' in page
    for table in TABLES:
        for column in table.columns:
            assert f"<code>{column.name}</code>" in page, column.name


def data_files(catalog) -> dict[str, str]:
    """Every download and every record's own files, by output path."""
    files = downloads.archive_files(catalog)
    for entry in catalog.entries:
        files.update(record_files(catalog.config, entry))
    return files


def test_the_downloads_over_every_record_and_each_records_own_files_do_not_overlap(tmp_path: Path):
    catalog = catalog_of(make_archive(tmp_path / "a"))
    aggregate = downloads.archive_files(catalog)
    assert sorted(aggregate) == [
        "data/claims.csv",
        "data/damage.csv",
        "data/datapackage.json",
        "data/incidents.csv",
        "data/incidents.geojson",
        "data/incidents.json",
        "data/sources.csv",
        "data/victims.csv",
        "data/withdrawals.csv",
    ]
    union = dict(aggregate)
    for entry in catalog.entries:
        own = record_files(catalog.config, entry)
        assert sorted(own) == [f"incidents/{entry.id}/record.{n}" for n in ("bib", "csl.json", "json")]
        assert not union.keys() & own.keys()
        union.update(own)
    files = data_files(catalog)
    assert files == union
    # incidents.json is the array of the records' own record.json
    assert json.loads(files["data/incidents.json"]) == [json.loads(files[f"incidents/{i}/record.json"]) for i in IDS]


def test_coordinates_that_orjson_would_write_otherwise_are_published_as_before(tmp_path: Path):
    root = make_archive(tmp_path / "a")
    second = root / "incidents" / "2023-05-02-testove.yaml"
    text = second.read_text().replace("lat: 49.9", "lat: 0.00005").replace("lon: 36.3", "lon: -0.00002")
    second.write_text(re.sub(r"( +)lon: -0.00002\n", r"\g<0>\1outside_region: A test of tiny numbers.\n", text))
    files = data_files(catalog_of(root))
    record = files[f"incidents/{IDS[1]}/record.json"]
    assert '"lat": 5e-05,\n' in record and '"lon": -2e-05,\n' in record
    assert json.loads(record)["location"]["coordinates"] == {
        "lat": 5e-05,
        "lon": -2e-05,
        "outside_region": "A test of tiny numbers.",
    }
    assert '"lat": 5e-05,\n' in files["data/incidents.json"]
    assert '"coordinates": [\n          -2e-05,\n          5e-05\n        ]' in files["data/incidents.geojson"]
    assert "5e-05" in files["data/incidents.csv"]
