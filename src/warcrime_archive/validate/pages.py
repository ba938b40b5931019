"""Validate stage for free pages: pages/*.md as read -> valid pages, and the names the site keeps for itself."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from warcrime_archive import urls
from warcrime_archive.model.archive import FreePage, FrontMatter
from warcrime_archive.problems import Problem, display_path
from warcrime_archive.read.pages_reader import PageText, read_page
from warcrime_archive.richtext import markdown_too_complex
from warcrime_archive.validate.files import leads_outside
from warcrime_archive.validate.model_errors import pydantic_problems


def valid_page(text: PageText, shown: str) -> tuple[FreePage | None, list[Problem]]:
    """The page with its front matter validated and its Markdown checked, or its problems."""
    doc = text.front
    try:
        front = FrontMatter.model_validate(doc.data if doc.data is not None else {})
    except ValidationError as exc:
        return None, pydantic_problems(exc, doc, FrontMatter)
    found = markdown_too_complex(text.markdown)
    if found:
        message = f"{found[1]} is more complex Markdown than the build renders safely"
        return None, [Problem(shown, text.body_line - 1 + found[0], 1, "", message, "split it or simplify it")]
    return FreePage(text.slug, front, text.markdown, text.body_line), []


def load_page(path: Path, shown: str) -> tuple[FreePage | None, list[Problem]]:
    """One page file, read and validated."""
    text, problems = read_page(path, shown)
    return valid_page(text, shown) if text is not None else (None, problems)


def free_pages(root: Path) -> tuple[list[FreePage], list[Problem]]:
    """Every valid page of pages/*.md in order of its name, and the problems of the others."""
    pages: list[FreePage] = []
    problems: list[Problem] = []
    pages_dir = root / "pages"
    if not pages_dir.is_dir():
        return pages, problems
    for path in sorted(pages_dir.glob("*.md")):
        if leads_outside(path, root):
            continue  # reported by links_outside, and never read
        page, found = load_page(path, display_path(path, root))
        problems.extend(found)
        if page is not None and page.slug in urls.RESERVED:
            problems.append(
                Problem(
                    display_path(path, root),
                    1,
                    1,
                    "",
                    f"a page may not be named '{page.slug}': the site uses that address",
                    "rename the file",
                )
            )
        elif page is not None:
            pages.append(page)
    return pages, problems
