"""`new`, run as an editor would: a record started from the command line, never over another."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from repo_paths import MINIMAL

from warcrime_archive.cli import cli, records

ID = "2024-06-01-robotyne-two-prisoners-shot"


def new(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warcrime_archive", "new", "--root", str(root), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(MINIMAL, root)
    return root


def test_new_never_overwrites(archive):
    args = ("--date", "2024-06-01", "--place", "Robotyne", "--title", "Two prisoners shot")
    assert new(archive, *args).returncode == 0
    path = archive / "incidents" / f"{ID}.yaml"
    path.write_text("title: mine\n")
    result = new(archive, *args)
    assert result.returncode == 1
    assert result.stderr == f"Error: {path} already exists; it is not overwritten (choose another title)\n"
    assert path.read_text() == "title: mine\n"


def test_without_a_terminal_a_missing_option_is_a_clear_error(archive):
    result = new(archive, "--date", "2024-06-01", "--title", "x")
    assert result.returncode == 1
    assert result.stderr.endswith("Error: --place is missing (there is no terminal to ask on): give --place\n")
    result = new(archive, "--date", "2024-13-01", "--place", "a", "--title", "x")
    assert result.returncode == 1
    assert result.stderr.endswith("Error: --date: '2024-13-01' is not a real date\n")
    assert list((archive / "incidents").iterdir()) == [archive / "incidents" / "2022-03-29-dmytrivka-x.yaml"]


def test_missing_options_are_asked_for_at_a_terminal(archive, monkeypatch):
    monkeypatch.setattr(records, "_interactive", lambda: True)
    answers = "2024-06-01\nRobotyne\nTwo prisoners shot\n"
    result = CliRunner().invoke(cli, ["new", "--root", str(archive)], input=answers)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "Date (YYYY-MM-DD, YYYY-MM or YYYY): 2024-06-01\nPlace: Robotyne\nShort title: Two prisoners shot\n"
    )
    assert (archive / "incidents" / f"{ID}.yaml").is_file()
