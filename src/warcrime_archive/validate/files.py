"""Which files an archive's records are, and the links that would lead a build outside the archive."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from warcrime_archive import layout
from warcrime_archive.problems import Problem, display_path


def _tree(top: Path, prefix: str) -> Iterator[tuple[Path, str, bool, bool]]:
    """Everything under a folder, not following linked folders: (path, path shown, is a link, is a folder).

    One directory listing per folder, and no other system call (a link is told by the listing).
    """
    try:
        with os.scandir(top) as listing:
            entries = list(listing)
    except OSError:
        return
    for entry in entries:
        path, shown = top / entry.name, prefix + entry.name
        link = entry.is_symlink()
        try:
            folder = entry.is_dir()
        except OSError:
            folder = False
        yield path, shown, link, folder
        if folder and not link:
            yield from _tree(path, shown + "/")


def record_files(root: Path) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """incidents/**/*.yaml (with the paths shown for them) in a stable order; links that lead outside the archive
    are refused."""
    folder = root / "incidents"
    problems: list[Problem] = []
    if not folder.is_dir():
        return [], [Problem("incidents", 1, 1, "", "the archive has no incidents/ folder")]
    real_root = root.resolve()
    linked = folder.is_symlink()
    files = []
    for path, shown, link, is_folder in _tree(folder, "incidents/"):
        if is_folder or path.suffix not in layout.RECORD_SUFFIXES:
            continue
        if (link or linked) and not path.resolve().is_relative_to(real_root):
            problems.append(Problem(shown, 1, 1, "", "is a link to a file outside the archive; it is refused"))
            continue
        files.append((path, shown))
    files.sort(key=lambda item: item[1].split("/"))
    return files, problems


def links_outside(root: Path) -> list[Problem]:
    """Links in archive.yaml and the folders a build reads (`layout.FOLDERS`), or those folders, leading outside it.

    A hostile change could otherwise publish any file of the machine that builds the site.
    """
    real_root = root.resolve()
    problems = []
    config = root / "archive.yaml"
    if config.is_symlink() and not config.resolve().is_relative_to(real_root):
        problems.append(Problem("archive.yaml", 1, 1, "", "is a link to a file outside the archive; it is refused"))
    for name in layout.FOLDERS:
        top = root / name
        if top.is_symlink():
            candidates = [top]
        elif top.is_dir():
            candidates = [path for path, _, link, _ in _tree(top, "") if link]
        else:
            candidates = []
        for path in sorted(candidates):
            if not path.resolve().is_relative_to(real_root):
                shown = display_path(path, root)
                problems.append(Problem(shown, 1, 1, "", "is a link to a file outside the archive; it is refused"))
    return problems


def leads_outside(path: Path, root: Path) -> bool:
    """Whether `path` is a link to somewhere outside the archive at `root`."""
    return path.is_symlink() and not path.resolve().is_relative_to(root.resolve())
