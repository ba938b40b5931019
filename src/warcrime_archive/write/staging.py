"""Write stage: the only stage that touches the output folder.

The new site is written into a fresh folder beside the output and swapped in at the end with one
atomic exchange of the two folders, so a build that fails or is killed at any moment leaves the
previous site complete. Staging folders left by a killed build are removed by the next one.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import hashlib
import os
import queue
import re
import shutil
import signal
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import orjson

from warcrime_archive import layout
from warcrime_archive.problems import Problem


class UnsafeOutput(Exception):
    """The output folder would overwrite or sit inside the archive's own files."""


def check_output(root: Path, out: Path) -> list[Problem]:
    """Refuse an output folder that is the archive, holds it, or lies inside its records."""
    root_r, out_r = root.resolve(), out.resolve()
    problems = []
    if out_r == root_r or root_r.is_relative_to(out_r):
        problems.append(
            Problem(
                str(out),
                1,
                1,
                "--out",
                "the output folder may not be the archive or hold it",
                "use a folder such as build/",
            )
        )
    for name in (*layout.FOLDERS, ".git"):
        if out_r.is_relative_to((root_r / name).resolve()):
            problems.append(Problem(str(out), 1, 1, "--out", f"the output folder may not be inside {name}/"))
    if out_r.exists() and not out_r.is_dir():
        problems.append(Problem(str(out), 1, 1, "--out", "exists and is not a folder"))
    elif not problems and _holds_an_archive(out_r):
        problems.append(
            Problem(
                str(out),
                1,
                1,
                "--out",
                "the output folder holds records or a repository, and a build replaces it whole",
                "give an empty folder or the previous build's",
            )
        )
    return problems


def _holds_an_archive(folder: Path) -> bool:
    """An archive.yaml, a .git, or records directly in incidents/: never a built site."""
    if not folder.is_dir():
        return False
    if (folder / "archive.yaml").exists() or (folder / ".git").exists():
        return True
    incidents = folder / "incidents"
    return incidents.is_dir() and any(p.suffix in (".yaml", ".yml") for p in incidents.iterdir())


def _safe_join(folder: Path, relative: str) -> Path:
    parts = relative.split("/")
    if not relative.startswith("/") and all(part not in ("", ".", "..") for part in parts):
        # Plainly inside: no need to ask the disk (the staging folder is new and holds no links).
        return folder.joinpath(*parts)
    target = (folder / relative).resolve()
    if not target.is_relative_to(folder.resolve()) or relative.startswith("/"):
        raise ValueError(f"output path {relative!r} leaves the output folder")
    return target


_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def _libc_renameat2() -> Callable[..., int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.renameat2
    except (OSError, AttributeError):  # not Linux, or a C library without renameat2
        return None


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2 RENAME_EXCHANGE); False when unsupported."""
    renameat2 = _libc_renameat2()
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):  # a file system that cannot exchange
        return False
    raise OSError(code, os.strerror(code), str(a))


def _swap_in(staging: Path, out: Path, old: Path) -> None:
    """Make `staging` the output folder; the previous output (if any) ends up at `old`."""
    if out.exists() and exchange(staging, out):
        os.rename(staging, old)  # `staging` now holds the previous site
        return
    if out.exists():  # no atomic exchange here: a short window without the output folder
        os.rename(out, old)
    os.rename(staging, out)


def _stale(out: Path) -> list[Path]:
    """Staging and old folders beside `out` left by builds that were killed and are no longer running."""
    pattern = re.compile(rf"^\.{re.escape(out.name)}\.(?:new|old)-(\d+)$")
    found = []
    for path in sorted(out.parent.iterdir()) if out.parent.is_dir() else []:
        match = pattern.match(path.name)
        if match and path.is_dir() and not path.is_symlink() and not _running(int(match.group(1))):
            found.append(path)
    return found


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


MANIFEST_VERSION = 2


class Staging:
    """The next site, made in a folder beside the output and swapped in whole by `commit`.

    With a `manifest` (a file in the build cache), the staging folder does not start empty. The previous
    output, swapped out by the last build, is kept beside the output as a spare (`.build.spare`, with its
    own manifest), and becomes the staging folder; without a spare, the staging folder starts as hard
    links to the current output's files. Either way it keeps only the files a manifest vouches for: each
    listed with the fingerprint of what it was made from, and still with the size, time and inode it had
    when written (so a file changed or replaced since is not trusted, and is removed). `unchanged(path,
    fingerprint)` then says whether that file may stay; everything else is written anew. A file is never
    written in place, only replaced (unlinked, then created), so the current output, which may share
    those files, never changes. Files the new site does not keep are removed before the swap.
    """

    def __init__(self, out: Path, *, mtime: int | None = None, manifest: Path | None = None) -> None:
        self.out = out.resolve()
        self.mtime = mtime
        self.manifest = manifest
        self.spare_manifest = manifest.with_name("spare-" + manifest.name) if manifest is not None else None
        self.staging = self.out.parent / f".{self.out.name}.new-{os.getpid()}"
        self.old = self.out.parent / f".{self.out.name}.old-{os.getpid()}"
        self.spare = self.out.parent / f".{self.out.name}.spare"
        self.linked: dict[str, list] = {}  # path -> its manifest entry, for files kept from before
        self.files: dict[str, list] = {}  # the new site: path -> [fingerprint, size, mtime_ns, inode, indexed, sha256]
        self.made: set[Path] = set()
        self.base: dict[str, list] = {}  # the manifest of the folder the staging folder started from
        self.live: dict | None = None  # the manifest of the current output
        self.workers: list[threading.Thread] = []  # the search index's threads (`SearchIndex`)
        self.index: SearchIndex | None = None
        self.filler: tuple[int, int] | None = None  # (pid, pipe) of the child putting kept files in place

    def __enter__(self) -> Staging:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        if self.out.exists() and not self.out.is_dir():
            raise ValueError(f"the output {self.out} exists and is not a folder")
        for leftover in _stale(self.out):
            shutil.rmtree(leftover, ignore_errors=True)
        shutil.rmtree(self.staging, ignore_errors=True)
        live = read_manifest(self.manifest) if self.manifest is not None else None
        if live is not None and live.get("mtime") == self.mtime and self.out.is_dir():
            self.live = live
        spare = read_manifest(self.spare_manifest) if self.spare_manifest is not None else None
        if self.spare_manifest is not None:
            self.spare_manifest.unlink(missing_ok=True)  # the spare is about to change: trusted no more
        if (
            self.live is not None
            and spare is not None
            and spare.get("mtime") == self.mtime
            and self.spare.is_dir()
            and _close(spare["files"], self.live["files"])
        ):
            os.rename(self.spare, self.staging)
            self.base = spare["files"]
            self._fill(lambda: self._keep_listed(self.staging, ""))
        else:
            self.staging.mkdir()
            if self.live is not None:
                self.base = self.live["files"]
                self._fill(lambda: self._link_from(self.out, ""))
        return self

    def _fill(self, fill: Callable[[], None]) -> None:
        """Put the files kept from before in place: in a forked child while the build goes on (planning on
        one core, this on the other), or here when other threads run (a fork copies only this one).
        `filled` waits for the child and takes its `linked` and `made`."""
        if threading.active_count() > 1 or not hasattr(os, "fork"):
            fill()
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: only file-system calls, then its findings down the pipe
            status = 1
            try:
                os.close(read)
                fill()
                found = {"linked": self.linked, "made": [str(folder) for folder in self.made]}
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(orjson.dumps(found))
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self.filler = (pid, read)

    def filled(self) -> None:
        """Wait until the files kept from before are in place (`_fill`); needed before anything is written."""
        if self.filler is None:
            return
        pid, read = self.filler
        self.filler = None
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0 or not data:
            raise OSError(f"preparing the staging folder {self.staging} failed (status {status})")
        found = orjson.loads(data)
        self.linked = found["linked"]
        self.made = {Path(folder) for folder in found["made"]}

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if self.filler is not None:  # the build failed before needing the staging folder
            os.kill(self.filler[0], signal.SIGKILL)
            os.waitpid(self.filler[0], 0)
            os.close(self.filler[1])
            self.filler = None
        if self.index is not None:
            self.index.stop()  # the shards not begun are dropped; the one being made ends first
        for worker in self.workers:
            worker.join()  # the indexers read the staging folder: they end before anything is removed
        if error is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            if self.old.exists() and not self.out.exists():
                os.rename(self.old, self.out)

    def _vouched(self, relative: str, item: os.DirEntry) -> list | None:
        """The manifest entry of a file, if it is still the file that was written."""
        entry = self.base.get(relative)
        if entry is None or not item.is_file(follow_symlinks=False):
            return None
        stat = item.stat(follow_symlinks=False)
        return entry if [stat.st_size, stat.st_mtime_ns, stat.st_ino] == entry[1:4] else None

    def _keep_listed(self, folder: Path, prefix: str) -> None:
        """In the spare, now the staging folder: keep the files the spare's manifest vouches for, remove the rest."""
        with os.scandir(folder) as found:
            items = list(found)
        for item in items:
            relative = prefix + item.name
            if item.is_dir(follow_symlinks=False):
                self._keep_listed(Path(item.path), relative + "/")
            elif (entry := self._vouched(relative, item)) is not None:
                self.linked[relative] = entry
            else:
                os.unlink(item.path)
        if prefix and not any(folder.iterdir()):
            folder.rmdir()

    def _link_from(self, folder: Path, prefix: str) -> None:
        """Hard-link into the staging folder every file under `folder` that the manifest vouches for."""
        with os.scandir(folder) as found:
            for item in found:
                relative = prefix + item.name
                if item.is_dir(follow_symlinks=False):
                    self._link_from(Path(item.path), relative + "/")
                    continue
                entry = self._vouched(relative, item)
                if entry is None:
                    continue
                dest = self.staging.joinpath(*relative.split("/"))
                self._folder(dest.parent)
                try:
                    os.link(item.path, dest)
                except OSError:  # a file system without hard links: nothing is reused
                    return
                self.linked[relative] = entry

    def _folder(self, folder: Path) -> None:
        if folder not in self.made:
            folder.mkdir(parents=True, exist_ok=True)
            self.made.add(folder)

    def unchanged(self, relative: str, fingerprint: str | None) -> bool:
        """True (and the file stays) when the output already holds `relative` made from `fingerprint`."""
        self.filled()
        entry = self._kept(relative, fingerprint)
        if entry is None:
            return False
        self.record(relative, entry)
        return True

    def _kept(self, relative: str, fingerprint: str | None) -> list | None:
        """The manifest entry of `relative` when the output already holds it made from `fingerprint`."""
        entry = self.linked.get(relative)
        return entry if fingerprint is not None and entry is not None and entry[0] == fingerprint else None

    def put(self, relative: str, content: str | bytes, fingerprint: str | None = None) -> None:
        """Write a file of the new site; without a fingerprint, it is known by the SHA-256 of its content
        and kept as it is when the output already holds the same bytes."""
        self.filled()
        self.record(relative, self.write(relative, content, fingerprint))

    def write(self, relative: str, content: str | bytes, fingerprint: str | None = None) -> list:
        """What `put` does but record the file: returns its manifest entry, for `record`.

        Safe in a process forked from the build once `filled` (a render worker writing the pages it renders):
        it reads what the staging folder started with, and changes nothing but the file and its folder."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        digest = hashlib.sha256(data).hexdigest()
        if fingerprint is None:
            fingerprint = "sha256:" + digest  # the content is its own fingerprint
            entry = self._kept(relative, fingerprint)
            if entry is not None:
                return entry  # the file stays
        stat = self._create(relative, (data,))
        indexed = relative.endswith(".html") and b"data-pagefind-body" in data
        return [fingerprint, stat.st_size, stat.st_mtime_ns, stat.st_ino, indexed, digest]

    def _create(self, relative: str, chunks: Iterable[bytes]) -> os.stat_result:
        """Create the file `relative` in the staging folder from `chunks`, and return its status."""
        dest = _safe_join(self.staging, relative)
        self._folder(dest.parent)
        if relative in self.linked or relative in self.files:
            dest.unlink(missing_ok=True)  # a link to the current output's file: replaced, never written in place
        with open(dest, "xb") as file:
            for chunk in chunks:
                file.write(chunk)
            file.flush()  # so that no later write changes the time recorded below
            if self.mtime is not None:
                os.utime(file.fileno(), (self.mtime, self.mtime))
            return os.fstat(file.fileno())

    def put_parts(self, relative: str, parts: Callable[[], Iterable[str]]) -> None:
        """`put` of a text given in parts (`parts()` gives them, anew each time it is called), never joined:
        known by the SHA-256 of its bytes, and kept as it is when the output already holds the same bytes."""
        self.filled()
        hashed = hashlib.sha256()
        for part in parts():
            hashed.update(part.encode("utf-8"))
        digest = hashed.hexdigest()
        fingerprint = "sha256:" + digest
        if self.unchanged(relative, fingerprint):
            return
        stat = self._create(relative, (part.encode("utf-8") for part in parts()))
        indexed = False  # only pages are indexed, and they are written whole
        self.record(relative, [fingerprint, stat.st_size, stat.st_mtime_ns, stat.st_ino, indexed, digest])

    def record(self, relative: str, entry: list) -> None:
        """Count a file `write` put in the staging folder (here or in a forked process) as part of the new site."""
        self.files[relative] = entry

    def folders(self) -> list[str]:
        """Every folder of the new site that holds one of its files, as a path relative to the site, sorted (the
        site's own folder is not listed): the output's folders once it is swapped in, without walking it."""
        found: set[str] = set()
        for path in self.files:
            parent = path.rpartition("/")[0]
            while parent and parent not in found:
                found.add(parent)
                parent = parent.rpartition("/")[0]
        return sorted(found)

    def sums(self, paths: Iterable[str]) -> str:
        """`sha256sum -c` input over files of the new site (written or kept): '<hex>  <path>', sorted."""
        return "".join(f"{self.files[path][5]}  {path}\n" for path in sorted(paths))

    def copy_static(self, static_dirs: list[Path]) -> None:
        """The static files under static/, the first folder's file winning when two have the same name."""
        for static in static_dirs:
            if static.is_dir():
                for src in sorted(static.rglob("*")):
                    relative = "static/" + src.relative_to(static).as_posix()
                    if src.is_file() and relative not in self.files:
                        self.put(relative, src.read_bytes())

    def search_key(self, version: str, pages: Iterable[str]) -> str:
        """A digest of the pages an index is made from: those of `pages` that the indexer indexes (marked
        data-pagefind-body), by path and the SHA-256 of their bytes. The same key, the same index (a page
        rendered again to the same bytes leaves it)."""
        digest = hashlib.sha256(version.encode() + b"\0")
        for relative in sorted(pages):
            entry = self.files.get(relative)
            if entry is not None and entry[4]:
                digest.update(f"{relative}\0{entry[5]}\0".encode())
        return "search:" + digest.hexdigest()

    def start_index(
        self,
        folder: str,
        link: Callable[[Path, list[str]], Path],
        run: Callable[[Path, Path, str], int],
    ) -> SearchIndex:
        """Start making the search index under `folder`, shard by shard as their pages are put in place
        (`SearchIndex.shard`); `SearchIndex.wait` waits for the end. The rest of the site can be written
        meanwhile: the indexer reads only the scratch folders `link` makes."""
        self.filled()
        self.index = SearchIndex(self, folder, link, run)
        return self.index

    def prune(self) -> None:
        """Remove the files kept from before that the new site has not kept."""
        self.filled()
        for relative in sorted(self.linked.keys() - self.files.keys()):
            path = self.staging.joinpath(*relative.split("/"))
            path.unlink()
            del self.linked[relative]
            for parent in path.parents:
                if parent == self.staging or any(parent.iterdir()):
                    break
                parent.rmdir()

    def commit(self) -> int:
        """Remove what the new site does not keep, swap it in, and record its manifest. Returns the file count."""
        self.prune()  # (which first waits for _fill)
        if self.mtime is not None:  # files written here have it already; folders, and what `finish` wrote
            times = (self.mtime, self.mtime)
            for folder, folders, names in os.walk(self.staging, topdown=False):
                prefix = Path(folder).relative_to(self.staging).as_posix() + "/"
                for name in names + [f for f in folders if os.path.islink(os.path.join(folder, f))]:
                    if (prefix + name).removeprefix("./") not in self.files:
                        os.utime(os.path.join(folder, name), times, follow_symlinks=False)
                os.utime(folder, times)
        if self.manifest is not None:
            self.manifest.unlink(missing_ok=True)  # until the new one is written, nothing is trusted
        _swap_in(self.staging, self.out, self.old)
        if self.manifest is not None:
            write_manifest(self.manifest, {"version": MANIFEST_VERSION, "mtime": self.mtime, "files": self.files})
        shutil.rmtree(self.spare, ignore_errors=True)
        if self.spare_manifest is not None and self.live is not None and self.old.is_dir():
            # the previous output becomes the spare: the next build starts from it instead of copying
            os.rename(self.old, self.spare)
            write_manifest(self.spare_manifest, self.live)
        shutil.rmtree(self.old, ignore_errors=True)
        return len(self.files)


def _close(spare: dict[str, list], live: dict[str, list]) -> bool:
    """Whether the spare (the site before last) differs from the current output in at most a tenth of its
    files: then starting from it costs less than linking every file of the output. After a build that
    changed much (new code, a new template or setting) the spare is far behind, and the output is linked."""
    differing = sum(1 for path, entry in live.items() if (spare.get(path) or [None])[0] != entry[0])
    return differing + len(spare.keys() - live.keys()) <= len(live) // 10


def read_manifest(path: Path) -> dict | None:
    """The manifest of the current output, or None when there is none or it cannot be trusted."""
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, ValueError):  # orjson.JSONDecodeError is a ValueError
        return None
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION or not isinstance(data.get("files"), dict):
        return None
    return data


def write_manifest(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}")
    temporary.write_bytes(orjson.dumps(data))
    os.replace(temporary, path)


def write_site(
    out: Path,
    files: Mapping[str, str | bytes] | Iterable[tuple[str, str | bytes]],
    static_dirs: list[Path],
    *,
    finish: Callable[[Path], int] | None = None,
    mtime: int | None = None,
) -> int:
    """Write every file into a staging folder beside `out`, then swap it in. Returns the file count.

    `files` maps output paths to contents, or yields (path, content) pairs as they are rendered.

    `finish`, when given, runs on the complete staging folder before the swap (the search index is
    written this way) and returns how many files it added; if it raises, the previous site stays.

    With `mtime` (SOURCE_DATE_EPOCH) every file and folder gets that time, so archives of the site
    (tar, zip) are reproducible too."""
    items = files.items() if isinstance(files, Mapping) else files
    with Staging(out, mtime=mtime) as staging:
        staging.copy_static(static_dirs)
        for relative, content in items:
            staging.put(relative, content)
        added = finish(staging.staging) if finish is not None else 0
        return staging.commit() + added


def _remove(path: Path) -> None:
    """Remove a folder with what it holds, or a file or link, if it is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


class SearchIndex:
    """The search index of a staged site, made in shards (`Staging.start_index`).

    Each shard is named by its subfolder of `folder` and made from some pages. When every page of a shard is
    in place, `shard(subfolder, key, pages)` is called (by the thread that writes the site): a shard kept
    from before whole and made from the same pages (`key`, `Staging.search_key`) stays as it is; otherwise the
    pages of it that are marked for the indexer are put in a scratch folder here (`link(staging, pages)`),
    and another thread runs `run(staging, scratch, subfolder)` for each shard in turn, so that one indexer
    runs at a time, beside the rendering of the rest. A shard with no marked page has no index. `wait`
    waits for the last shard, then removes anything else under `folder`.

    The thread that calls `wait` has nothing left to do but wait: if shards are still queued then, `helpers`
    more threads index them beside the first, so that every core works on what is left of the index.
    """

    helpers = 1
    """Threads added by `wait` while shards are queued (one per queued shard at most)."""

    def __init__(
        self,
        staging: Staging,
        folder: str,
        link: Callable[[Path, list[str]], Path],
        run: Callable[[Path, Path, str], int],
    ) -> None:
        self.staging, self.link, self.run = staging, link, run
        self.prefix = folder.rstrip("/") + "/"
        self.previous, self.listed = self._by_shard(staging.linked), self._by_shard(staging.base)
        self.named: dict[str, str] = {}  # subfolder -> key, every shard named so far
        self.made: list[str] = []
        self.queue: queue.SimpleQueue[tuple[str, Path] | None] = queue.SimpleQueue()
        self.failure: list[BaseException] = []
        self.stopped = False

    def _by_shard(self, paths: Iterable[str]) -> dict[str, list[str]]:  # "pagefind/<shard>/" -> its files
        found: dict[str, list[str]] = {}
        for path in paths:
            if path.startswith(self.prefix):
                found.setdefault(self.prefix + path[len(self.prefix) :].split("/", 1)[0] + "/", []).append(path)
        return found

    def shard(self, subfolder: str, key: str, pages: list[str]) -> None:
        staging = self.staging
        sub = subfolder.rstrip("/") + "/"
        self.named[sub] = key
        files = self.previous.pop(sub, [])
        if (
            files
            and all(staging.linked[path][0] == key for path in files)
            and len(files) == len(self.listed.get(sub, []))
        ):
            for path in files:
                staging.unchanged(path, key)
            return
        for path in files:
            del staging.linked[path]  # its file goes with its folder, below
        _remove(staging.staging / sub)
        marked = [page for page in pages if (entry := staging.files.get(page)) is not None and entry[4]]
        if not marked:
            return
        scratch = self.link(staging.staging, marked)
        self.made.append(sub)
        self.queue.put((sub, scratch))
        if not staging.workers:
            self._start()

    def _start(self) -> None:
        worker = threading.Thread(target=self._work, name="search index", daemon=True)
        self.staging.workers.append(worker)
        worker.start()

    def _work(self) -> None:
        while (item := self.queue.get()) is not None:
            subfolder, scratch = item
            if self.failure or self.stopped:  # shards after a failure, or given up: only their scratch folders go
                shutil.rmtree(scratch, ignore_errors=True)
                continue
            try:
                self.run(self.staging.staging, scratch, subfolder)
            except BaseException as error:  # handed to the thread that waits
                self.failure.append(error)

    def _end(self) -> None:
        for _ in self.staging.workers:  # one end mark per thread
            self.queue.put(None)

    def stop(self) -> None:
        """Give up (the build failed): the shards not begun are not made, and the indexer threads end."""
        self.stopped = True
        self._end()

    def indexed(self) -> list[str]:
        """The subfolders of the shards that hold an index, in order of their names (after `wait`): a shard
        with no marked page has none."""
        return sorted(sub for sub in self._by_shard(self.staging.files) if sub in self.named)

    def wait(self) -> None:
        """Wait for the shards' indexes; then record their files, and remove what is left under the folder from
        before (shards no longer named)."""
        staging = self.staging
        if staging.workers:
            for _ in range(min(self.helpers, self.queue.qsize())):
                self._start()
            self._end()
            for worker in staging.workers:
                worker.join()
        if self.failure:
            raise self.failure[0]
        for files in self.previous.values():  # shards of the last build not named in this one
            for name in files:
                del staging.linked[name]
        bundle = staging.staging / self.prefix
        for child in sorted(bundle.iterdir()) if bundle.is_dir() else []:
            if f"{self.prefix}{child.name}/" not in self.named:
                _remove(child)
        for sub in self.made:
            made = staging.staging / sub
            for path in sorted(made.rglob("*")) if made.is_dir() else []:
                if path.is_file():
                    if staging.mtime is not None:
                        os.utime(path, (staging.mtime, staging.mtime))
                    stat = path.stat()
                    relative = path.relative_to(staging.staging).as_posix()
                    staging.files[relative] = [self.named[sub], stat.st_size, stat.st_mtime_ns, stat.st_ino, False, ""]
