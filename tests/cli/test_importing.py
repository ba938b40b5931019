"""`warcrime-archive import` as an editor runs it: its help, and the mistakes it refuses before reading a row."""

import shutil
import subprocess
import sys
from pathlib import Path

from repo_paths import MINIMAL


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warcrime_archive", *args], cwd=cwd, capture_output=True, text=True)


def test_a_mapping_is_required_and_a_bad_one_is_refused_with_where(tmp_path: Path):
    shutil.copytree(MINIMAL, tmp_path / "a")
    (tmp_path / "x.csv").write_text("id\n1\n")
    missing = run("import", "x.csv", "--root", "a", cwd=tmp_path)
    assert missing.returncode == 1 and "Missing option '--mapping'" in missing.stderr
    (tmp_path / "m.yaml").write_text("id: {column: id}\n")
    bad = run("import", "x.csv", "--mapping", "m.yaml", "--root", "a", cwd=tmp_path)
    assert bad.returncode == 1
    assert bad.stderr == "Error: m.yaml: record: Field required (2 problem(s))\n"
    assert run("import", "--help", cwd=tmp_path).stdout.count("--dry-run") == 1
