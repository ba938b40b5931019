"""How the commands print problems: text on stderr, GitHub annotations with paths from the repository's root,
or JSON."""

import json
from pathlib import Path

import pytest

from warcrime_archive.cli.common import emit, report_problems
from warcrime_archive.problems import Problem, Severity

PROBLEMS = [
    Problem("incidents/a.yaml", 3, 7, "title", "is empty", "write a title"),
    Problem("incidents/b.yaml", 1, 1, "", "no archived copy", severity=Severity.WARNING),
]


def test_text_goes_to_stderr_one_problem_a_line(capsys: pytest.CaptureFixture[str]):
    report_problems(PROBLEMS)
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "incidents/a.yaml:3:7: title: is empty (write a title)\nincidents/b.yaml:1:1: warning: no archived copy\n"
    )
    report_problems([])
    assert capsys.readouterr() == ("", "")


def test_github_annotations_name_files_from_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    (tmp_path / "archive").mkdir()
    monkeypatch.chdir(tmp_path)
    emit(PROBLEMS, "github", tmp_path / "archive")
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("::error file=archive/incidents/a.yaml,line=3,col=7,")
    assert out[1].startswith("::warning file=archive/incidents/b.yaml,line=1,col=1")


def test_json_lists_every_field(capsys: pytest.CaptureFixture[str]):
    emit(PROBLEMS, "json", Path("."))
    data = json.loads(capsys.readouterr().out)
    assert [p["path"] for p in data] == ["incidents/a.yaml", "incidents/b.yaml"]
    assert data[0]["hint"] == "write a title" and data[1]["severity"] == "warning"
