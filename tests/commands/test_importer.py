"""`warcrime-archive import` on a generated export shaped like real ones (never real data): 2,000 rows with
MM/DD/YYYY dates, coordinates as text, lists in one cell, empty cells, a duplicated id, a URL without a scheme and
a HIDDEN placeholder for withheld sources. Every bad row is reported by its number; the rest become valid records."""

from __future__ import annotations

import csv
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from repo_paths import DATA, MINIMAL

from warcrime_archive.commands import importer
from warcrime_archive.commands.import_mapping import Spec, read_mapping
from warcrime_archive.validate.config import read_config

MAPPING = DATA / "import" / "mapping.yaml"
COLUMNS = [
    "event_id",
    "date",
    "title",
    "description",
    "oblast",
    "town",
    "geo_precision",
    "latitude",
    "longitude",
    "actor",
    "killed",
    "injured",
    "no_casualties",
    "sources",
]
REGIONS = ["Kharkiv Oblast", "Donetsk Oblast", "Kherson Oblast", "Zaporizhzhia Oblast", "Sumy Oblast"]
# The rows planted with a problem (row numbers as a spreadsheet shows them: the header is row 1) and the message.
BAD = {
    18: "id: 'ex-15' is also the id of row 17",
    103: "sources: its only source is withheld (a record rests on at least one published source)",
    204: "sources: 'www.news.example/202' has no scheme (write https:// or http:// in the export, or set "
    "`add_scheme: https` in the mapping)",
    305: "date: '13/45/2022' is not a date in the format MM/DD/YYYY",
    406: "location.admin1: 'Kharkov Oblastt' is not a region of UA in ISO 3166-2 (did you mean 'Kharkiv Oblast'?)",
}


def export_rows(n: int = 2000, seed: int = 19) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        day = f"{rng.randint(1, 12):02}/{rng.randint(1, 28):02}/{rng.choice([2022, 2023, 2024])}"
        kind = rng.random()
        killed, injured, none = ("0", "0", "yes") if kind < 0.7 else (str(rng.randint(0, 3)), "", "")
        if kind >= 0.7 and killed == "0":
            injured = str(rng.randint(1, 4))
        urls = [f"https://news.example/{i}", "https://dataset.example/all"]
        if rng.random() < 0.2:
            urls.insert(1, "HIDDEN")
        row = {
            "event_id": str(i),
            "date": day,
            "title": f"Shelling reported in settlement {i}",
            "description": "Shelling is reported; the sources give what follows.",
            "oblast": rng.choice(REGIONS),
            "town": f"Settlement {i}" if rng.random() < 0.8 else "",
            "geo_precision": "2",
            "latitude": "",
            "longitude": "",
            "actor": rng.choice(["", "", "RU", "UA"]),
            "killed": killed,
            "injured": injured,
            "no_casualties": none,
            "sources": "; ".join(urls),
        }
        if not row["town"]:
            row["geo_precision"] = "3"
        if rng.random() < 0.1:
            row.update(oblast="Kyiv", town="Kyiv", geo_precision="1", latitude="50.4501", longitude="30.5234")
        rows.append(row)
    return rows


def planted(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The rows with the problems of BAD planted."""
    rows[16]["event_id"] = rows[15]["event_id"]  # row 18 repeats row 17's id
    rows[101]["sources"] = "HIDDEN"
    rows[202]["sources"] = "www.news.example/202"
    rows[303]["date"] = "13/45/2022"
    rows[404]["oblast"] = "Kharkov Oblastt"
    return rows


def write_export(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(MINIMAL, root)
    return root


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warcrime_archive", *args], cwd=cwd, capture_output=True, text=True)


def test_every_bad_row_is_reported_by_number_and_the_rest_are_valid_records(archive: Path, tmp_path: Path):
    export = write_export(tmp_path / "export.csv", planted(export_rows()))
    config, _ = read_config(archive)
    assert config is not None
    plan = importer.plan_import(importer.read_rows(export, read_mapping(MAPPING)), read_mapping(MAPPING), config)
    assert dict(plan.problems) == BAD
    assert len(plan.records) == 2000 - len(BAD)
    dry = run("import", "export.csv", "--mapping", str(MAPPING), "--root", "archive", "--dry-run", cwd=tmp_path)
    assert dry.returncode == 1
    assert dry.stderr.splitlines() == [f"export.csv: row {row}: {message}" for row, message in BAD.items()]
    assert dry.stdout == "2000 rows: 1995 records, 5 rows that cannot be imported; nothing written (--dry-run).\n"
    assert sorted(p.name for p in (archive / "incidents").iterdir()) == ["2022-03-29-dmytrivka-x.yaml"]
    done = run("import", "export.csv", "--mapping", str(MAPPING), "--root", "archive", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.startswith("2000 rows: 1995 records, 5 rows that cannot be imported; 1995 created, 0 updated")
    checked = run("validate", "--root", "archive", "--errors-only", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr[-2000:]
    assert checked.stdout.startswith("OK: 1996 records checked; 0 errors")


def test_an_imported_record_is_honest(archive: Path, tmp_path: Path):
    rows = export_rows(30)
    rows[3].update(actor="", killed="", injured="", no_casualties="", sources="https://a.example/3; HIDDEN")
    rows[4].update(actor="RU", killed="0", injured="0", no_casualties="yes", town="", geo_precision="3")
    run(
        "import",
        str(write_export(tmp_path / "x.csv", rows)),
        "--mapping",
        str(MAPPING),
        "--root",
        str(archive),
        cwd=tmp_path,
    )
    unknown = yaml.safe_load((archive / "incidents" / "ex-3.yaml").read_text())
    assert unknown["alleged_perpetrators"] == []  # the mapping says the data set does not attribute
    assert [g["count"] for g in unknown["victims"]] == [None, None]  # unknown counts stay unknown
    assert unknown["sources"] == [
        {
            "id": "s1",
            "url": "https://a.example/3",
            "title": "https://a.example/3",
            "outlet": "a.example",
            "type": "report",
        }
    ]  # the withheld source is left out
    assert unknown["date"]["sources"] == unknown["location"]["sources"] == ["s1"]
    damage_only = yaml.safe_load((archive / "incidents" / "ex-4.yaml").read_text())
    assert damage_only["victims"] == [] and damage_only["casualties"] == {"reported": "none", "sources": ["s1", "s2"]}
    assert damage_only["alleged_perpetrators"] == [{"side": "russia", "sources": ["s1", "s2"]}]
    assert "place" not in damage_only["location"] and damage_only["location"]["precision"] == "region"


def test_importing_again_updates_by_id_and_keeps_hand_edits(archive: Path, tmp_path: Path):
    rows = export_rows(5)
    export = write_export(tmp_path / "x.csv", rows)
    args = ("import", str(export), "--mapping", str(MAPPING), "--root", str(archive))
    assert "5 created, 0 updated, 0 unchanged, 0 edited by hand" in run(*args, cwd=tmp_path).stdout
    assert "0 created, 0 updated, 5 unchanged, 0 edited by hand" in run(*args, cwd=tmp_path).stdout
    edited = archive / "incidents" / "ex-1.yaml"
    edited.write_text(edited.read_text().replace("Shelling reported", "Shelling reported (checked)"))
    rows[2]["title"] = "A new title from the data set"
    write_export(export, rows)
    again = run(*args, cwd=tmp_path)
    assert "0 created, 1 updated, 3 unchanged, 1 edited by hand" in again.stdout
    assert (
        again.stderr == "incidents: ex-1: edited by hand since the last import: not overwritten (--overwrite would)\n"
    )
    assert "(checked)" in edited.read_text()
    assert "A new title from the data set" in (archive / "incidents" / "ex-2.yaml").read_text()
    forced = run(*args, "--overwrite", cwd=tmp_path)
    assert "(checked)" not in edited.read_text() and "overwritten (--overwrite)" in forced.stderr


def test_json_exports_and_transforms(tmp_path: Path):
    assert importer.value_of(Spec(column="n", number=True), {"n": " 50.4501 "}, "lat") == 50.4501
    assert importer.value_of(Spec(column="n", number=True), {"n": "3"}, "count") == 3
    assert importer.value_of(Spec(column="s", split=";"), {"s": "a; ;b"}, "x") == ["a", "b"]
    assert importer.value_of(Spec(column="s", default="d"), {"s": " "}, "x") == "d"
    assert importer.value_of(Spec(column="d", date_format="DD.MM.YYYY"), {"d": "02.05.2022"}, "date") == "2022-05-02"
    with pytest.raises(importer.RowError, match="the export has no column 'nope'"):
        importer.value_of(Spec(column="nope"), {}, "title")
    with pytest.raises(importer.RowError, match=r"title: 'x' is not in the mapping's lookup \(a, b\)"):
        importer.value_of(Spec(column="t", lookup={"a": "1", "b": "2"}), {"t": "x"}, "title")
    path = tmp_path / "x.json"
    path.write_text('[{"event_id": 1, "latitude": null}]')
    assert importer.read_rows(path, read_mapping(MAPPING)) == [{"event_id": "1", "latitude": ""}]
