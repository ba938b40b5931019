"""Putting a new site in place of the old one in one atomic step, and clearing what killed builds left."""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import re
from pathlib import Path

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
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)  # type: ignore[operator]  # a C function found at run time
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):  # a file system that cannot exchange
        return False
    raise OSError(code, os.strerror(code), str(a))


def swap_in(staging: Path, out: Path, old: Path) -> None:
    """Make `staging` the output folder; the previous output (if any) ends up at `old`."""
    if out.exists() and exchange(staging, out):
        os.rename(staging, old)  # `staging` now holds the previous site
        return
    if out.exists():  # no atomic exchange here: a short window without the output folder
        os.rename(out, old)
    os.rename(staging, out)


def stale(out: Path) -> list[Path]:
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
