"""Problems found in an archive's input, and the one error that carries them all.

A problem is the editor's to fix: it names the file, line and column, the field and what is wrong.
Our own bugs are never problems; they raise ordinary exceptions (exit status 2).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"
    """A check that could not run (e.g. the name check without the key to the names): said, never failing."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, at a place an editor can find."""

    path: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""
    severity: Severity = dataclasses.field(default=Severity.ERROR, compare=False)  # `field` is a field here

    def text(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        prefix = {Severity.WARNING: "warning: ", Severity.NOTICE: "note: "}.get(self.severity, "")
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}: {prefix}{what}{hint}"


def display_path(path: Path, root: Path) -> str:
    """The path as an editor sees it: relative to the archive root where possible, with '/'."""
    # Resolving follows links on disk, which is slow: only when the plain absolute paths do not relate.
    for resolve in (False, True):
        candidate, base = (path.resolve(), root.resolve()) if resolve else (path.absolute(), root.absolute())
        try:
            return candidate.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()


class ArchiveError(Exception):
    """The input has errors; the build stops and writes nothing."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(p.text() for p in self.problems))


def summary(problems: list[Problem]) -> str:
    """'2 errors, 1 warning in 2 files', and ', 1 check not run' when a check could not run (notices)."""
    notices = sum(1 for p in problems if p.severity is Severity.NOTICE)
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors - notices
    files = len({p.path for p in problems if p.severity is not Severity.NOTICE})
    text = (
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
        f"in {files} file{'s' * (files != 1)}"
    )
    return text + (f", {notices} check{'s' * (notices != 1)} not run" if notices else "")
