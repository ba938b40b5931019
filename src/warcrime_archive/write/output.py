"""Where a site may be written: never over the archive, inside its records, or over another archive."""

from __future__ import annotations

from pathlib import Path

from warcrime_archive import layout
from warcrime_archive.problems import Problem


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


def safe_join(folder: Path, relative: str) -> Path:
    """`folder`/`relative`, for a path of the site; raises ValueError when it would lead out of `folder`."""
    parts = relative.split("/")
    if not relative.startswith("/") and all(part not in ("", ".", "..") for part in parts):
        # Plainly inside: no need to ask the disk (the staging folder is new and holds no links).
        return folder.joinpath(*parts)
    target = (folder / relative).resolve()
    if not target.is_relative_to(folder.resolve()) or relative.startswith("/"):
        raise ValueError(f"output path {relative!r} leaves the output folder")
    return target
