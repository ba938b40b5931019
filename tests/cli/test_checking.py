"""`validate` and the command line's help, run as an editor would run them."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from repo_paths import MINIMAL


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warcrime_archive", *args], capture_output=True, text=True, cwd=cwd)


def test_validate_ok():
    result = run("validate", "--root", str(MINIMAL))
    assert result.returncode == 0
    assert result.stdout == "OK: 1 record checked; 0 errors, 1 warning in 1 file\n"
    assert "no archived copy" in result.stderr


def test_validate_strict_fails_on_warnings():
    result = run("validate", "--root", str(MINIMAL), "--strict")
    assert result.returncode == 1
    assert result.stderr.endswith("0 errors, 1 warning in 1 file\n")


def test_help_speaks_to_editors():
    result = run("--help")
    assert result.returncode == 0
    for words in ("validate", "build", "archive.yaml", "incidents/"):
        assert words in result.stdout
    build_help = run("build", "--help").stdout
    for option in ("--root", "--out", "--base-url", "--strict"):
        assert option in build_help


def test_unknown_option_is_a_user_error():
    result = run("build", "--colour")
    assert result.returncode == 1
    assert "No such option '--colour'" in result.stderr


def test_validate_format_json_and_github():

    result = run("validate", "--root", str(MINIMAL), "--format", "json")
    assert result.returncode == 0
    assert result.stderr == ""
    assert json.loads(result.stdout) == [
        {
            "path": "incidents/2022-03-29-dmytrivka-x.yaml",
            "line": 12,
            "column": 18,
            "field": "sources[0].url",
            "message": "the source has no archived copy",
            "hint": "add `archived_url`, a capture in the Wayback Machine, archive.today or perma.cc",
            "severity": "warning",
        }
    ]
    annotation = (
        "incidents/2022-03-29-dmytrivka-x.yaml,line=12,col=18,title=sources[0].url::the source has no archived "
        "copy (add `archived_url`, a capture in the Wayback Machine, archive.today or perma.cc)\n"
    )
    result = run("validate", "--format", "github", "--strict", cwd=MINIMAL)
    assert result.returncode == 1
    assert result.stdout == "::warning file=" + annotation
    assert result.stderr == "0 errors, 1 warning in 1 file\n"
    # From the repository's root, paths start there, as GitHub needs.
    result = run("validate", "--format", "github", "--root", "minimal", cwd=MINIMAL.parent)
    assert result.returncode == 0
    assert result.stdout == "::warning file=minimal/" + annotation
    assert result.stderr == "OK: 1 record checked; 0 errors, 1 warning in 1 file\n"


@pytest.mark.slow
def test_ten_thousand_warnings_leave_the_three_errors_on_the_last_screen(tmp_path: Path):
    root = tmp_path / "archive"
    shutil.copytree(MINIMAL, root)
    original = root / "incidents" / "2022-03-29-dmytrivka-x.yaml"
    record = original.read_text()
    original.unlink()
    bad = {17: ("category: killing", "category: kiling"), 5017: ("tags: [pow]", "tags: pow"), 9017: ("title: W", "")}
    for i in range(10_003):  # 3 records with an error, 10,000 with a warning
        text = record.replace("https://a.example/1", f"https://a.example/{i}")
        text = text.replace("place: Dmytrivka", f"place: Place {i}")  # one day, but no two at one place: no duplicates
        old, new = bad.get(i, ("", ""))
        (root / "incidents" / f"2022-03-29-r{i:05}.yaml").write_text(text.replace(old, new) if old else text)
    result = run("validate", "--root", str(root))
    assert result.returncode == 1
    screen = result.stderr.splitlines()[-24:]
    errors = [line for line in screen if not line.startswith(" ") and ": warning: " not in line][:3]
    assert [e.split(":")[0] for e in errors] == [f"incidents/2022-03-29-r{i:05}.yaml" for i in sorted(bad)]
    assert screen[-1] == "3 errors, 10000 warnings in 10003 files"
    assert "10000 warnings like this (sources[].url): the source has no archived copy" in screen
    verbose = run("validate", "--root", str(root), "--verbose").stderr.splitlines()
    assert len(verbose) == 3 + 10_000 + 4 + 1  # each error and warning, the errors again, the summary
    assert run("validate", "--root", str(root), "--errors-only").stderr.splitlines()[-4:] == [*errors, screen[-1]]
