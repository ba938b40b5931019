"""Write stage: the only stage that touches the output folder.

The new site is written into a staging folder beside the output and swapped in at the end with one atomic
exchange of the two folders (`swap`), so a build that fails or is killed at any moment leaves the previous site
complete. Staging folders left by a killed build are removed by the next one. What the staging folder starts with
is the stage's hook (`kept.KeptFiles`): by default nothing, so every file is written anew.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from warcrime_archive.write.kept import FileEntry, KeptFiles
from warcrime_archive.write.output import safe_join
from warcrime_archive.write.swap import stale, swap_in


class _Planned(Protocol):
    @property
    def output(self) -> str: ...


P = TypeVar("P", bound=_Planned)


class Staging:
    """The next site, made in a folder beside the output and swapped in whole by `commit`.

    Each file of the new site is listed in `files` (`kept.FileEntry`). The files the staging folder started with
    (`kept`, from `KeptFiles`) stay only when the new site keeps them: `unchanged(path, fingerprint)` says
    whether one was made from the same inputs, and a file known by its content (no fingerprint) stays when its
    bytes are the same. A file is never written in place, only replaced (unlinked, then created), so a file
    shared with the current output by a hard link never changes. Files the new site does not keep are removed
    before the swap.
    """

    def __init__(self, out: Path, *, mtime: int | None = None, kept: KeptFiles | None = None) -> None:
        self.out = out.resolve()
        self.mtime = mtime
        self.keeping = kept if kept is not None else KeptFiles()
        self.folder = self.out.parent / f".{self.out.name}.new-{os.getpid()}"
        self.old = self.out.parent / f".{self.out.name}.old-{os.getpid()}"
        self.kept: dict[str, FileEntry] = {}  # the files the staging folder started with, not yet known to stay
        self.listed: dict[str, FileEntry] = {}  # every file of the site those came from
        self.files: dict[str, FileEntry] = {}  # the new site
        self.folders_made: set[Path] = set()
        self.waiting = False  # for the kept files to be in place

    def __enter__(self) -> Staging:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        if self.out.exists() and not self.out.is_dir():
            raise ValueError(f"the output {self.out} exists and is not a folder")
        for leftover in stale(self.out):
            shutil.rmtree(leftover, ignore_errors=True)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.keeping.start(self.folder, self.out, self.mtime)
        self.waiting = True
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if self.waiting:  # the build failed before needing the staging folder
            self.waiting = False
            self.keeping.stop()
        if error is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            if self.old.exists() and not self.out.exists():
                os.rename(self.old, self.out)

    def ready(self) -> None:
        """Wait until the files kept from before are in place (`KeptFiles.wait`); needed before anything is
        written, and done by every method here that needs it but `write` (which may run in a forked worker)."""
        if self.waiting:
            self.waiting = False
            found = self.keeping.wait()
            self.kept, self.listed, self.folders_made = found.files, found.listed, found.folders

    def to_make(self, pages: Sequence[P], fingerprint: Callable[[P], str | None]) -> list[tuple[P, str | None]]:
        """The pages whose files are not kept as they are, each with its fingerprint (`kept.Fingerprints.page`):
        those to render. The others stay."""
        todo = []
        for page in pages:
            made_from = fingerprint(page)
            if not self.unchanged(page.output, made_from):
                todo.append((page, made_from))
        return todo

    def unchanged(self, relative: str, fingerprint: str | None) -> bool:
        """True (and the file stays) when the staging folder already holds `relative` made from `fingerprint`."""
        self.ready()
        entry = self._kept(relative, fingerprint)
        if entry is None:
            return False
        self.record(relative, entry)
        return True

    def _kept(self, relative: str, fingerprint: str | None) -> FileEntry | None:
        entry = self.kept.get(relative)
        return entry if fingerprint is not None and entry is not None and entry[0] == fingerprint else None

    def put(self, relative: str, content: str | bytes, fingerprint: str | None = None) -> None:
        """Write a file of the new site; without a fingerprint, it is known by the SHA-256 of its content
        and kept as it is when the staging folder already holds the same bytes."""
        self.ready()
        self.record(relative, self.write(relative, content, fingerprint))

    def write(self, relative: str, content: str | bytes, fingerprint: str | None = None) -> FileEntry:
        """What `put` does but record the file: returns its entry, for `record`.

        Safe in a process forked from the build once `ready` (a render worker writing the pages it renders):
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

    def page_writer(self, fingerprints: list[str | None]) -> Callable[[int, str, str], FileEntry]:
        """`store(n, path, html)` for `render.pages.render_pages`: writes the n-th page rendered, made from
        `fingerprints[n]`, where it was rendered (in a render worker), and gives its entry for `record`. The
        files kept from before are in place first."""
        self.ready()
        write = self.write

        def store(n: int, relative: str, html: str) -> FileEntry:
            return write(relative, html, fingerprints[n])

        return store

    def _create(self, relative: str, chunks: Iterable[bytes]) -> os.stat_result:
        """Create the file `relative` in the staging folder from `chunks`, and return its status."""
        dest = safe_join(self.folder, relative)
        self._folder(dest.parent)
        if relative in self.kept or relative in self.files:
            dest.unlink(
                missing_ok=True
            )  # perhaps a link to the current output's file: replaced, never written in place
        with open(dest, "xb") as file:
            for chunk in chunks:
                file.write(chunk)
            file.flush()  # so that no later write changes the time recorded below
            if self.mtime is not None:
                os.utime(file.fileno(), (self.mtime, self.mtime))
            return os.fstat(file.fileno())

    def _folder(self, folder: Path) -> None:
        if folder not in self.folders_made:
            folder.mkdir(parents=True, exist_ok=True)
            self.folders_made.add(folder)

    def put_parts(self, relative: str, parts: Callable[[], Iterable[str]]) -> None:
        """`put` of a text given in parts (`parts()` gives them, anew each time it is called), never joined:
        known by the SHA-256 of its bytes, and kept as it is when the staging folder holds the same bytes."""
        self.ready()
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

    def add_made(self, relative: str, fingerprint: str | None) -> None:
        """Count a file another program made in the staging folder (the search index's) as part of the new site."""
        path = self.folder / relative
        if self.mtime is not None:
            os.utime(path, (self.mtime, self.mtime))
        stat = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()  # so that a copy of the site can be trusted
        self.record(relative, [fingerprint, stat.st_size, stat.st_mtime_ns, stat.st_ino, False, digest])

    def record(self, relative: str, entry: FileEntry) -> None:
        """Count a file `write` put in the staging folder (here or in a forked process) as part of the new site."""
        self.files[relative] = entry

    def remove(self, folder: str, kept: Iterable[str] = ()) -> None:
        """Remove a folder of the staging folder (relative to it) with everything in it, among which the files
        `kept` from before: none of it is part of the new site."""
        self.ready()
        for path in kept:
            del self.kept[path]
        target = safe_join(self.folder, folder.rstrip("/"))
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)

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

    def _prune(self) -> None:
        """Remove the files kept from before that the new site has not kept."""
        self.ready()
        for relative in sorted(self.kept.keys() - self.files.keys()):
            path = self.folder.joinpath(*relative.split("/"))
            path.unlink()
            del self.kept[relative]
            for parent in path.parents:
                if parent == self.folder or any(parent.iterdir()):
                    break
                parent.rmdir()

    def commit(self) -> int:
        """Remove what the new site does not keep and swap it in. Returns the file count."""
        self._prune()
        if self.mtime is not None:  # files written here have it already; folders, and files made by others
            times = (self.mtime, self.mtime)
            for folder, folders, names in os.walk(self.folder, topdown=False):
                prefix = Path(folder).relative_to(self.folder).as_posix() + "/"
                for name in names + [f for f in folders if os.path.islink(os.path.join(folder, f))]:
                    if (prefix + name).removeprefix("./") not in self.files:
                        os.utime(os.path.join(folder, name), times, follow_symlinks=False)
                os.utime(folder, times)
        self.keeping.swapping()
        swap_in(self.folder, self.out, self.old)
        self.keeping.swapped(self.files, self.old)
        shutil.rmtree(self.old, ignore_errors=True)
        return len(self.files)
