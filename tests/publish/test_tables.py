"""The CSV text: cells a spreadsheet would run as formulas are defused, everything else is kept exact."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml
from planted_archive import RECORD, read_csv
from repo_paths import MINIMAL

from warcrime_archive.build import build_site
from warcrime_archive.publish.tables import csv_lines, defused

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
    record["location"].update(
        precision="exact", coordinates={"lat": -33.5, "lon": -70.25, "outside_region": "A test of negative numbers."}
    )
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
    assert defused(value) == expected


def test_a_cell_holding_a_lone_carriage_return_is_quoted_so_readers_keep_its_row_whole():
    text = csv_lines([["a\rb", 1, True], ["plain", -2.5, False]])
    assert text == '"a\rb","1","true"\nplain,-2.5,false\n'
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["a\rb", "1", "true"], ["plain", "-2.5", "false"]]
