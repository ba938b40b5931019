"""Record history from git: every commit that touched each record file, asked of git once per build."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from warcrime_archive.model.dates import PartialDate

RECORD_SEP = "\x1e"
FIELD_SEP = "\x1f"


@dataclass(frozen=True)
class Commit:
    """One commit that changed a record's file."""

    hash: str
    date: dt.date
    subject: str

    @property
    def short(self) -> str:
        return self.hash[:10]

    def words(self) -> str:
        """The commit's day in words, as the pages write dates: '4 March 2024'."""
        return PartialDate(self.date.year, self.date.month, self.date.day).words()


def parse_log(text: str) -> dict[str, tuple[Commit, ...]]:
    """Path (as it is now, relative to the archive) -> its commits, newest first, from the output of
    `git log --name-status -M --format=<RECORD_SEP>%H<FIELD_SEP>%cI<FIELD_SEP>%s`. Renames are followed:
    the commits of a file's former names count as its own."""
    found: dict[str, list[Commit]] = defaultdict(list)
    current_name: dict[str, str] = {}  # a name at an older commit -> the file's name now
    for block in text.split(RECORD_SEP):
        lines = block.strip("\n").split("\n")
        if not lines or FIELD_SEP not in lines[0]:
            continue
        sha, when, subject = lines[0].split(FIELD_SEP, 2)
        commit = Commit(sha, dt.datetime.fromisoformat(when).astimezone(dt.UTC).date(), subject.strip())
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


def read_history(root: Path, folder: str = "incidents") -> Mapping[str, tuple[Commit, ...]]:
    """Every record file's commits, from one `git log` run in the archive's folder.

    Without git, outside a repository, or on any git error the result is empty: pages then leave
    their history out. Paths are relative to the archive's folder, as records name their files."""
    command = [
        "git",
        "-c",
        "core.quotePath=false",
        "log",
        "--relative",
        "--name-status",
        "-M",
        "--no-color",
        f"--format={RECORD_SEP}%H{FIELD_SEP}%cI{FIELD_SEP}%s",
        "--",
        folder,
    ]
    try:
        done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return {}
    if done.returncode != 0:
        return {}
    return parse_log(done.stdout)
