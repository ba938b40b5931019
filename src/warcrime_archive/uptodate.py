"""Up-to-date check: whether a build would change nothing, told from file sizes and times before anything heavy loads.

After each successful build with a cache, the pipeline stamps in the cache what the build was made from:
the size, modification time (in nanoseconds) and inode of every file a build may read (archive.yaml,
incidents/, pages/, templates/, static/, locales/, this package with its default templates, and the
libraries it renders with), the options, what else decides the output or the problems (SOURCE_DATE_EPOCH,
today's date, the git commit the history is read from). When all of that is the same again and every
file of the output is still the one written (the output's manifest, by size, time and inode, and no file
more), the build is skipped and its result repeated, warnings included. Like make and git's index, this
trusts file times: a change that keeps a file's size, time and inode goes unseen (`build --clean` then
rebuilds everything).

Only the standard library (and problems.py) is used here, so the check costs a few stat calls per file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

from warcrime_archive.problems import Problem, Severity

STAMP = "stamp.json"
VERSION = 1
WATCHED = ("incidents", "pages", "templates", "static", "locales")
LIBRARIES = ("jinja2", "markupsafe", "markdown", "pydantic", "pydantic_core", "yaml", "nh3", "babel", "pycountry")


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
                stat = item.stat(follow_symlinks=False)
                into[name] = [stat.st_size, stat.st_mtime_ns, stat.st_ino]


def output_digest(files: dict[str, list[int]]) -> str:
    """A digest of an output folder's files as found: path, size, time and inode of each."""
    lines = sorted(f"{path}\0{size}\0{mtime}\0{inode}\n" for path, (size, mtime, inode) in files.items())
    return hashlib.sha256("".join(lines).encode()).hexdigest()


def _stat_file(path: Path, name: str, into: dict[str, list[int]]) -> None:
    try:
        stat = path.stat()
    except OSError:
        return
    into[name] = [stat.st_size, stat.st_mtime_ns, stat.st_ino]


def _inputs(root: Path) -> dict[str, list[int]]:
    files: dict[str, list[int]] = {}
    _stat_file(root / "archive.yaml", "archive.yaml", files)
    for name in WATCHED:
        _stat_tree(str(root / name), name + "/", files)
    package = Path(__file__).resolve().parent
    _stat_tree(str(package), "<package>/", files)
    for name in ("templates", "static"):  # the defaults, in a checkout (render.default_dir)
        _stat_tree(str(package.parents[1] / name), f"<defaults>/{name}/", files)
    for library in LIBRARIES:
        spec = importlib.util.find_spec(library)
        if spec is not None and spec.origin:
            _stat_file(Path(spec.origin), f"<{library}>", files)
    return files


def _commit(root: Path) -> str:
    """The commit the records' history is read from ('' outside a git repository)."""
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
        },
        "commit": _commit(root) if history else "",
        "inputs": _inputs(root),
    }


def current(cache: Path, now: dict) -> dict | None:
    """The result stamped by the last build when nothing it depends on has changed since, else None."""
    try:
        stamp = json.loads((cache / STAMP).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("made_from") != now:
        return None
    found: dict[str, list[int]] = {}
    _stat_tree(now["options"]["out"], "", found)
    if output_digest(found) != stamp.get("output"):  # a file of the output changed, went or came
        return None
    result = stamp.get("result")
    return result if isinstance(result, dict) else None


def warnings(result: dict) -> list[Problem]:
    """The warnings of a stamped result, as the build reported them."""
    return [Problem(**{**p, "severity": Severity(p["severity"])}) for p in result["warnings"]]


def forget(cache: Path) -> None:
    """Remove the stamp (before a build: a build that fails or is killed leaves none)."""
    (cache / STAMP).unlink(missing_ok=True)


def save(cache: Path, made_from: dict, output: dict[str, list[int]], result: dict) -> None:
    """Stamp what a successful build was made from, the files it left in the output (path -> size, time,
    inode), and its result."""
    cache.mkdir(parents=True, exist_ok=True)
    temporary = cache / f"{STAMP}.{os.getpid()}"
    stamp = {"made_from": made_from, "output": output_digest(output), "result": result}
    temporary.write_text(json.dumps(stamp, separators=(",", ":")), "utf-8")
    os.replace(temporary, cache / STAMP)
