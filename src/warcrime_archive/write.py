"""Write stage: the only stage that touches the output folder.

The new site is written into a fresh folder beside the output and swapped in at the end with one
atomic exchange of the two folders, so a build that fails or is killed at any moment leaves the
previous site complete. Staging folders left by a killed build are removed by the next one.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import re
import shutil
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

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
    for name in ("incidents", "pages", "templates", "static", ".git"):
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


def _libc_renameat2() -> object | None:
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
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)  # type: ignore[operator]
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
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists() and not out.is_dir():
        raise ValueError(f"the output {out} exists and is not a folder")
    for leftover in _stale(out):
        shutil.rmtree(leftover, ignore_errors=True)
    staging = out.parent / f".{out.name}.new-{os.getpid()}"
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        count = 0
        for static in static_dirs:
            if static.is_dir():
                for src in sorted(static.rglob("*")):
                    if src.is_file():
                        dest = _safe_join(staging, "static/" + src.relative_to(static).as_posix())
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        if not dest.exists():
                            shutil.copyfile(src, dest)
                            count += 1
        made: set[Path] = set()
        for relative, content in items:
            dest = _safe_join(staging, relative)
            if dest.parent not in made:
                dest.parent.mkdir(parents=True, exist_ok=True)
                made.add(dest.parent)
            data = content.encode("utf-8") if isinstance(content, str) else content
            with open(dest, "wb") as file:
                file.write(data)
            count += 1
        if finish is not None:
            count += finish(staging)
        if mtime is not None:
            for path in sorted(staging.rglob("*"), reverse=True):
                os.utime(path, (mtime, mtime), follow_symlinks=False)
            os.utime(staging, (mtime, mtime))
        _swap_in(staging, out, old)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if old.exists() and not out.exists():
            os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return count
