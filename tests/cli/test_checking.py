"""`validate` and the command line's help, run as an editor would run them."""

import json
import subprocess
import sys
from pathlib import Path

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
