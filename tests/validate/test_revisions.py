"""`validate --since REV`: a changed grade, side or count needs a new correction; tried in real git repositories."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gitrepo import git
from repo_paths import DATA, FORMAT1, MINIMAL

from warcrime_archive.validate.revisions import RevisionError, old_texts

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warcrime_archive", *args], capture_output=True, text=True)


def validate(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warcrime_archive", "validate", "--root", str(root), *args],
        capture_output=True,
        text=True,
        cwd=root,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(MINIMAL, root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    return root


def edit(root: Path, old: str, new: str, path: str = RECORD) -> None:
    file = root / path
    text = file.read_text()
    assert old in text
    file.write_text(text.replace(old, new))


def test_a_changed_grade_without_a_correction_is_refused(repo):
    edit(
        repo,
        "verification: {status: verified, by: [{who: NYT, checked: [authenticity, place], sources: [a]}], note: ok, sources: [a]}",
        "verification: {status: claimed, note: ok, sources: [a]}",
    )
    result = validate(repo, "--since", "main")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{RECORD}:10:24: verification.status: the grade changed from 'verified' to 'claimed' since main, and no new "
        "`corrections` entry says so (add a `corrections` entry saying what changed and why)"
    )


def test_a_new_correction_makes_the_change_acceptable(repo):
    edit(
        repo,
        "verification: {status: verified, by: [{who: NYT, checked: [authenticity, place], sources: [a]}], note: ok, sources: [a]}",
        "verification: {status: claimed, note: ok, sources: [a]}",
    )
    edit(
        repo,
        "tags: [pow]",
        "tags: [pow]\ncorrections:\n  - {date: 2026-11-01, note: Regraded as claimed., sources: [a]}",
    )
    result = validate(repo, "--since", "main")
    assert result.returncode == 0, result.stderr


def test_a_change_made_with_the_upgrade_to_format_2_is_still_seen(tmp_path):
    """The version at the base revision is in format 1: it is compared as format 2, not skipped as invalid."""
    root = tmp_path / "repo"
    shutil.copytree(FORMAT1 / "sample", root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "format 1")
    assert run_cli("upgrade", "--root", str(root)).returncode == 0
    for other in ("2022-03-30-dmytrivka-wounded-soldier-shot", "2022-12-30-soledar-prisoner-shot"):
        (root / "incidents" / f"{other}.yaml").unlink()  # their grades' rules need sourced claims
    (root / "incidents" / "2024-06-robotyne-two-prisoners-shot.yaml").unlink()
    record = root / "incidents" / "2024-10-01-pokrovsk-district-sixteen-prisoners-shot.yaml"
    text = record.read_text().replace("status: claimed", "status: contested")
    record.write_text(text.replace("related: [2024-06-robotyne-two-prisoners-shot]", "related: []"))
    (root / "archive.yaml").write_text((root / "archive.yaml").read_text() + "unsourced_claims: warn\n")
    result = validate(root, "--since", "main")
    assert result.returncode == 1
    assert (
        "incidents/2024-10-01-pokrovsk-district-sixteen-prisoners-shot.yaml:44:11: verification.status: the grade "
        "changed from 'claimed' to 'contested' since main, and no new `corrections` entry says so (add a "
        "`corrections` entry saying what changed and why)"
    ) in result.stderr.splitlines()


def test_changed_sides_and_counts_are_reported_as_annotations(repo):
    edit(repo, "alleged_perpetrators: [{side: ukraine,", "alleged_perpetrators: [{side: russia,")
    edit(repo, "count: {min: 1, max: 2}", "count: 3")
    result = validate(repo, "--since", "HEAD", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::error file={RECORD},line=7,col=23,title=alleged_perpetrators::the alleged perpetrator sides changed from "
        "ukraine to russia since HEAD, and no new `corrections` entry says so (add a `corrections` entry saying what "
        "changed and why)",
        f"::error file={RECORD},line=9,col=58,title=victims[0].count::the victim count changed from 1 to 2 to 3 since "
        "HEAD, and no new `corrections` entry says so (add a `corrections` entry saying what changed and why)",
        f"::warning file={RECORD},line=12,col=18,title=sources[0].url::the source has no archived copy (add "
        "`archived_url`, a capture in the Wayback Machine, archive.today or perma.cc)",
    ]


def test_other_edits_and_new_records_need_no_correction(repo):
    edit(repo, "summary: A video appears to show ...", "summary: A video appears to show a shooting.")
    shutil.copy(repo / RECORD, repo / "incidents" / "2022-03-30-dmytrivka-y.yaml")
    result = validate(repo, "--since", "main")
    assert "since main" not in result.stderr
    assert "duplicate" not in result.stderr


def test_a_deleted_record_is_an_error_unless_its_id_lives_on_as_an_alias_or_in_another_folder(repo):
    (repo / RECORD).unlink()
    (repo / "incidents" / "keep.yaml").write_text((MINIMAL / RECORD).read_text())
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "second")
    (repo / "incidents" / "keep.yaml").unlink()
    result = validate(repo, "--since", "HEAD")
    assert result.returncode == 1
    assert (
        "incidents/keep.yaml:1:1: the record 'keep' is deleted since HEAD: its published address would stop working (withdraw it instead (`status: withdrawn`, with `withdrawn: {date, reason}`), or keep its id in the `aliases` of the record that replaces it)"
        in result.stderr.splitlines()
    )
    (repo / "incidents" / "new.yaml").write_text((MINIMAL / RECORD).read_text() + "aliases: [keep]\n")
    result = validate(repo, "--since", "HEAD")
    assert "deleted" not in result.stderr
    assert result.returncode == 0, result.stderr
    (repo / "incidents" / "new.yaml").unlink()
    (repo / "incidents" / "2024").mkdir()
    (repo / "incidents" / "2024" / "keep.yaml").write_text((MINIMAL / RECORD).read_text())  # moved, same id
    result = validate(repo, "--since", "HEAD")
    assert result.returncode == 0, result.stderr


def test_a_record_withdrawn_with_its_date_and_reason_passes(repo):
    edit(repo, "tags: [pow]", "tags: [pow]\nstatus: withdrawn\nwithdrawn: {date: '2026-11-01', reason: A duplicate.}")
    result = validate(repo, "--since", "main")
    assert result.returncode == 0, result.stderr


def test_a_new_correction_beside_the_published_ones_passes(repo):
    edit(repo, "tags: [pow]", "tags: [pow]\ncorrections:\n  - {date: '2026-10-01', note: First., sources: [a]}")
    git(repo, "commit", "-q", "-am", "correct")
    edit(repo, "verification: {status: verified,", "verification: {status: claimed,")
    edit(
        repo,
        "note: First., sources: [a]}",
        "note: First., sources: [a]}\n  - {date: '2026-11-01', note: Regraded as claimed., sources: [a]}",
    )
    result = validate(repo, "--since", "main")
    assert result.returncode == 0, result.stderr


CORPUS = DATA / "revisions"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def lay_over(overlay: Path, target: Path) -> None:
    for path in sorted(overlay.rglob("*")):
        if path.is_file():
            (target / path.relative_to(overlay)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / path.relative_to(overlay))


@pytest.mark.parametrize("name", CASES)
def test_each_case_of_the_corpus_gives_exactly_its_expected_problems(name: str, tmp_path: Path):
    case = CORPUS / name
    root = tmp_path / "repo"
    shutil.copytree(MINIMAL, root)
    lay_over(case / "before", root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "published")
    if (case / "after").is_dir():
        lay_over(case / "after", root)
    delete = case / "DELETE"
    for line in delete.read_text("utf-8").splitlines() if delete.exists() else []:
        (root / line.strip()).unlink()
    result = validate(root, "--since", "main")
    assert result.stderr.splitlines() == (case / "expected.txt").read_text("utf-8").splitlines()
    assert result.returncode == 1


def test_the_corpus_covers_each_rule():
    assert len(CASES) >= 7
    assert all((CORPUS / name / "expected.txt").read_text("utf-8").strip() for name in CASES)


def test_an_archive_in_a_sub_folder_of_the_repository(repo, tmp_path):
    outer = tmp_path / "outer"
    outer.mkdir()
    shutil.copytree(MINIMAL, outer / "archive")
    git(outer, "init", "-q", "-b", "main")
    git(outer, "add", "-A")
    git(outer, "commit", "-q", "-m", "first")
    assert list(old_texts(outer / "archive", "main")) == [RECORD]


def test_not_a_git_repository_or_an_unknown_revision_is_a_clear_error(repo, tmp_path):
    plain = tmp_path / "plain"
    shutil.copytree(MINIMAL, plain)
    env_ceiling = os.environ.get("GIT_CEILING_DIRECTORIES")
    os.environ["GIT_CEILING_DIRECTORIES"] = str(tmp_path)
    try:
        result = validate(plain, "--since", "main")
        with pytest.raises(RevisionError, match="is not in a git repository"):
            old_texts(plain, "main")
    finally:
        if env_ceiling is None:
            del os.environ["GIT_CEILING_DIRECTORIES"]
        else:
            os.environ["GIT_CEILING_DIRECTORIES"] = env_ceiling
    assert result.returncode == 1
    assert (
        result.stderr == f"Error: --since: {plain} is not in a git repository; --since compares with a git revision\n"
    )
    result = validate(repo, "--since", "no-such-branch")
    assert result.returncode == 1
    assert result.stderr == (
        "Error: --since: unknown revision 'no-such-branch' (give a branch, tag or commit, e.g. origin/main)\n"
    )
    assert "Traceback" not in result.stderr
