"""The bad-input corpus: every case in tests/data/invalid/ gives exactly its expected problems.

A case is an overlay on tests/data/minimal/ (see tests/data/invalid/README.md). Each one is run
through the real command line, as an editor would, and `build` must refuse it and write nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from repo_paths import DATA, MINIMAL

from warcrime_archive.cli import cli

CORPUS = DATA / "invalid"
# Files of a case folder that describe the case instead of being copied into the archive.
CONTROL = {"expected.txt", "DELETE", "LINKS"}
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def assemble(case: Path, target: Path) -> Path:
    """The minimal archive in `target`, with the case's files laid over it, deletions and links made."""
    shutil.copytree(MINIMAL, target, symlinks=True)
    for path in sorted(case.rglob("*")):
        rel = path.relative_to(case)
        if path.is_dir() or rel.as_posix() in CONTROL:
            continue
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / rel)
    delete = case / "DELETE"
    for line in delete.read_text("utf-8").splitlines() if delete.exists() else []:
        gone = target / line.strip()
        shutil.rmtree(gone) if gone.is_dir() else gone.unlink()
    links = case / "LINKS"
    for line in links.read_text("utf-8").splitlines() if links.exists() else []:
        # "<path in the archive> <path under tests/data/>": a link that leads out of the archive.
        where, to = line.split()
        (target / where).symlink_to(DATA / to)
    return target


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WARCRIME_ARCHIVE_TODAY": "2026-11-22", "SOURCE_DATE_EPOCH": "1795305600"}
    return subprocess.run(
        [sys.executable, "-m", "warcrime_archive", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_corpus_is_large_and_every_case_has_its_expected_message() -> None:
    assert len(CASES) >= 40
    for name in CASES:
        expected = CORPUS / name / "expected.txt"
        assert expected.is_file(), f"{name} has no expected.txt"
        assert expected.read_text("utf-8").strip(), f"{name}/expected.txt is empty"


def expected_lines(name: str) -> list[str]:
    return (CORPUS / name / "expected.txt").read_text("utf-8").splitlines()


@pytest.mark.parametrize("name", CASES)
def test_validate_reports_exactly_the_expected_problems(name: str, tmp_path: Path) -> None:
    root = assemble(CORPUS / name, tmp_path / "archive")
    # In-process through click's runner (the command object itself), to keep the corpus quick;
    # the test below runs a few cases as a separate process, exactly as an editor would.
    result = CliRunner().invoke(cli, ["validate", "--root", str(root)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.stderr.splitlines() == expected_lines(name)
    assert result.stdout == ""
    assert result.exit_code == 1


@pytest.mark.parametrize(
    "name", ["encoding-latin-1", "path-symlink-outside", "yaml-duplicate-key", "date-in-the-future"]
)
def test_the_installed_command_prints_the_same(name: str, tmp_path: Path) -> None:
    root = assemble(CORPUS / name, tmp_path / "archive")
    result = run("validate", "--root", str(root), cwd=tmp_path)
    assert result.stderr.splitlines() == expected_lines(name)
    assert result.stdout == ""
    assert result.returncode == 1


@pytest.mark.parametrize("name", CASES)
def test_build_refuses_and_writes_nothing(name: str, tmp_path: Path) -> None:
    root = assemble(CORPUS / name, tmp_path / "archive")
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["build", "--root", str(root), "--out", str(out)])
    expected = expected_lines(name)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    assert result.stderr.splitlines() == [*expected[:-1], expected[-1] + "; nothing was written"]
    assert not out.exists()
    assert not (root / "build").exists()
