"""Record history from git: when each record file changed, asked of git once per build.

Git is asked only for each commit's hash, its date and the paths it touched, never for a subject, a body, an
author or an e-mail: commit messages are written for the editors and may name a witness or a victim, so the
build never even reads them. A record's public history is made of those dates, the kind of each change (first
published, updated, corrected, withdrawn) and what the editors wrote for readers in the record itself (its
`corrections` and its withdrawal's reason).

A shallow clone (the default of CI checkouts) holds the last commit alone: every record would look first
published on the day of the deploy. `shallow_clone` finds it, so the build can refuse it in CI and warn locally.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from warcrime_archive.model.dates import PartialDate
from warcrime_archive.problems import Problem, Severity

RECORD_SEP = "\x1e"
FIELD_SEP = "\x1f"
LOG_FORMAT = f"--format={RECORD_SEP}%H{FIELD_SEP}%cI"
"""Hash and committer date: all git is asked of a commit."""


@dataclass(frozen=True)
class Commit:
    """One commit that changed a record's file: when, and which (nothing of its message or author)."""

    hash: str
    date: dt.date

    @property
    def short(self) -> str:
        return self.hash[:10]

    def words(self) -> str:
        """The commit's day in words, as the pages write dates: '4 March 2024'."""
        return PartialDate(self.date.year, self.date.month, self.date.day).words()


@dataclass(frozen=True)
class Change:
    """One line of a record's public history: a date, the kind of change, the note the editors wrote for readers
    (a correction's, a withdrawal's reason) and the commits behind it (linked only when the archive opts in)."""

    date: PartialDate
    kind: str  # published | updated | corrected | withdrawn
    note: str = ""
    commits: tuple[Commit, ...] = ()

    def words(self) -> str:
        return self.date.words()


def _day(commit: Commit) -> PartialDate:
    return PartialDate(commit.date.year, commit.date.month, commit.date.day)


def public_changes(
    commits: Sequence[Commit],
    corrections: Sequence[tuple[PartialDate, str]],
    withdrawn: tuple[PartialDate, str] | None = None,
    *,
    each_commit: bool = False,
) -> tuple[Change, ...]:
    """A record's public history, newest first: its first commit as 'published', the later ones as 'updated' (one a
    day, or each commit with `each_commit`), every correction with its note, and its withdrawal with its reason. A
    day that has a correction or the withdrawal needs no 'updated' line of its own: the note says what changed."""
    noted = {date for date, _ in corrections} | ({withdrawn[0]} if withdrawn else set())
    changes: list[Change] = [Change(date, "corrected", note) for date, note in corrections]
    if withdrawn is not None:
        changes.append(Change(withdrawn[0], "withdrawn", withdrawn[1]))
    oldest_first = list(reversed(commits))
    if oldest_first:
        changes.append(Change(_day(oldest_first[0]), "published", "", (oldest_first[0],)))
    by_day: dict[PartialDate, list[Commit]] = defaultdict(list)
    first_day = _day(oldest_first[0]) if oldest_first else None
    for commit in oldest_first[1:]:
        day = _day(commit)
        if each_commit:
            changes.append(Change(day, "updated", "", (commit,)))
        elif day not in noted and day != first_day:
            by_day[day].append(commit)
    changes += [Change(day, "updated", "", tuple(found)) for day, found in by_day.items()]
    order = {"published": 0, "updated": 1, "corrected": 2, "withdrawn": 3}
    return tuple(sorted(changes, key=lambda c: (c.date.start, order[c.kind]), reverse=True))


def parse_log(text: str) -> dict[str, tuple[Commit, ...]]:
    """Path (as it is now, relative to the archive) -> its commits, newest first, from the output of
    `git log --name-status -M` with `LOG_FORMAT`. Renames are followed: the commits of a file's former names
    count as its own."""
    found: dict[str, list[Commit]] = defaultdict(list)
    current_name: dict[str, str] = {}  # a name at an older commit -> the file's name now
    for block in text.split(RECORD_SEP):
        lines = block.strip("\n").split("\n")
        if not lines or FIELD_SEP not in lines[0]:
            continue
        sha, when = lines[0].split(FIELD_SEP, 1)
        commit = Commit(sha, dt.datetime.fromisoformat(when.strip()).astimezone(dt.UTC).date())
        for line in lines[1:]:
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            status, *paths = parts
            newest = current_name.get(paths[-1], paths[-1])
            if commit not in found[newest]:
                found[newest].append(commit)
            if status.startswith(("R", "C")) and len(paths) == 2:
                current_name[paths[0]] = newest
    return {path: tuple(commits) for path, commits in found.items()}


def _git(root: Path, *args: str) -> str | None:
    """Git's output, or None without git, outside a repository or on any git error."""
    command = ["git", "-c", "core.quotePath=false", *args]
    try:
        done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def read_history(root: Path, folder: str = "incidents") -> Mapping[str, tuple[Commit, ...]]:
    """Every record file's commits, from one `git log` run in the archive's folder.

    Without git, outside a repository, or on any git error the result is empty: pages then leave
    their history out. Paths are relative to the archive's folder, as records name their files."""
    out = _git(root, "log", "--relative", "--name-status", "-M", "--no-color", LOG_FORMAT, "--", folder)
    return parse_log(out) if out is not None else {}


CI_VARIABLE = "CI"
"""Set (to anything but '', 'false' or '0') by GitHub Actions and most other CI services."""


def in_ci() -> bool:
    return os.environ.get(CI_VARIABLE, "").strip().lower() not in ("", "false", "0")


def shallow_clone(root: Path) -> Problem | None:
    """A problem when the archive is in a shallow clone, whose history is cut short: an error in CI (where the
    site is published from), a warning elsewhere; None in a full clone, outside a repository or without git."""
    out = _git(root, "rev-parse", "--is-shallow-repository")
    if out is None or out.strip() != "true":
        return None
    ci = in_ci()
    return Problem(
        ".git",
        1,
        1,
        "",
        "the repository is a shallow clone: its history is cut short, so every record would look first "
        "published on the day of its last commit"
        + ("; the site is not built in CI from a shallow clone" if ci else ""),
        "fetch the whole history (`git fetch --unshallow`; in GitHub Actions, `fetch-depth: 0` on the checkout)",
        severity=Severity.ERROR if ci else Severity.WARNING,
    )
