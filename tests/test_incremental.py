"""Incremental builds: after any change, a build with the cache gives the same bytes as a clean build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from warcrime_archive import layout
from warcrime_archive.build import build_site
from warcrime_archive.incremental import code, uptodate
from warcrime_archive.incremental.rebuild import MANIFEST, rebuild
from warcrime_archive.render import once

# Every test makes several builds and compares them (about 1-5 s each).
pytestmark = pytest.mark.slow

SOLEDAR = "incidents/2022-12-30-soledar-prisoner-shot.yaml"
DMYTRIVKA = "incidents/2022-03-30-dmytrivka-wounded-soldier-shot.yaml"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def same_tree(built: Path, clean: Path) -> None:
    a, b = tree(built), tree(clean)
    assert sorted(a) == sorted(b)
    differing = [name for name in a if a[name] != b[name]]
    assert differing == []


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text("utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), "utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "title": lambda root: edit(root, SOLEDAR, "title: Ukrainian prisoner of war shot", "title: A prisoner of war shot"),
    "place": lambda root: edit(root, SOLEDAR, "  place: Soledar", "  place: Krasna Hora"),
    "source": lambda root: edit(
        root, DMYTRIVKA, "title: \"'They Are Not Humans': Video", "title: \"'They Are Not Humans' - Video"
    ),
    "side": lambda root: edit(root, SOLEDAR, "  - side: russia\n    unit: null", "  - side: ukraine\n    unit: null"),
    "grade": lambda root: edit(root, SOLEDAR, "  status: corroborated", "  status: claimed"),
    "deletion": lambda root: (root / DMYTRIVKA).unlink(),
    "new record": lambda root: shutil.copy(root / DMYTRIVKA, root / "incidents/2022-03-31-a-copy-of-a-record.yaml"),
    "setting": lambda root: edit(root, "archive.yaml", "name: CC BY 4.0", "name: CC BY 4.0 (renamed)"),
    "free page": lambda root: edit(root, "pages/about.md", "\n\n", "\n\nA new paragraph.\n\n"),
    "template": lambda root: (
        (root / "templates").mkdir()
        or (root / "templates" / "outlet.html").write_text(
            (layout.default_dir("templates") / "outlet.html")
            .read_text("utf-8")
            .replace("</h1>", "</h1>\n<p>Edited.</p>"),
            "utf-8",
        )
    ),
    "static file": lambda root: (
        (root / "static").mkdir()
        or (root / "static" / "extra.txt").write_text("an archive's own static file\n", "utf-8")
    ),
}


@pytest.mark.parametrize("change", EDITS)
def test_an_incremental_build_after_a_change_equals_a_clean_build(
    change: str, sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    first = rebuild(root, out, history=False, cache=cache)
    assert first.rendered == first.pages
    EDITS[change](root)
    again = rebuild(root, out, history=False, cache=cache)
    clean = tmp_path / "clean"
    build_site(root, clean, history=False)
    same_tree(out, clean)
    if change == "setting":
        assert again.rendered == again.pages  # the licence is on every page, in every language
    elif change == "static file":
        assert again.rendered == 0
    elif change == "deletion":  # its tags and its year go, and with them links on every page
        assert 0 < again.rendered <= again.pages
    else:
        assert 0 < again.rendered < again.pages, again.rendered


def test_nothing_is_rendered_when_nothing_changed_and_the_output_is_the_same(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(root, out, history=False, cache=cache)
    before = {p: p.stat().st_ino for p in out.rglob("*") if p.is_file()}
    again = rebuild(root, out, history=False, cache=cache)
    assert again.rendered == 0
    assert {p: p.stat().st_ino for p in out.rglob("*") if p.is_file()} == before  # nothing written again
    assert again.files == len(before)


def test_a_series_of_edits_stays_equal_to_clean_builds(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    """Edits one after another (each build reusing the output of the one before), then all undone."""
    root = copy_archive(sample_root)
    original = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(root, out, history=False, cache=cache)
    for number, change in enumerate(("title", "side", "grade", "deletion", "place", "source")):
        if change != "source" or (root / DMYTRIVKA).exists():
            EDITS[change](root)
        rebuild(root, out, history=False, cache=cache)
        clean = tmp_path / f"clean-{number}"
        build_site(root, clean, history=False)
        same_tree(out, clean)
    shutil.rmtree(root / "incidents")
    for path, data in original.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    rebuild(root, out, history=False, cache=cache)
    build_site(root, tmp_path / "clean-last", history=False)
    same_tree(out, tmp_path / "clean-last")


def test_a_changed_output_file_is_made_again(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    """The cache trusts a file only while it has the size, time and inode it was written with."""
    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(root, out, history=False, cache=cache)
    (out / "about" / "index.html").write_text("changed by hand", "utf-8")
    (out / "sources" / "index.html").unlink()
    (out / "stray.html").write_text("not ours", "utf-8")
    shutil.rmtree(next((out / "pagefind").iterdir()) / "fragment")
    again = rebuild(root, out, history=False, cache=cache)
    assert again.rendered == 2
    build_site(root, tmp_path / "clean", history=False)
    same_tree(out, tmp_path / "clean")


def test_a_new_code_version_renders_every_page(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(root, out, history=False, cache=cache)
    monkeypatch.setattr(code, "version", lambda: "another version")
    uptodate.forget(cache)  # the stamp sees new code by its files' times; here only the version differs
    again = rebuild(root, out, history=False, cache=cache)
    assert again.rendered == again.pages


def test_a_corrupt_or_foreign_manifest_means_a_full_build(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(root, out, history=False, cache=cache)
    manifests = sorted(cache.rglob(MANIFEST))  # the site's, and that of its pages in another language
    assert len(manifests) == 2
    for text in ("{not json", json.dumps({"version": 0, "files": {}}), "[]"):
        for manifest in manifests:
            manifest.write_text(text, "utf-8")
        uptodate.forget(cache)  # the up-to-date check does not read the manifest: only the build does
        again = rebuild(root, out, history=False, cache=cache)
        assert again.rendered == again.pages
    build_site(root, tmp_path / "clean", history=False)
    same_tree(out, tmp_path / "clean")


def test_a_new_source_date_epoch_writes_every_file_with_its_time(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    rebuild(root, out, history=False, cache=cache)
    EDITS["title"](root)
    again = rebuild(root, out, history=False, cache=cache)
    assert 0 < again.rendered < again.pages
    assert {int(p.stat().st_mtime) for p in out.rglob("*")} | {int(out.stat().st_mtime)} == {1700000000}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    rebuild(root, out, history=False, cache=cache)
    assert {int(p.stat().st_mtime) for p in out.rglob("*")} | {int(out.stat().st_mtime)} == {1800000000}
    build_site(root, tmp_path / "clean", history=False)
    same_tree(out, tmp_path / "clean")


def test_the_current_output_never_changes_while_the_next_is_made(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    """The next site shares unchanged files with the current one by hard links; those are replaced, never
    written in place, so the previous output (kept here by a link to each of its files) stays whole."""
    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(root, out, history=False, cache=cache)
    for number, change in enumerate(("title", "grade", "side")):  # from links to the output, then from the spare
        before = tree(out)
        kept = tmp_path / f"kept-{number}"
        for name in before:
            (kept / name).parent.mkdir(parents=True, exist_ok=True)
            os.link(out / name, kept / name)
        EDITS[change](root)
        rebuild(root, out, history=False, cache=cache)
        assert tree(kept) == before
        assert tree(out) != before


def test_the_next_build_starts_from_the_previous_site_and_trusts_none_of_its_changed_files(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    """The site swapped out is kept as `.site.spare` and becomes the next staging folder; a file in it that
    is not as written (edited, replaced, added) is removed and made again."""
    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    spare = tmp_path / ".site.spare"
    rebuild(root, out, history=False, cache=cache)
    assert not spare.exists()
    EDITS["title"](root)
    rebuild(root, out, history=False, cache=cache)
    assert spare.is_dir()
    (spare / "about" / "index.html").write_text("edited in the spare", "utf-8")
    (spare / "sources" / "index.html").unlink()
    (spare / "sources" / "index.html").write_text("replaced in the spare", "utf-8")
    (spare / "stray").mkdir()
    (spare / "stray" / "file.html").write_text("added to the spare", "utf-8")
    EDITS["grade"](root)
    again = rebuild(root, out, history=False, cache=cache)
    assert again.rendered < again.pages
    build_site(root, tmp_path / "clean", history=False)
    same_tree(out, tmp_path / "clean")
    assert not (out / "stray").exists()


def test_the_rows_of_the_lists_are_kept_from_one_build_to_the_next(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the edited record's rows are rendered again; the lists' other rows come from the cache."""
    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(root, out, history=False, cache=cache)
    rendered: list[tuple] = []
    original = once.Fragments.get

    def counting(self: once.Fragments, key: tuple, parts: tuple, make: Callable[[], str]) -> str:
        return original(self, key, parts, lambda: rendered.append(key) or make())

    monkeypatch.setattr(once.Fragments, "get", counting)
    EDITS["title"](root)
    rebuild(root, out, history=False, cache=cache)
    # the keys' second part: ("entry", its id) for a list's row, ("mark", its id, where it is...) for the timeline's
    assert rendered and {key[1][:2] for key in rendered} == {
        ("entry", "2022-12-30-soledar-prisoner-shot"),
        ("mark", "2022-12-30-soledar-prisoner-shot"),
    }
    build_site(root, tmp_path / "clean", history=False)
    same_tree(out, tmp_path / "clean")


def test_after_a_build_that_changed_every_page_the_next_starts_from_the_output_not_the_spare(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The spare is the site before last: after a new code version it is all out of date."""
    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(root, out, history=False, cache=cache)
    EDITS["title"](root)
    rebuild(root, out, history=False, cache=cache)
    monkeypatch.setattr(code, "version", lambda: "another version")
    uptodate.forget(cache)
    assert rebuild(root, out, history=False, cache=cache).rendered == 196  # 98 pages in each of two languages
    EDITS["grade"](root)
    again = rebuild(root, out, history=False, cache=cache)
    assert 0 < again.rendered < 196
    build_site(root, tmp_path / "clean", history=False)
    same_tree(out, tmp_path / "clean")


def test_in_a_list_of_many_pages_an_edit_renders_again_only_the_pages_that_show_the_record(tmp_path: Path) -> None:
    """A list a hundred records a page: an edit of one record's title changes its own page and the one page of each
    list that shows it (each page holds its own records, not the whole list), never every page of every list."""
    from many_records import many_records

    root = many_records(tmp_path / "archive", 250)
    out, cache = tmp_path / "site", tmp_path / "cache"
    first = rebuild(root, out, history=False, cache=cache)
    assert (out / "incidents" / "page" / "3" / "index.html").is_file()
    before = {p: p.stat().st_ino for p in out.rglob("index.html")}
    record = next(root.glob("incidents/*-record-0150.yaml"))
    edit(root, record.relative_to(root).as_posix(), "title: Incident number 150", "title: An edited title")
    again = rebuild(root, out, history=False, cache=cache)
    build_site(root, tmp_path / "clean", history=False)
    same_tree(out, tmp_path / "clean")
    changed = sorted(
        p.relative_to(out).parent.as_posix() for p in out.rglob("index.html") if before.get(p) != p.stat().st_ino
    )
    # its page, the home page's latest records do not show it; each list that does shows it on one page of several
    assert "incidents/page/2" in changed and "incidents" not in changed and "incidents/page/3" not in changed
    assert again.rendered == len(changed) < first.pages // 10, changed


def _cached_as_ci_does(folders: list[Path], into: Path) -> None:
    """What actions/cache does between two workflow runs: the folders saved with `tar --posix` and, in the next
    run, restored where they were (every file with a new inode, its time kept)."""
    subprocess.run(["tar", "--posix", "-cf", str(into), *(str(f) for f in folders)], check=True, cwd="/")
    for folder in folders:
        shutil.rmtree(folder)
    subprocess.run(["tar", "-xf", str(into)], check=True, cwd="/")


def test_builds_from_a_restored_ci_cache_are_incremental_and_equal_clean_builds(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
) -> None:
    """The publishing workflow (issue 22) restores the last output and its cache: twice in a row, a one-record
    change renders few pages, and the site equals a clean build."""
    root = copy_archive(sample_root)
    out, cache = tmp_path / "_site", tmp_path / "._site.cache"
    rebuild(root, out, history=False, cache=cache)
    for step, change in enumerate(("title", "grade")):
        _cached_as_ci_does([out, cache], tmp_path / f"cache-{step}.tar")
        EDITS[change](root)
        again = rebuild(root, out, history=False, cache=cache)
        assert 0 < again.rendered < again.pages / 2, again.rendered
        clean = tmp_path / f"clean-{step}"
        build_site(root, clean, history=False)
        same_tree(out, clean)
