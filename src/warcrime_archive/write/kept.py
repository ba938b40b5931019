"""What the next site may keep of the last one: the write stage's hooks, with defaults that keep nothing.

A build that reuses the last one's work (the incremental build) starts the staging folder from the last site's
files (`KeptFiles`) and keeps a file when what it is made from has not changed (`Fingerprints`); everything else
is made again. With these defaults the staging folder starts empty and every file is made: the same site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warcrime_archive.catalog.nodes import Entry
    from warcrime_archive.plan.pages import Page

FileEntry = list
"""What the write stage knows of each file of a site: [fingerprint of what it was made from, size, modification time
(ns), inode, whether the search indexes it, SHA-256 of its bytes]."""


@dataclass
class Kept:
    """What a staging folder holds when it is ready (`KeptFiles.wait`)."""

    files: dict[str, FileEntry] = field(default_factory=dict)
    """The files in it, by path, each as the last site listed it: each stays only if the new site keeps it."""
    listed: dict[str, FileEntry] = field(default_factory=dict)
    """Every file of the site those came from, kept or not (a shard of the search index is kept only whole)."""
    folders: set[Path] = field(default_factory=set)
    """The folders in it."""


class KeptFiles:
    """What the staging folder starts with, and what becomes of the site the new one replaces. This default
    keeps nothing: the staging folder starts empty, and the site it replaces is removed."""

    def start(self, folder: Path, out: Path, mtime: int | None) -> None:
        """Make the staging folder `folder` for the next site of `out` (its files written with `mtime`)."""
        folder.mkdir()

    def wait(self) -> Kept:
        """What the staging folder holds; called once, before any file is written or kept in it."""
        return Kept()

    def stop(self) -> None:
        """The build failed before `wait`."""

    def swapping(self) -> None:
        """The new site is complete and about to take the output's place."""

    def swapped(self, files: dict[str, FileEntry], previous: Path) -> None:
        """The new site, `files`, is in place; the site it replaced is at `previous` (if there was one), and is
        removed after this unless moved."""


class Fingerprints:
    """The digest of everything a file is made from, for each kind of file a build may keep from the last one: a
    page, a record's own files, a shard of the search index. None is 'not known': the file is made again. This
    default knows none, so every file is made."""

    def page(self, page: Page) -> str | None:
        return None

    def record_files(self, entry: Entry) -> str | None:
        """The fingerprint of a record's record.json, record.bib and record.csl.json."""
        return None

    def search_shard(self, pages: list[tuple[str, str]]) -> str | None:
        """The fingerprint of a shard of the search index made from `pages` (path, SHA-256), those it indexes."""
        return None
