"""Read stage for free pages: pages/*.md, Markdown with a small YAML front matter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, ValidationError

from warcrime_archive.model.config import Strict
from warcrime_archive.problems import Problem
from warcrime_archive.read.yaml_reader import bidi_controls, decode, parse_text, read_limited, too_large
from warcrime_archive.richtext import markdown_too_complex
from warcrime_archive.validate.model_errors import pydantic_problems

SLUG = r"^[a-z0-9][a-z0-9-]*$"


class FrontMatter(Strict):
    """The front matter of a free page."""

    title: str = Field(min_length=1, description="The page's title.")
    description: str = Field("", description="One sentence for search results and link previews.")


@dataclass(frozen=True)
class FreePage:
    slug: str
    front: FrontMatter
    markdown: str
    body_line: int


def read_page(path: Path, shown: str) -> tuple[FreePage | None, list[Problem]]:
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
    try:
        front = FrontMatter.model_validate(doc.data if doc.data is not None else {})
    except ValidationError as exc:
        return None, pydantic_problems(exc, doc, FrontMatter)
    body = "".join(lines[end + 1 :])
    found = markdown_too_complex(body)
    if found:
        message = f"{found[1]} is more complex Markdown than the build renders safely"
        return None, [Problem(shown, end + 1 + found[0], 1, "", message, "split it or simplify it")]
    return FreePage(path.stem, front, body, end + 2), []
