"""The columns of the CSV downloads: one row per record, group of victims and source, each value as described."""

from __future__ import annotations

from pathlib import Path

from planted_archive import IDS, read_csv

from warcrime_archive.publish.columns import INCIDENT_COLUMNS, SOURCE_COLUMNS, VICTIM_COLUMNS


def test_csv_files_have_one_row_per_record_group_and_source(site: Path):
    incidents = read_csv(site, "incidents.csv")
    assert [r["id"] for r in incidents] == IDS
    assert list(incidents[0]) == [c.name for c in INCIDENT_COLUMNS]
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


def test_every_column_has_a_frictionless_type_and_a_description():
    for column in (*INCIDENT_COLUMNS, *VICTIM_COLUMNS, *SOURCE_COLUMNS):
        assert column.type in ("string", "integer", "number", "boolean") and column.description, column.name
