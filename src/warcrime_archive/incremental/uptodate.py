"""Up-to-date check: whether a build would change nothing, told from file and folder times before anything heavy loads.

After each successful incremental build (`rebuild`), the cache is stamped with what the build was made from:
the size, modification time (in nanoseconds) and inode of every file a build may read (archive.yaml, incidents/,
pages/, templates/, static/, locales/, this package with its default templates, and the libraries that decide the
output, `code.LIBRARIES`), the options, and what else decides the output or the problems (SOURCE_DATE_EPOCH,
today's date, the git commit the history is read from, as `git rev-parse HEAD` gives it). Of the output it stamps
only its FOLDERS: the modification time, status-change time (ctime) and inode of the output folder and of every
folder in it, read after the build's last write into the output (the swap of the new site into place), once the
file system's clock has passed the newest of those ctimes (so a change made right after the build gets a later
one). A folder's times change whenever an entry in it is created, removed or renamed, and its ctime cannot be set
back (`touch` and `os.utime` set it to now), so any file or folder added, removed or renamed anywhere in the
output, and the output folder replaced by another, is seen, even with SOURCE_DATE_EPOCH (which sets the folders'
modification times, not their ctimes). When all of that is the same again, the build is skipped and its result
repeated, warnings included.

Like make, ninja and Hugo, this trusts the output's files: a file of the output edited in place (the same
path, the same folder entry) is not seen here, nor is any change to an input that keeps its size, time
and inode. Such an edit stays until the next build that does any work: that build keeps a file of the
previous site only while it still has the size, time and inode it was written with (`kept_files`, by the
manifest), so it makes the edited file again; `build --clean` rebuilds everything.

Only the standard library (with problems.py and `code`) is used here, so the check costs one `git rev-parse HEAD`,
a few stat calls per input file and one per output folder, not one per output file.
"""

from __future__ import annotations

import array
import datetime as dt
import hashlib
import importlib.util
import json
import os
import stat
import sys
import time
from pathlib import Path

from warcrime_archive import layout
from warcrime_archive.incremental import code
from warcrime_archive.problems import Problem, Severity
from warcrime_archive.read.key_places import keys_given

STAMP = "stamp.json"
VERSION = 2


def cache_folder(out: Path) -> Path:
    """The build cache of an output folder: beside it, hidden (build/ -> .build.cache/)."""
    out = out.absolute()
    return out.parent / f".{out.name}.cache"


def _stat_tree(folder: str, prefix: str, into: dict[str, list[int]]) -> None:
    try:
        found = os.scandir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    with found:
        for item in found:
            name = prefix + item.name
            if item.is_dir(follow_symlinks=False):
                if item.name not in ("__pycache__", ".git"):
                    _stat_tree(item.path, name + "/", into)
            else:
                info = item.stat(follow_symlinks=False)
                into[name] = [info.st_size, info.st_mtime_ns, info.st_ino]


def _stat_file(path: Path, name: str, into: dict[str, list[int]]) -> None:
    try:
        info = path.stat()
    except OSError:
        return
    into[name] = [info.st_size, info.st_mtime_ns, info.st_ino]


def _inputs(root: Path) -> dict[str, list[int]]:
    files: dict[str, list[int]] = {}
    _stat_file(root / layout.CONFIG, layout.CONFIG, files)
    for name in layout.FOLDERS:
        _stat_tree(str(root / name), name + "/", files)
    _stat_tree(str(layout.PACKAGE), "<package>/", files)
    for name in (layout.TEMPLATES, layout.STATIC):  # the defaults, in a checkout (layout.default_dir)
        _stat_tree(str(layout.PACKAGE.parents[1] / name), f"<defaults>/{name}/", files)
    for library, _ in code.LIBRARIES:
        spec = importlib.util.find_spec(library)
        if spec is not None and spec.origin:
            _stat_file(Path(spec.origin), f"<{library}>", files)
    return files


def _commit(root: Path) -> str:
    """The commit the records' history is read from: what `git rev-parse HEAD` prints ('' outside a git
    repository, or before the first commit)."""
    import subprocess  # only when the history is read

    try:
        done = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, check=False, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def snapshot(root: Path, out: Path, *, base_url: str | None, strict: bool, history: bool) -> dict:
    """Everything a build of `root` into `out` depends on, as it is now."""
    return {
        "version": VERSION,
        "options": {
            "root": str(root.resolve()),
            "out": str(out.resolve()),
            "base_url": base_url,
            "strict": strict,
            "history": history,
        },
        "environment": {
            "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", ""),
            "today": os.environ.get("WARCRIME_ARCHIVE_TODAY") or dt.date.today().isoformat(),
            "python": sys.version,
            "keys": keys_given(),  # the name check of encrypted names runs only with a key
        },
        "commit": _commit(root) if history else "",
        "inputs": _inputs(root),
    }


def _folders(folder: str, prefix: str, into: list[str]) -> None:
    with os.scandir(folder) as found:
        for item in found:
            if item.is_dir(follow_symlinks=False):  # from the folder entry's type: no stat call per file
                into.append(prefix + item.name)
                _folders(item.path, prefix + item.name + "/", into)


def output_folders(out: Path) -> list[str]:
    """Every folder in the output, as paths relative to it, sorted (the output itself is not listed)."""
    found: list[str] = []
    _folders(str(out), "", found)
    return sorted(found)


def folder_table(out: str, folders: list[str]) -> list[tuple[int, int, int]] | None:
    """The modification time, status-change time (ns) and inode of the output folder, then of each of
    `folders` in it; None when one of them is gone or is no longer a folder."""
    base = out + "/"
    try:
        stats = [os.stat(out), *(os.lstat(base + name) for name in folders)]
    except OSError:
        return None
    if not all(stat.S_ISDIR(found.st_mode) for found in stats):
        return None
    return [(found.st_mtime_ns, found.st_ctime_ns, found.st_ino) for found in stats]


def table_digest(table: list[tuple[int, int, int]]) -> str:
    """A digest of a folder table, in its order."""
    return hashlib.sha256(array.array("q", [number for row in table for number in row]).tobytes()).hexdigest()


def current(cache: Path, now: dict) -> dict | None:
    """The result stamped by the last build when nothing it depends on has changed since, else None."""
    try:
        stamp = json.loads((cache / STAMP).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("made_from") != now or not isinstance(stamp.get("folders"), str):
        return None
    table = folder_table(now["options"]["out"], stamp["folders"].split("\n") if stamp["folders"] else [])
    if table is None or table_digest(table) != stamp.get("output"):  # an entry came, went or was renamed
        return None
    result = stamp.get("result")
    return result if isinstance(result, dict) else None


def warnings(result: dict) -> list[Problem]:
    """The warnings of a stamped result, as the build reported them (`report` has their text, `summary` their
    count: the command line needs no more)."""
    return [Problem(**{**p, "severity": Severity(p["severity"])}) for p in json.loads(result["warnings"])]


def forget(cache: Path) -> None:
    """Remove the stamp (before a build: a build that fails or is killed leaves none)."""
    (cache / STAMP).unlink(missing_ok=True)


def _settle(cache: Path, newest: int) -> None:
    """Wait until the file system gives a change made now a later ctime than `newest` (the newest folder's
    in the stamp), so that a file added, removed or renamed right after the build cannot keep a folder's
    stamped times. On file systems with fine-grained times this takes one probe; with coarse ones (a clock
    tick of a few milliseconds, or seconds) it waits for the next tick."""
    probe = cache / f".probe.{os.getpid()}"
    deadline = time.monotonic() + 3
    try:
        while True:
            probe.unlink(missing_ok=True)
            probe.touch()
            if probe.stat().st_ctime_ns > newest or time.monotonic() > deadline:
                return
            time.sleep(0.001)
    finally:
        probe.unlink(missing_ok=True)


def save(cache: Path, made_from: dict, out: Path, result: dict, folders: list[str] | None = None) -> None:
    """Stamp what a successful build was made from, the table of the folders it left in `out` (to be read
    after the last write into the output), and its result. `folders` are the output's folders as
    `output_folders` lists them, when the caller knows them (the build does: every folder holding one of the
    files it wrote or kept, `write.Staging.folders`); otherwise the output is walked."""
    cache.mkdir(parents=True, exist_ok=True)
    folders = output_folders(out) if folders is None else folders
    table = folder_table(str(out.resolve()), folders)
    if table is None:  # the output changed under the build: no stamp, the next build checks everything
        forget(cache)
        return
    _settle(cache, max(ctime for _, ctime, _ in table))
    from warcrime_archive.incremental.atomic import write_atomically  # (after a build: tempfile is loaded by then)

    stamp = {"made_from": made_from, "folders": "\n".join(folders), "output": table_digest(table), "result": result}
    write_atomically(cache / STAMP, json.dumps(stamp, separators=(",", ":")).encode())
