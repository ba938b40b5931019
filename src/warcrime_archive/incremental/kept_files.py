"""Kept files: the next site starts from the last one's files, each kept only while it is as its manifest lists it.

The write stage's `KeptFiles` for the incremental build. After each build the manifest (`site.json` in the build
cache) lists every file of the output with the fingerprint of what it was made from and the size, time and inode it
was written with (`write.kept.FileEntry`). The output a build replaces is kept beside it as a spare (`.build.spare`,
with its own manifest), and becomes the next staging folder when it differs from the output in at most a tenth of
its files; otherwise the staging folder starts as hard links to the output's files. Either way a file stays only
while it has the size, time and inode its manifest lists, or, restored from a copy (a CI cache), its size, time to
the second and bytes (so a file changed or replaced since is not trusted, and is removed). The staging folder is
got ready in a forked child while the build goes on (`start`, then `wait`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import threading
from collections.abc import Callable
from pathlib import Path

import orjson

from warcrime_archive.incremental import atomic
from warcrime_archive.write.kept import FileEntry, Kept, KeptFiles

MANIFEST_VERSION = 2


def read_manifest(path: Path) -> dict | None:
    """A manifest, or None when there is none or it cannot be trusted."""
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, ValueError):  # orjson.JSONDecodeError is a ValueError
        return None
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION or not isinstance(data.get("files"), dict):
        return None
    return data


def write_manifest(path: Path, files: dict[str, FileEntry], mtime: int | None) -> None:
    atomic.write_atomically(path, orjson.dumps({"version": MANIFEST_VERSION, "mtime": mtime, "files": files}))


def restored(entry: FileEntry, path: str, stat: os.stat_result) -> FileEntry | None:
    """The entry of a file restored from a copy of the site (actions/cache, rsync, tar: new inodes, the time
    kept to the second at least) when its bytes are those written: the same size, the same second and the same
    SHA-256. Its entry then names the copy's time and inode, so the next build trusts it by its status again.
    A file whose digest was not recorded (a manifest of before issue 22) is not trusted."""
    size, mtime_ns = entry[1], entry[2]
    if stat.st_size != size or stat.st_mtime_ns // 1_000_000_000 != mtime_ns // 1_000_000_000 or not entry[5]:
        return None
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    if digest.hexdigest() != entry[5]:
        return None
    return [entry[0], stat.st_size, stat.st_mtime_ns, stat.st_ino, entry[4], entry[5]]


def folders_of(files: dict[str, FileEntry]) -> list[str]:
    """Every folder of a site that holds one of `files`, as a path relative to the site, sorted (the site's own
    folder is not listed): the output's folders once it is swapped in, without walking it."""
    found: set[str] = set()
    for path in files:
        parent = path.rpartition("/")[0]
        while parent and parent not in found:
            found.add(parent)
            parent = parent.rpartition("/")[0]
    return sorted(found)


def _close(spare: dict[str, FileEntry], live: dict[str, FileEntry]) -> bool:
    """Whether the spare (the site before last) differs from the current output in at most a tenth of its
    files: then starting from it costs less than linking every file of the output. After a build that
    changed much (new code, a new template or setting) the spare is far behind, and the output is linked."""
    differing = sum(1 for path, entry in live.items() if (spare.get(path) or [None])[0] != entry[0])
    return differing + len(spare.keys() - live.keys()) <= len(live) // 10


class _Filling:
    """Puts the files a manifest lists, as written, in the staging folder; notes what it kept and the folders."""

    def __init__(self, folder: Path, listed: dict[str, FileEntry]) -> None:
        self.folder, self.listed = folder, listed
        self.kept: dict[str, FileEntry] = {}
        self.folders: set[Path] = set()

    def _as_written(self, relative: str, item: os.DirEntry) -> FileEntry | None:
        """The manifest entry of a file, if it is still the file that was written: the same size, time and inode,
        or, for a site restored from a copy (a CI cache: every inode new), the same size, the same second and
        the same bytes (`restored`)."""
        entry = self.listed.get(relative)
        if entry is None or not item.is_file(follow_symlinks=False):
            return None
        stat = item.stat(follow_symlinks=False)
        if [stat.st_size, stat.st_mtime_ns, stat.st_ino] == entry[1:4]:
            return entry
        return restored(entry, item.path, stat)

    def keep_listed(self, folder: Path, prefix: str) -> None:
        """In the spare, now the staging folder: keep the files as its manifest lists them, remove the rest."""
        with os.scandir(folder) as found:
            items = list(found)
        for item in items:
            relative = prefix + item.name
            if item.is_dir(follow_symlinks=False):
                self.keep_listed(Path(item.path), relative + "/")
            elif (entry := self._as_written(relative, item)) is not None:
                self.kept[relative] = entry
            else:
                os.unlink(item.path)
        if prefix and not any(folder.iterdir()):
            folder.rmdir()

    def link_from(self, folder: Path, prefix: str) -> None:
        """Hard-link into the staging folder every file under `folder` as the manifest lists it."""
        with os.scandir(folder) as found:
            for item in found:
                relative = prefix + item.name
                if item.is_dir(follow_symlinks=False):
                    self.link_from(Path(item.path), relative + "/")
                    continue
                entry = self._as_written(relative, item)
                if entry is None:
                    continue
                dest = self.folder.joinpath(*relative.split("/"))
                if dest.parent not in self.folders:
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    self.folders.add(dest.parent)
                try:
                    os.link(item.path, dest)
                except OSError:  # a file system without hard links: nothing is reused
                    return
                self.kept[relative] = entry


class LastSite(KeptFiles):
    """The staging folder made from the last site (the spare, or links to the output), as its manifest lists it;
    after the swap, the new manifest, and the replaced site kept as the next spare."""

    def __init__(self, manifest: Path) -> None:
        self.manifest = manifest
        self.spare_manifest = manifest.with_name("spare-" + manifest.name)
        self.mtime: int | None = None
        self.live: dict | None = None  # the manifest of the current output
        self.found = Kept()
        self.child: tuple[int, int] | None = None  # (pid, pipe) of the child putting the kept files in place
        self.folders: list[str] = []  # the output's folders, once the new site is in place (`folders_of`)

    def start(self, folder: Path, out: Path, mtime: int | None) -> None:
        self.mtime = mtime
        self.spare = out.parent / f".{out.name}.spare"
        live = read_manifest(self.manifest)
        if live is not None and live.get("mtime") == mtime and out.is_dir():
            self.live = live
        spare = read_manifest(self.spare_manifest)
        self.spare_manifest.unlink(missing_ok=True)  # the spare is about to change: trusted no more
        if (
            self.live is not None
            and spare is not None
            and spare.get("mtime") == mtime
            and self.spare.is_dir()
            and _close(spare["files"], self.live["files"])
        ):
            os.rename(self.spare, folder)
            filling = _Filling(folder, spare["files"])
            self._fill(filling, lambda: filling.keep_listed(folder, ""))
        else:
            folder.mkdir()
            if self.live is not None:
                filling = _Filling(folder, self.live["files"])
                self._fill(filling, lambda: filling.link_from(out, ""))

    def _fill(self, filling: _Filling, fill: Callable[[], None]) -> None:
        """Put the kept files in place: in a forked child while the build goes on (planning on one core, this on
        the other), or here when other threads run (a fork copies only this one). `wait` takes what it found."""
        self.found = Kept({}, filling.listed, set())
        if threading.active_count() > 1 or not hasattr(os, "fork"):
            fill()
            self.found = Kept(filling.kept, filling.listed, filling.folders)
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: only file-system calls, then its findings down the pipe
            status = 1
            try:
                os.close(read)
                fill()
                found = {"kept": filling.kept, "folders": [str(folder) for folder in filling.folders]}
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(orjson.dumps(found))
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self.child = (pid, read)

    def wait(self) -> Kept:
        if self.child is None:
            return self.found
        pid, read = self.child
        self.child = None
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0 or not data:
            raise OSError(f"preparing the staging folder failed (status {status})")
        found = orjson.loads(data)
        return Kept(found["kept"], self.found.listed, {Path(folder) for folder in found["folders"]})

    def stop(self) -> None:
        if self.child is not None:
            os.kill(self.child[0], signal.SIGKILL)
            os.waitpid(self.child[0], 0)
            os.close(self.child[1])
            self.child = None

    def swapping(self) -> None:
        self.manifest.unlink(missing_ok=True)  # until the new one is written, nothing is trusted

    def swapped(self, files: dict[str, FileEntry], previous: Path) -> None:
        write_manifest(self.manifest, files, self.mtime)
        shutil.rmtree(self.spare, ignore_errors=True)
        if self.live is not None and previous.is_dir():
            # the previous output becomes the spare: the next build starts from it instead of linking every file
            os.rename(previous, self.spare)
            write_manifest(self.spare_manifest, self.live["files"], self.live.get("mtime"))
        self.folders = folders_of(files)
