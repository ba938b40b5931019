"""The sources report, run as an editor would run `warcrime-archive sources`."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from repo_paths import MINIMAL

from warcrime_archive.commands.sources_report import report
from warcrime_archive.validate.load import load_archive

WAYBACK = "https://web.archive.org/web/20220501000000/https://b.example/2"
OTHER = f"""title: Another incident
summary: Another test record.
category: killing
date: {{at: "2022-05-01", sources: [b]}}
location: {{place: Dmytrivka, admin1: Kyiv Oblast, country: UA, precision: settlement, sources: [b]}}
alleged_perpetrators: [{{side: russia, attribution: suspected, sources: [b]}}]
victims:
  - {{side: ukraine, status: unknown, harm: killed, count: 1, sources: [b, c]}}
verification: {{status: claimed, note: A party claims it., sources: [c]}}
sources:
  - {{id: b, url: "https://b.example/2", title: T2, outlet: O2, published: "2022-05", type: video, archived_url: "{WAYBACK}"}}
  - {{id: c, url: "https://c.example/3", title: T3, outlet: O2, type: report, archived_url: "https://archive.example.org/c/3"}}
  - {{id: a, url: "https://a.example/1", title: T1, outlet: O1, published: "2022-04", type: news-article}}
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(MINIMAL, root)
    settings = root / "archive.yaml"
    settings.write_text(settings.read_text() + "own_archives: [https://archive.example.org/]\n")
    (root / "incidents" / "2022-05-01-other.yaml").write_text(OTHER)
    return root


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warcrime_archive", "sources", *args], capture_output=True, text=True, check=False
    )


def test_text_report_groups_by_outlet_with_archive_status(root: Path) -> None:
    result = run("--root", str(root))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "O1 (1 source, 0 archived)",
        "  T1 (2022-04)",
        "    https://a.example/1",
        "    MISSING an archived copy",
        "    cited by: 2022-03-29-dmytrivka-x, 2022-05-01-other",
        "O2 (2 sources, 2 archived)",
        "  T2 (2022-05)",
        "    https://b.example/2",
        f"    archived: Wayback Machine {WAYBACK}",
        "    cited by: 2022-05-01-other",
        "  T3",
        "    https://c.example/3",
        "    archived: own archive https://archive.example.org/c/3",
        "    cited by: 2022-05-01-other",
        "3 sources from 2 outlets: 2 archived, 1 missing",
    ]


def test_missing_only_and_strict(root: Path) -> None:
    result = run("--root", str(root), "--missing", "--strict")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "O1 (1 source, 0 archived)"
    assert "b.example" not in result.stdout and "c.example" not in result.stdout
    assert result.stdout.splitlines()[-1] == "3 sources from 2 outlets: 2 archived, 1 missing"
    assert result.stderr == "1 of 3 sources have no archived copy\n"


def test_csv_report(root: Path) -> None:
    result = run("--root", str(root), "--format", "csv")
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["outlet"], r["url"], r["archive"], r["records"]) for r in rows] == [
        ("O1", "https://a.example/1", "missing", "2022-03-29-dmytrivka-x 2022-05-01-other"),
        ("O2", "https://b.example/2", "Wayback Machine", "2022-05-01-other"),
        ("O2", "https://c.example/3", "own archive", "2022-05-01-other"),
    ]
    assert rows[1]["archived_url"] == WAYBACK and rows[1]["published"] == "2022-05"


def test_json_report(root: Path) -> None:
    result = run("--root", str(root), "--format", "json", "--missing")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["counts"] == {"sources": 3, "outlets": 2, "archived": 2, "missing": 1}
    assert data["sources"] == [
        {
            "outlet": "O1",
            "url": "https://a.example/1",
            "title": "T1",
            "published": "2022-04",
            "archive": "missing",
            "archived_url": "",
            "records": ["2022-03-29-dmytrivka-x", "2022-05-01-other"],
        }
    ]


def test_an_archive_with_errors_lists_them_instead(root: Path) -> None:
    (root / "incidents" / "2022-05-01-other.yaml").write_text(OTHER.replace("category: killing", "category: kiling"))
    result = run("--root", str(root))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "incidents/2022-05-01-other.yaml:3:11: category: 'kiling' is not one of the categories in archive.yaml "
        "(did you mean 'killing'?)",
        "incidents/2022-03-29-dmytrivka-x.yaml:12:18: warning: sources[0].url: the source has no archived copy "
        "(add `archived_url`, a capture in the Wayback Machine, archive.today or perma.cc)",
        "1 error, 1 warning in 2 files",
    ]


def test_the_sample_archive_report_counts_every_source(sample_root: Path) -> None:
    loaded = load_archive(sample_root)
    assert loaded.archive is not None
    text, totals = report(loaded.archive)
    urls = {s.url for r in loaded.archive.records for s in r.incident.sources}
    assert totals["sources"] == len(urls) and totals["archived"] + totals["missing"] == len(urls)
    assert text.count("    https://") == len(urls)
