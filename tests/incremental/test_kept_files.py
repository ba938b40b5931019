"""Kept files: the next site starts from the last one's files, and keeps only those its manifest vouches for."""

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from warcrime_archive.build import source_date_epoch
from warcrime_archive.incremental import kept_files
from warcrime_archive.incremental.kept_files import LastSite, folders_of
from warcrime_archive.incremental.rebuild import MANIFEST, rebuild
from warcrime_archive.write.staging import Staging


def _staged(staging: Staging) -> dict[str, int]:
    return {p.relative_to(staging.folder).as_posix(): p.stat().st_ino for p in staging.folder.rglob("*") if p.is_file()}


def test_kept_files_are_put_in_place_by_a_child_while_the_build_goes_on(
    sample_root, copy_archive, tmp_path, monkeypatch
):
    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(root, out, history=False, cache=cache)
    seen = {}
    for inline in (False, True):
        if inline:  # with another thread running, no fork: the files are linked before `start` returns
            monkeypatch.setattr(kept_files.threading, "active_count", lambda: 2)
        last = LastSite(cache / MANIFEST)
        with Staging(out, mtime=source_date_epoch(), kept=last) as staging:
            assert (last.child is not None) is not inline
            staging.ready()  # what every method that needs the kept files does first: wait for the child
            assert last.child is None
            seen[inline] = (dict(staging.kept), sorted(staging.folders_made), _staged(staging))
            assert staging.unchanged("index.html", staging.kept["index.html"][0])
            shutil.rmtree(staging.folder)
    assert seen[False] == seen[True]
    kept, _, files = seen[False]
    assert len(kept) == len(files) > 50
    # every kept file is a hard link to the output's
    assert all(files[path] == (out / path).stat().st_ino for path in files)


def test_a_text_put_in_parts_is_kept_when_its_bytes_are_unchanged(tmp_path):
    """With a manifest, the same bytes in the next build keep the file (the same inode); other bytes replace it."""
    text = ["[\n", '  "caf\u00e9 \u0627\u0644",\n', "  2\n", "]\n"]
    out = tmp_path / "site"
    manifest = tmp_path / "cache" / "site.json"
    inodes, kept = [], []
    for content in (text, text, ["[]\n"]):
        with Staging(out, kept=LastSite(manifest)) as staging:
            staging.put_parts("data/a.json", lambda content=content: iter(content))
            kept.append(staging.files["data/a.json"] is staging.kept.get("data/a.json"))
            staging.commit()
        assert (out / "data/a.json").read_text() == "".join(content)
        inodes.append((out / "data/a.json").stat().st_ino)
    assert kept == [False, True, False]
    assert inodes[1] == inodes[0] != inodes[2]


def test_a_build_failing_before_it_writes_stops_the_child_and_leaves_no_staging_folder(
    sample_root, copy_archive, tmp_path
):
    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(root, out, history=False, cache=cache)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    last = LastSite(cache / MANIFEST)
    with (
        pytest.raises(RuntimeError, match="planning failed"),
        Staging(out, mtime=source_date_epoch(), kept=last),
    ):
        assert last.child is not None
        pid = last.child[0]
        raise RuntimeError("planning failed")
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # already reaped
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "cache", "site"]
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_the_folders_of_a_site_are_told_from_its_files(tmp_path: Path) -> None:
    files = {"index.html": [], "a/b/c.html": [], "a/d.html": [], "e/f/g/h.txt": []}
    for path in files:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x")
    walked = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_dir())
    assert folders_of(files) == walked == ["a", "a/b", "e", "e/f", "e/f/g"]


def test_a_file_restored_from_a_copy_is_kept_only_with_its_size_its_second_and_its_bytes(tmp_path):
    """A CI cache restores the site with new inodes: a file is then trusted by its bytes (issue 22)."""
    path = tmp_path / "page.html"
    path.write_bytes(b"<p>the page</p>")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    stat = path.stat()
    entry = ["fingerprint", stat.st_size, stat.st_mtime_ns, stat.st_ino + 1, True, digest]  # another inode
    kept = kept_files.restored(entry, str(path), stat)
    assert kept == ["fingerprint", stat.st_size, stat.st_mtime_ns, stat.st_ino, True, digest]  # now by its status
    path.write_bytes(b"<p>the pagE</p>")  # the same size, other bytes
    os.utime(path, ns=(stat.st_mtime_ns, stat.st_mtime_ns))
    assert kept_files.restored(entry, str(path), path.stat()) is None
    assert kept_files.restored(entry[:5] + [""], str(path), stat) is None  # no digest recorded: not trusted
    later = stat.st_mtime_ns + 5_000_000_000
    os.utime(path, ns=(later, later))
    path.write_bytes(b"<p>the page</p>")
    os.utime(path, ns=(later, later))
    assert kept_files.restored(entry, str(path), path.stat()) is None  # another second: not the file written
