"""What the plan is made of: pages, each of a kind, at a URL, with the templates to try and the context to render,
and the links a page holds instead of whole catalog nodes.

Page kinds follow Hugo's vocabulary: home, section lists, single pages, taxonomies and their terms.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from warcrime_archive import urls


class PageKind(StrEnum):
    """What a page is. A string, so that templates may ask `page.kind == "incident"`."""

    home = "home"
    incidents = "incidents"
    incident = "incident"
    redirect = "redirect"
    """The page at a former id (`aliases`), sending readers on to the record."""
    withdrawn = "withdrawn"
    """The notice at the address of a withdrawn record."""
    withdrawals = "withdrawals"
    places = "places"
    place = "place"
    sources = "sources"
    source = "source"
    outlets = "outlets"
    outlet = "outlet"
    sides = "sides"
    side = "side"
    grades = "grades"
    grade = "grade"
    categories = "categories"
    category = "category"
    years = "years"
    year = "year"
    tags = "tags"
    tag = "tag"
    timeline = "timeline"
    map = "map"
    explore = "explore"
    """The explore view: map, timeline and facets over every record, in the reader's browser."""
    data = "data"
    methodology = "methodology"
    page = "page"
    """A free page (pages/<slug>.md)."""
    search = "search"
    not_found = "404"

    @property
    def in_sitemap(self) -> bool:
        """Whether the sitemap lists the pages of this kind: all but the redirects, the notices of withdrawn records
        and the 404 page."""
        return self not in (PageKind.redirect, PageKind.withdrawn, PageKind.not_found)

    @property
    def absolute_links(self) -> bool:
        """Whether the page's links start from the site's path instead of from the page: the 404 page's, which is
        served at any address."""
        return self is PageKind.not_found


@dataclass(frozen=True)
class Page:
    kind: PageKind
    url: str
    templates: tuple[str, ...]
    """The templates to try, most specific first (e.g. 'side.html', then 'term.html')."""
    title: str
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def output(self) -> str:
        return urls.output_path(self.url)


@dataclass(frozen=True)
class Link:
    """Another page as a link shows it: its name and URL only. A page holding a whole catalog node (a place
    with every incident in it) would change, and be rendered again, whenever any of those incidents does."""

    name: str
    url: str


@dataclass(frozen=True)
class SourceLink:
    """A source as an incident page links it: its page and its outlet's page."""

    url: str
    outlet_url: str


@dataclass(frozen=True)
class Counted:
    """Another page as a list shows it: its name, its URL and how many records it lists."""

    name: str
    url: str
    count: int


@dataclass(frozen=True)
class TermHead:
    """A side, grade, category, year or tag as each page of its list shows it: what it is and how many records it
    has, without the records (a page holding them all would be rendered again whenever any of them changes)."""

    key: str
    label: str
    description: str
    url: str
    count: int
    rule: str = ""
    victim_count: int = 0


@dataclass(frozen=True)
class PlaceHead:
    """A country, region or place as each page of its list shows it (see `TermHead`), with its children counted."""

    level: str
    name: str
    url: str
    parent_url: str | None
    count: int
    children: tuple[Counted | PlaceHead, ...]
    """Its regions or places (as `PlaceHead`s with their own in the places index)."""
    code: str = ""
    also_known_as: tuple[str, ...] = ()
    admin2: tuple[str, ...] = ()
