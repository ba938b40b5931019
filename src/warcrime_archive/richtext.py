"""Markdown -> HTML that is safe to publish: rendered, then sanitised with an allowlist (nh3).

No raw HTML, event handler, style or script survives, and links may only be http(s), mailto or
relative. An editor's headings are put under the page's own: the highest becomes one level below the heading the
text sits under, the next one below that, and so on, so that the page's outline skips no level.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3

TAGS = {
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "sub",
    "abbr",
}
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "td": set(), "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}

# Python-Markdown's link parser slows down with the cube of the '[' in a paragraph, and deep nesting
# recurses to Python's limit (a RecursionError before Markdown 3.11; since then it stops nesting near the
# limit and the list comes out wrong): a hostile record could stall or crash the build, or publish a mangled
# page. Real prose is far inside these.
MAX_BRACKETS_PER_PARAGRAPH = 100
MAX_INDENT = 64


def markdown_too_complex(text: str) -> tuple[int, str] | None:
    """(line within `text`, message) when Markdown is too complex to render safely, else None."""
    brackets, start = 0, 1
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            brackets, start = 0, number + 1
            continue
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        if indent > MAX_INDENT:
            return number, f"a line indented by more than {MAX_INDENT} spaces"
        brackets += line.count("[")
        if brackets > MAX_BRACKETS_PER_PARAGRAPH:
            return start, f"a paragraph with more than {MAX_BRACKETS_PER_PARAGRAPH} '['"
    return None


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    """One converter per process, made once (building one costs more than converting a narrative)."""
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


_HEADING = re.compile(r"<(/?)h([1-6])>")


def _under(html: str, level: int) -> str:
    """The headings of `html` put under a heading of `level`: its levels, in order, become level + 1, level + 2...
    (at most 6), so that none is skipped where the editor skipped none, and none is above the page's own."""
    found = sorted({int(n) for n in re.findall(r"<h([1-6])>", html)})
    new = {old: min(level + 1 + rank, 6) for rank, old in enumerate(found)}
    return _HEADING.sub(lambda m: f"<{m[1]}h{new[int(m[2])]}>", html) if found else html


@lru_cache(maxsize=4096)
def render_markdown(text: str, under: int = 2) -> str:
    """Render Markdown and sanitise the result; raw HTML in the input is escaped, never passed on. The text's
    headings are put under a heading of level `under` (the narrative's, under the page's h2)."""
    html = _under(_markdown().reset().convert(text), under)
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )
