"""What a loaded archive is: its settings, its valid records with the files they came from, and its free pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from warcrime_archive.model.config import ArchiveConfig, Strict
from warcrime_archive.model.record import Incident


@dataclass(frozen=True)
class Record:
    """A valid incident with its id and the file it came from."""

    id: str
    path: str
    incident: Incident


class FrontMatter(Strict):
    """The front matter of a free page."""

    title: str = Field(min_length=1, description="The page's title.")
    description: str = Field("", description="One sentence for search results and link previews.")


@dataclass(frozen=True)
class FreePage:
    """A free page (pages/<slug>.md): its front matter and its Markdown, which starts at `body_line` of the file."""

    slug: str
    front: FrontMatter
    markdown: str
    body_line: int


@dataclass(frozen=True)
class Archive:
    """Everything the later stages need, all of it valid."""

    root: Path
    config: ArchiveConfig
    records: tuple[Record, ...]
    pages: tuple[FreePage, ...]
