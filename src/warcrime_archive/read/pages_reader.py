"""Read stage for free pages: pages/*.md, Markdown with a small YAML front matter, split into the two."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from warcrime_archive.problems import Problem
from warcrime_archive.read.yaml_reader import Document, bidi_controls, decode, parse_text, read_limited, too_large

SLUG = r"^[a-z0-9][a-z0-9-]*$"


@dataclass(frozen=True)
class PageText:
    """A free page as read: its front matter's YAML (not yet validated) and its Markdown, which starts at
    `body_line` of the file."""

    slug: str
    front: Document
    markdown: str
    body_line: int


def read_page(path: Path, shown: str) -> tuple[PageText | None, list[Problem]]:
    """The page's front matter and body, or the problems that keep them from being read."""
    raw = read_limited(path)
    if too_large(raw, shown, path):
        return None, too_large(raw, shown, path)
    text, message, line, column = decode(raw)
    if text is None:
        return None, [Problem(shown, line, column, "", message, "save the file as UTF-8")]
    if bidi_controls(text, shown):
        return None, bidi_controls(text, shown)
    if not re.match(SLUG, path.stem):
        return None, [
            Problem(shown, 1, 1, "", f"page file name '{path.stem}' must be lowercase letters, digits and hyphens")
        ]
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None, [Problem(shown, 1, 1, "", "a page starts with a front matter block: '---', 'title: ...', '---'")]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        return None, [Problem(shown, 1, 1, "", "the front matter block is not closed with '---'")]
    doc, problems = parse_text("\n" + "".join(lines[1:end]), path, shown)
    if doc is None:
        return None, problems
    return PageText(path.stem, doc, "".join(lines[end + 1 :]), end + 2), []
