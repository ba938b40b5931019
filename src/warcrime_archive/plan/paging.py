"""Lists cut into numbered pages, so that no page grows with the archive: the first page at the list's own address,
the others at '<address>page/<n>/' (`urls.page`), each with the links to the others.

A page holds only its own slice of the list and a `Pager` (numbers only), never the whole list: an edit of one
record then changes only the page that shows it (and, in the incremental build, only that page is rendered again),
unless it moves the record to another page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from warcrime_archive import urls
from warcrime_archive.i18n import gettext as _

T = TypeVar("T")

PER_PAGE = 100
"""Rows of a list on one page: about 70 KB of an incident table (docs/performance.md, "Pages that stay small")."""
AROUND = 2
"""Page numbers linked on each side of the current one; the first and the last are always linked."""


@dataclass(frozen=True)
class Pager:
    """Where a page is among the pages of its list: numbers only (what the page shows of the others)."""

    url: str
    """The list's first page."""
    number: int
    count: int
    """How many pages the list has (at least one)."""
    total: int
    """How many items the whole list has."""
    first: int
    """The position (from 1) of the page's first item in the whole list; 0 when the list is empty."""
    last: int

    def page_url(self, number: int) -> str:
        return urls.page(self.url, number)

    @property
    def prev_url(self) -> str | None:
        return self.page_url(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.page_url(self.number + 1) if self.number < self.count else None

    @property
    def numbers(self) -> list[int | None]:
        """The page numbers to link, in order; None where numbers are left out (shown as an ellipsis)."""
        shown = sorted({1, self.count, *range(max(1, self.number - AROUND), min(self.count, self.number + AROUND) + 1)})
        out: list[int | None] = []
        previous = 0
        for n in shown:
            if n - previous == 2:
                out.append(n - 1)  # one number left out: linked, rather than an ellipsis in its place
            elif n - previous > 2:
                out.append(None)
            out.append(n)
            previous = n
        return out


def paginate(url: str, items: Sequence[T], per_page: int = PER_PAGE) -> list[tuple[str, Sequence[T], Pager]]:
    """The pages of a list whose first page is at `url`: each page's address, its items and its `Pager`. An empty
    list has one, empty, page."""
    count = max(1, -(-len(items) // per_page))
    pages = []
    for number in range(1, count + 1):
        start = (number - 1) * per_page
        chunk = items[start : start + per_page]
        first, last = (start + 1, start + len(chunk)) if chunk else (0, 0)
        pages.append((urls.page(url, number), chunk, Pager(url, number, count, len(items), first, last)))
    return pages


def paged_title(title: str, pager: Pager) -> str:
    """A page's title with its number, for every page but the first of its list."""
    if pager.number == 1:
        return title
    return _("%(title)s, page %(number)d of %(count)d") % {"title": title, "number": pager.number, "count": pager.count}
