"""The report of one field across the archive, run as an editor runs it, on the sample archive and a small one."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from repo_paths import MINIMAL, REPO


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warcrime_archive", *args], capture_output=True, text=True)


def test_the_values_of_a_field_most_common_first():
    result = run("report", "--root", str(REPO), "--field", "verification.status")
    assert result.returncode == 0
    assert result.stdout == "2  claimed\n1  corroborated\n1  verified\nverification.status: 3 values in 4 records\n"


def test_fields_inside_lists_and_lists_of_words_count_each_item():
    harm = run("report", "--root", str(REPO), "--field", "victims.harm", "--format", "csv")
    assert harm.stdout == "value,count\nkilled,5\n"
    tags = json.loads(run("report", "--root", str(REPO), "--field", "tags", "--format", "json").stdout)
    assert tags["records"] == 4 and tags["values"]["video"] == 4


def test_a_missing_value_is_counted_as_not_given(tmp_path: Path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    assert run("report", "--root", str(root), "--field", "first_reported").stdout.splitlines() == [
        "1  2022-04-04",
        "first_reported: 1 value in 1 record",
    ]
    assert run("report", "--root", str(root), "--field", "victims.people.rank").stdout.splitlines()[0] == (
        "1  (not given)"
    )


def test_an_unknown_or_private_field_is_refused():
    unknown = run("report", "--root", str(REPO), "--field", "verification.stats")
    assert unknown.returncode == 1
    assert (
        unknown.stderr
        == "Error: --field: no record has the field 'verification.stats' (did you mean 'verification.status'?)\n"
    )
    private = run("report", "--root", str(REPO), "--field", "private.notes")
    assert private.stderr == "Error: --field: 'private.notes' is private: it is never reported\n"
