"""Write stage: the only stage that touches the output folder.

The new site is written into a fresh folder beside the output and swapped in at the end, so a
build that fails or is killed leaves the previous site complete.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Mapping
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
    return problems


def _safe_join(folder: Path, relative: str) -> Path:
    parts = relative.split("/")
    if not relative.startswith("/") and all(part not in ("", ".", "..") for part in parts):
        # Plainly inside: no need to ask the disk (the staging folder is new and holds no links).
        return folder.joinpath(*parts)
    target = (folder / relative).resolve()
    if not target.is_relative_to(folder.resolve()) or relative.startswith("/"):
        raise ValueError(f"output path {relative!r} leaves the output folder")
    return target


def write_site(
    out: Path, files: Mapping[str, str | bytes] | Iterable[tuple[str, str | bytes]], static_dirs: list[Path]
) -> int:
    """Write every file into a staging folder beside `out`, then swap it in. Returns the file count.

    `files` maps output paths to contents, or yields (path, content) pairs as they are rendered.
    """
    items = files.items() if isinstance(files, Mapping) else files
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
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
        if out.exists():
            os.rename(out, old)
        os.rename(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if old.exists() and not out.exists():
            os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return count
