"""The up-to-date check: a build with nothing changed does nothing, and any change is seen."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from gitrepo import git

from warcrime_archive.build import build_site
from warcrime_archive.incremental import uptodate
from warcrime_archive.incremental.rebuild import rebuild
from warcrime_archive.problems import ArchiveError

# Most tests build twice, many through the command line (about 1-3 s each; 60 s for the module).
pytestmark = pytest.mark.slow

RECORD = "incidents/2022-12-30-soledar-prisoner-shot.yaml"


def cli(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "warcrime_archive", "build", "--root", str(root), *args]
    return subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False)


def test_a_second_build_with_nothing_changed_repeats_the_result_without_loading_the_pipeline(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    root = copy_archive(sample_root)
    first = cli(root)
    assert first.returncode == 0, first.stderr
    assert first.stdout.endswith("(0 errors, 15 warnings in 4 files; 196 rendered)\n")  # 98 pages in each language
    probe = (
        "import sys; from warcrime_archive.cli import main; main(['build', '--root', sys.argv[1]]); "
        "print(sorted(m for m in ('pydantic', 'jinja2', 'yaml', 'markdown', 'warcrime_archive.build') "
        "if m in sys.modules))"
    )
    again = subprocess.run([sys.executable, "-c", probe, str(root)], capture_output=True, text=True, check=True)
    assert again.stdout.splitlines() == [
        f"Built 196 pages from 4 records into {root / 'build'} (0 errors, 15 warnings in 4 files; nothing changed)",
        "[]",
    ]
    assert again.stderr == first.stderr  # the same warnings, in the same order


def stamped(root: Path, tmp_path: Path, **options: object) -> tuple[Path, Path]:
    out = tmp_path / "site"
    cache = uptodate.cache_folder(out)
    rebuild(root, out, history=False, cache=cache)
    assert uptodate.current(cache, snapshot(root, out)) is not None
    return out, cache


def snapshot(root: Path, out: Path, **options: object) -> dict:
    settings: dict = {"base_url": None, "strict": False, "history": False, **options}
    return uptodate.snapshot(root, out, **settings)


@pytest.mark.parametrize(
    "change",
    ["a record", "a new record", "archive.yaml", "a page", "a template", "a static file", "a catalog"],
)
def test_a_changed_input_is_seen(
    change: str, sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    root = copy_archive(sample_root)
    out, cache = stamped(root, tmp_path)
    target = {
        "a record": root / RECORD,
        "a new record": root / "incidents" / "2020-01-01-new.yaml",
        "archive.yaml": root / "archive.yaml",
        "a page": root / "pages" / "about.md",
        "a template": root / "templates" / "base.html",
        "a static file": root / "static" / "style.css",
        "a catalog": root / "locales" / "uk" / "LC_MESSAGES" / "messages.po",
    }[change]
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("a", encoding="utf-8") as file:
        file.write("\n")
    assert uptodate.current(cache, snapshot(root, out)) is None


@pytest.mark.parametrize("option", [{"base_url": "https://example.org/a/"}, {"strict": True}, {"history": True}])
def test_other_options_are_another_build(
    option: dict, sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    root = copy_archive(sample_root)
    out, cache = stamped(root, tmp_path)
    assert uptodate.current(cache, snapshot(root, out, **option)) is None


@pytest.mark.parametrize("variable", ["SOURCE_DATE_EPOCH", "WARCRIME_ARCHIVE_TODAY"])
def test_the_environment_that_decides_the_output_or_the_problems_counts(
    variable: str,
    sample_root: Path,
    copy_archive: Callable[[Path], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = copy_archive(sample_root)
    out, cache = stamped(root, tmp_path)
    monkeypatch.setenv(variable, "1700000000" if variable == "SOURCE_DATE_EPOCH" else "2030-01-01")
    assert uptodate.current(cache, snapshot(root, out)) is None


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def change_output(change: str, out: Path) -> None:
    page = out / "about" / "index.html"
    if change == "a file added":
        (out / "about" / "extra.html").write_text("x", "utf-8")
    elif change == "a file removed":
        page.unlink()
    elif change == "a file renamed":
        page.rename(out / "about" / "index.htm")
    elif change == "a file replaced":
        data = page.read_bytes()
        page.unlink()
        page.write_bytes(data)  # the same bytes, another file
    elif change == "a file moved to another folder":
        page.rename(out / "sources" / "about.html")
    elif change == "a subfolder added":
        (out / "incidents" / "new").mkdir()
    elif change == "a subfolder removed":
        shutil.rmtree(next((out / "pagefind").iterdir()) / "fragment")  # of the first shard
    elif change == "the output replaced":
        shutil.copytree(out, out.with_name("copy"), copy_function=shutil.copy2)  # same files, same times
        shutil.rmtree(out)
        out.with_name("copy").rename(out)
    else:  # the folder's times set back after a file came and went: its ctime still moved
        folder = out / "about"
        times = folder.stat()
        (folder / "extra.html").write_text("x", "utf-8")
        (folder / "extra.html").unlink()
        os.utime(folder, ns=(times.st_atime_ns, times.st_mtime_ns))
        assert folder.stat().st_mtime_ns == times.st_mtime_ns


OUTPUT_CHANGES = [
    "a file added",
    "a file removed",
    "a file renamed",
    "a file replaced",
    "a file moved to another folder",
    "a subfolder added",
    "a subfolder removed",
    "the output replaced",
    "a folder's time set back",
]


@pytest.mark.parametrize("epoch", ["1795305600", ""], ids=["SOURCE_DATE_EPOCH", "no SOURCE_DATE_EPOCH"])
@pytest.mark.parametrize("change", OUTPUT_CHANGES)
def test_a_file_or_folder_added_removed_or_renamed_in_the_output_is_seen(
    change: str,
    epoch: str,
    sample_root: Path,
    copy_archive: Callable[[Path], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Right after the build, as a script would: the stamp's folder times are read after the last write."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    root = copy_archive(sample_root)
    out, cache = stamped(root, tmp_path)
    change_output(change, out)
    assert uptodate.current(cache, snapshot(root, out)) is None
    rebuild(root, out, history=False, cache=cache)  # the build that follows repairs the output
    build_site(root, tmp_path / "clean", history=False)
    assert tree(out) == tree(tmp_path / "clean")
    assert uptodate.current(cache, snapshot(root, out)) is not None


def test_a_file_edited_in_place_is_not_seen_until_the_next_build_that_does_work(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    """The no-op check trusts the output's files (as make and Hugo do); any real build checks each one."""
    root = copy_archive(sample_root)
    out, cache = stamped(root, tmp_path)
    page = out / "about" / "index.html"
    page.write_text("changed by hand", "utf-8")
    skipped = rebuild(root, out, history=False, cache=cache)
    assert skipped.rendered == 0
    assert page.read_text("utf-8") == "changed by hand"
    with (root / RECORD).open("a", encoding="utf-8") as file:
        file.write("\n")  # an input changed: the build does work, and checks every file it keeps
    rebuild(root, out, history=False, cache=cache)
    assert page.read_text("utf-8") != "changed by hand"
    build_site(root, tmp_path / "clean", history=False)
    assert tree(out) == tree(tmp_path / "clean")


def test_the_command_line_trusts_a_file_edited_in_place_and_clean_repairs_it(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    root = copy_archive(sample_root)
    assert cli(root).returncode == 0
    page = root / "build" / "about" / "index.html"
    page.write_text("changed by hand", "utf-8")
    skipped = cli(root)
    assert skipped.stdout.endswith("(0 errors, 15 warnings in 4 files; nothing changed)\n")
    assert page.read_text("utf-8") == "changed by hand"
    clean = cli(root, "--clean")
    assert clean.stdout.endswith("; 196 rendered)\n")
    build_site(root, tmp_path / "clean", history=True)
    assert tree(root / "build") == tree(tmp_path / "clean")


def test_the_stamp_holds_every_output_folder_not_every_file(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    root = copy_archive(sample_root)
    out, cache = stamped(root, tmp_path)
    stamp = json.loads((cache / uptodate.STAMP).read_text("utf-8"))
    folders = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_dir())
    assert stamp["folders"].split("\n") == folders
    assert "about" in folders and "about/index.html" not in stamp["folders"]


def test_a_skipped_build_gives_the_last_result_with_its_warnings(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    first = rebuild(root, out, history=False, cache=cache)
    again = rebuild(root, out, history=False, cache=cache)
    assert (again.rendered, again.pages, again.files, again.records) == (0, 196, first.files, 4)
    assert len(first.warnings) == 15 and again.warnings == first.warnings
    assert [p.severity for p in again.warnings] == [p.severity for p in first.warnings]


def test_a_failed_build_leaves_no_stamp(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    root = copy_archive(sample_root)
    out, cache = stamped(root, tmp_path)
    record = root / RECORD
    good = record.read_bytes()
    record.write_text("title: [unclosed\n", "utf-8")
    with pytest.raises(ArchiveError):
        rebuild(root, out, history=False, cache=cache)
    assert not (cache / uptodate.STAMP).exists()
    record.write_bytes(good)
    again = rebuild(root, out, history=False, cache=cache)
    assert again.rendered == 0  # the site was never changed: the check runs, nothing is rendered


def test_clean_forgets_the_cache(sample_root: Path, copy_archive: Callable[[Path], Path]) -> None:
    root = copy_archive(sample_root)
    assert cli(root).returncode == 0
    done = cli(root, "--clean")
    assert done.returncode == 0
    assert done.stdout.endswith("; 196 rendered)\n")


def test_the_code_and_the_libraries_are_inputs(sample_root: Path, tmp_path: Path) -> None:
    names = snapshot(sample_root, tmp_path / "site")["inputs"]
    assert {
        "<package>/incremental/fingerprint.py",
        "<package>/render/environment.py",
        "<jinja2>",
        "<pydantic>",
        "<markdown>",
    } <= set(names)
    assert "<defaults>/templates/incident.html" in names


def test_the_command_line_takes_the_snapshot_once_when_something_changed(
    sample_root: Path, copy_archive: Callable[[Path], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from warcrime_archive import cli

    root = copy_archive(sample_root)
    cli.main(["build", "--root", str(root)])
    with (root / RECORD).open("a", encoding="utf-8") as file:
        file.write("\n")
    taken = []
    original = uptodate.snapshot
    monkeypatch.setattr(uptodate, "snapshot", lambda *a, **k: taken.append(1) or original(*a, **k))
    cli.main(["build", "--root", str(root)])
    assert taken == [1]
    assert (uptodate.cache_folder(root / "build") / uptodate.STAMP).exists()


def test_the_commit_is_what_git_rev_parse_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new commit is another build (the pages show the history); outside a repository, or before the first
    commit, there is none; git is asked, so what it reads (GIT_DIR) counts."""
    repo = tmp_path / "repo"
    (repo / "incidents").mkdir(parents=True)
    assert uptodate._commit(repo) == ""
    git(repo, "init", "-q", "-b", "main")
    assert uptodate._commit(repo) == ""
    git(repo, "commit", "-q", "--allow-empty", "-m", "first")
    first = git(repo, "rev-parse", "HEAD")
    assert uptodate._commit(repo) == uptodate._commit(repo / "incidents") == first
    out = tmp_path / "site"
    before = uptodate.snapshot(repo, out, base_url=None, strict=False, history=True)
    assert before["commit"] == first
    git(repo, "commit", "-q", "--allow-empty", "-m", "second")
    after = uptodate.snapshot(repo, out, base_url=None, strict=False, history=True)
    assert after["commit"] == git(repo, "rev-parse", "HEAD") != first
    assert uptodate.snapshot(repo, out, base_url=None, strict=False, history=False)["commit"] == ""
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere"))
    assert uptodate._commit(repo) == ""


def test_the_folders_a_build_stamps_are_those_of_its_output(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    """The build names the output's folders from the files it wrote and kept (`Staging.folders`) instead of
    walking the output: after a first build, an edit, a deletion and a build with nothing to do, they must be
    the folders that are there."""
    root = copy_archive(sample_root)
    out = tmp_path / "site"
    cache = uptodate.cache_folder(out)

    def stamped() -> list[str]:
        return json.loads((cache / uptodate.STAMP).read_text("utf-8"))["folders"].split("\n")

    rebuild(root, out, history=False, cache=cache)
    assert stamped() == uptodate.output_folders(out) and len(stamped()) > 50
    with (root / RECORD).open("a", encoding="utf-8") as file:
        file.write("\n")
    rebuild(root, out, history=False, cache=cache)
    assert stamped() == uptodate.output_folders(out)
    (root / RECORD).unlink()
    rebuild(root, out, history=False, cache=cache)
    assert stamped() == uptodate.output_folders(out)
    assert "incidents/2022-12-30-soledar-prisoner-shot" not in stamped()
