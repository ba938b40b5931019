"""The JSON Schemas: committed and fresh, accept the sample records, refuse typos, describe every field."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from repo_paths import REPO

from warcrime_archive.model.schema import FILES, archive_schema, incident_schema, schemas
from warcrime_archive.read.yaml_reader import read_yaml

RECORDS = sorted((REPO / "incidents").glob("*.yaml"))


def _data(path: Path):
    doc, problems = read_yaml(path, path.name)
    assert problems == [] and doc is not None
    return doc.data


def test_the_committed_schemas_are_fresh():
    for name, text in schemas().items():
        committed = (REPO / "schema" / name).read_text(encoding="utf-8")
        assert committed == text, f"schema/{name} is stale: run `warcrime-archive schema` and commit schema/"


def test_the_schemas_are_valid_json_schemas():
    for schema in (incident_schema(), archive_schema()):
        jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.stem)
def test_every_sample_record_is_valid_against_the_schema(path):
    assert RECORDS
    validator = jsonschema.Draft202012Validator(incident_schema())
    assert [e.message for e in validator.iter_errors(_data(path))] == []


def test_the_sample_settings_are_valid_against_the_schema():
    validator = jsonschema.Draft202012Validator(archive_schema())
    assert [e.message for e in validator.iter_errors(_data(REPO / "archive.yaml"))] == []


def test_a_typo_in_a_field_name_is_refused():
    data = _data(RECORDS[0])
    data["sumary"] = data.pop("summary")
    errors = sorted(e.message for e in jsonschema.Draft202012Validator(incident_schema()).iter_errors(data))
    assert errors == [
        "'summary' is a required property",
        "Additional properties are not allowed ('sumary' was unexpected)",
    ]


@pytest.mark.parametrize(
    ("date", "valid"),
    [("2022-03-30", True), ("2022-03", True), ("2022", True), (2022, True), ("30 March 2022", False), ("22-03", False)],
)
def test_dates_are_written_as_validation_accepts_them(date, valid):
    data = _data(RECORDS[0])
    data["date"] = date
    data["first_reported"] = date
    assert jsonschema.Draft202012Validator(incident_schema()).is_valid(data) is valid


def test_a_date_window_needs_both_ends_and_not_at():
    validator = jsonschema.Draft202012Validator(incident_schema())
    data = _data(RECORDS[0])
    for date, valid in [
        ({"from": "2022-03-29", "to": "2022-03-30"}, True),
        ({"at": "2022-03-29"}, True),
        ({"from": "2022-03-29"}, False),
        ({"at": "2022-03-29", "to": "2022-03-30"}, False),
    ]:
        data["date"] = date
        assert validator.is_valid(data) is valid, date


def test_counts_are_numbers_ranges_or_null():
    validator = jsonschema.Draft202012Validator(incident_schema())
    data = _data(RECORDS[0])
    for count, valid in [(3, True), ({"min": 1, "max": 4}, True), (None, True), (0, False), ("3", False)]:
        data["victims"][0]["count"] = count
        assert validator.is_valid(data) is valid, count


def _undescribed(schema: dict, where: str = "") -> list[str]:
    missing = []
    for name, prop in schema.get("properties", {}).items():
        if not prop.get("description"):
            missing.append(f"{where}{name}")
    for name, definition in schema.get("$defs", {}).items():
        missing += _undescribed(definition, f"{name}.")
    return missing


def test_every_field_has_a_description():
    assert _undescribed(incident_schema()) == []
    assert _undescribed(archive_schema()) == []
    assert len(incident_schema()["properties"]) > 20


def test_the_schema_command_writes_both_files(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "warcrime_archive", "schema", "--out", str(tmp_path / "s")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == sorted(FILES.values())
    assert json.loads((tmp_path / "s" / FILES["incident"]).read_text()) == incident_schema()


def test_the_built_site_serves_the_schemas(sample_site):
    for name, text in schemas().items():
        assert (sample_site / "schema" / name).read_text(encoding="utf-8") == text
