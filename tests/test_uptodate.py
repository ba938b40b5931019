"""The up-to-date check: a build with nothing changed does nothing, and any change is seen."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from warcrime_archive import pipeline, uptodate

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
    assert first.stdout.endswith("(0 errors, 16 warnings in 4 files; 79 rendered)\n")
    probe = (
        "import sys; from warcrime_archive.cli import main; main(['build', '--root', sys.argv[1]]); "
        "print(sorted(m for m in ('pydantic', 'jinja2', 'yaml', 'markdown', 'warcrime_archive.pipeline') "
        "if m in sys.modules))"
    )
    again = subprocess.run([sys.executable, "-c", probe, str(root)], capture_output=True, text=True, check=True)
    assert again.stdout.splitlines() == [
        f"Built 79 pages from 4 records into {root / 'build'} (0 errors, 16 warnings in 4 files; nothing changed)",
        "[]",
    ]
    assert again.stderr == first.stderr  # the same warnings, in the same order


def stamped(root: Path, tmp_path: Path, **options: object) -> tuple[Path, Path]:
    out = tmp_path / "site"
    cache = uptodate.cache_folder(out)
    pipeline.build(root, out, history=False, cache=cache)
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


@pytest.mark.parametrize("change", ["edited", "removed", "added", "replaced"])
def test_a_changed_output_is_seen(
    change: str, sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    root = copy_archive(sample_root)
    out, cache = stamped(root, tmp_path)
    page = out / "about" / "index.html"
    if change == "edited":
        page.write_text(page.read_text("utf-8") + " ", "utf-8")
    elif change == "removed":
        page.unlink()
    elif change == "added":
        (out / "about" / "extra.html").write_text("x", "utf-8")
    else:
        data = page.read_bytes()
        page.unlink()
        page.write_bytes(data)  # the same bytes, another file
        os.utime(page, ns=(0, 0))
    assert uptodate.current(cache, snapshot(root, out)) is None


def test_a_failed_build_leaves_no_stamp(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    root = copy_archive(sample_root)
    out, cache = stamped(root, tmp_path)
    record = root / RECORD
    good = record.read_bytes()
    record.write_text("title: [unclosed\n", "utf-8")
    with pytest.raises(pipeline.ArchiveError):
        pipeline.build(root, out, history=False, cache=cache)
    assert not (cache / uptodate.STAMP).exists()
    record.write_bytes(good)
    again = pipeline.build(root, out, history=False, cache=cache)
    assert again.rendered == 0  # the site was never changed: the check runs, nothing is rendered


def test_clean_forgets_the_cache(sample_root: Path, copy_archive: Callable[[Path], Path]) -> None:
    root = copy_archive(sample_root)
    assert cli(root).returncode == 0
    done = cli(root, "--clean")
    assert done.returncode == 0
    assert done.stdout.endswith("; 79 rendered)\n")


def test_the_code_and_the_libraries_are_inputs(sample_root: Path, tmp_path: Path) -> None:
    names = snapshot(sample_root, tmp_path / "site")["inputs"]
    assert {"<package>/fingerprint.py", "<package>/render.py", "<jinja2>", "<pydantic>", "<markdown>"} <= set(names)
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
