"""The `private` group on the command line: its commands, and its errors as one line and status 1."""

import shutil
import sys
from pathlib import Path

from click.testing import CliRunner
from repo_paths import MINIMAL

from warcrime_archive.cli import cli


def test_the_group_lists_its_five_commands():
    result = CliRunner().invoke(cli, ["private", "--help"])
    assert result.exit_code == 0
    commands = result.output.split("Commands:")[1].split()
    assert [word for word in commands if word in ("keygen", "encrypt", "show", "edit", "rekey")] == [
        "edit",
        "encrypt",
        "keygen",
        "rekey",
        "show",
    ]


def test_an_unusable_key_or_no_key_is_an_error_not_a_traceback(tmp_path: Path, monkeypatch):
    root = shutil.copytree(MINIMAL, tmp_path / "archive")
    record = str(root / "incidents" / "2022-03-29-dmytrivka-x.yaml")
    result = CliRunner().invoke(cli, ["private", "show", "--root", str(root), record])
    assert (result.exit_code, result.stderr.splitlines()[0][:30]) == (1, "Error: no key was given: set W")
    monkeypatch.setenv("WARCRIME_ARCHIVE_AGE_KEY", "AGE-SECRET-KEY-1NOPE")
    result = CliRunner().invoke(cli, ["private", "show", "--root", str(root), record])
    assert result.exit_code == 1
    assert result.stderr == "Error: the key is not an age secret key (AGE-SECRET-KEY-1...)\n"


def test_the_group_does_not_load_the_encryption_until_a_command_runs():
    import subprocess

    code = "import sys, warcrime_archive.cli; print('pyrage' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout == "False\n"
