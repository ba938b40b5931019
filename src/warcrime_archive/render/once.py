"""Links and fragments rendered once: the templates' `url`, `once` and `once_each`.

An incident's row is in a dozen lists, and its markup differs from one page to the next only in its relative
links. `once` renders such a fragment once per build with every `url(target)` in it marked, and each page puts
in its own links. Where the fragments come from is the render stage's hook (`Fragments`): by default they are
rendered once per build; the incremental build keeps them from one build to the next.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields
from operator import attrgetter
from typing import cast
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup, escape

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Entry
from warcrime_archive.plan.pages import Page
from warcrime_archive.plan.timeline import Mark

MARK = "\x00"
"""Brackets a site URL in a fragment rendered by `once` (YAML text cannot hold it, so no record can)."""


class PageLinks:
    """The links of the page being rendered, each worked out once per page (a list's rows link to the same few
    places), and whether `once` is rendering a fragment (its links are then marked, not made)."""

    def __init__(self) -> None:
        self.marking = False
        self.page: Page | None = None
        self.escaped: dict[str, str] = {}  # by target, as `once` puts them in a fragment
        self.plain: dict[str, str] = {}  # by target, as `url` gives them
        self.link_to: Callable[[str], str] = str

    def of(self, page: Page) -> PageLinks:
        """These links, for `page`: started anew when another page is rendered."""
        if self.page is not page:
            self.page = page
            self.escaped, self.plain = {}, {}
            self.link_to = urls.linker(page.url)
        return self

    def forget(self) -> None:
        """Let go of the last page: its context may reach every record (a list page)."""
        self.page = None
        self.escaped, self.plain, self.link_to = {}, {}, str


def url_function(links: PageLinks) -> Callable[..., str]:
    """The templates' `url(target)`: a link from the page being rendered to `target` (a site URL from `urls`).

    The 404 page is served at any address, so its links start from the site's path instead.
    """

    @jinja2.pass_context
    def url(ctx: jinja2.runtime.Context, target: str) -> str:
        if links.marking:
            return Markup(MARK + target + MARK)
        page = ctx["page"]
        if page.kind.absolute_links:
            base_url: str = ctx["base_url"]
            return urlsplit(base_url).path.rstrip("/") + "/" + target
        own = links.of(page)
        link = own.plain.get(target)
        if link is None:
            link = own.plain[target] = own.link_to(target)
        return link

    return url


_MARK_FIELDS = attrgetter(*(f.name for f in fields(Mark) if f.name != "entry"))


def _hashable(part: object) -> object:
    if isinstance(part, dict):
        return tuple(part.items())
    if isinstance(part, Entry):  # one entry per id in a build
        return ("entry", part.id)
    if isinstance(part, Mark):  # a mark of the timeline: its entry by id, as above
        return ("mark", part.entry.id, *_MARK_FIELDS(part))
    return part


class Fragments:
    """What `once` has rendered, by key: each fragment is rendered once per build (and per render worker).

    The render stage's hook for the incremental build, which keeps the fragments from one build to the next
    (`incremental.kept_fragments`); this default keeps them in memory for one build.
    """

    def __init__(self) -> None:
        self.by_key: dict[tuple, str] = {}

    def get(self, key: tuple, parts: tuple, render: Callable[[], str]) -> str:
        """The fragment of `key` (the hashable form of `parts`, the values the fragment shows): rendered by
        `render()` the first time in this process."""
        fragment = self.by_key.get(key)
        if fragment is None:
            fragment = self.by_key[key] = self.make(parts, render)
        return fragment

    def make(self, parts: tuple, render: Callable[[], str]) -> str:
        """A fragment not yet made in this process: `render()`."""
        return render()

    def collect_new(self) -> object:
        """In a render worker: what it learnt that the build should know, handed back with its pages (then
        `merge_new` in the build); nothing here."""
        return None

    def merge_new(self, new: object) -> None:
        """In the build: what a render worker handed back (`collect_new`)."""

    def forget(self) -> None:
        """Let go of every fragment: the build is over."""
        self.by_key.clear()


def _render_marked(links: PageLinks, caller: Callable[..., object], args: tuple) -> Callable[[], str]:
    """What renders a fragment for `once`: the body with every `url()` in it marked."""

    def render() -> str:
        links.marking = True
        try:
            return str(caller(*args))
        finally:
            links.marking = False

    return render


def _linked(links: PageLinks, page: Page, marked: str) -> str:
    """Fragments as `once` keeps them (one or many, joined) with the page's own links put in."""
    own = links.of(page)
    escaped, link_to = own.escaped, own.link_to
    # Each fragment holds its marks in pairs, so the joined text splits into text, link target, text, ...
    out = marked.split(MARK)
    for at in range(1, len(out), 2):
        target = out[at]
        link = escaped.get(target)
        if link is None:
            link = escaped[target] = escape(link_to(target))
        out[at] = link
    return "".join(out)


def once_functions(fragments: Fragments, links: PageLinks) -> tuple[Callable[..., Markup], Callable[..., Markup]]:
    """`once` and `once_each`: fragments rendered once per key, from `fragments`.

    `{% call once(*key) %}...{% endcall %}` renders its body once per key. The key must name everything the body
    shows besides links (the templates pass the incident's entry and the row's data); the body may use `url()`
    only to print a link. The 404 page, whose links are not relative, renders the body as usual.

    `{% call(*item) once_each(kind, items) %}...{% endcall %}` is `once(kind, *item)` for each of `items` (each a
    tuple, or one value), joined, with the body given the item: the same rows without a call into the
    template for each row already made, which costs more than putting in the row's links. With `rows` (a mapping
    by entry id), the row's data `rows[item.id]` is part of each key.
    """

    @jinja2.pass_context
    def once(ctx: jinja2.runtime.Context, *key: object, caller: jinja2.runtime.Macro) -> Markup:
        page = ctx["page"]
        if page.kind.absolute_links or links.marking:
            return cast(Markup, caller())  # a macro's output is Markup: autoescape is always on
        return Markup(
            _linked(links, page, fragments.get(tuple(map(_hashable, key)), key, _render_marked(links, caller, ())))
        )

    @jinja2.pass_context
    def once_each(
        ctx: jinja2.runtime.Context,
        kind: str,
        items: Iterable[object],
        rows: Mapping[str, object] | None = None,
        *,
        caller: jinja2.runtime.Macro,
    ) -> Markup:
        page = ctx["page"]
        plain = page.kind.absolute_links or links.marking  # as in `once`
        done = []
        get = fragments.get
        for item in items:
            args = item if isinstance(item, tuple) else (item,)
            if plain:
                done.append(str(caller(*args)))
                continue
            key = (kind, *args) if rows is None else (kind, *args, rows[args[0].id])
            done.append(get(tuple(map(_hashable, key)), key, _render_marked(links, caller, args)))
        # The links of every row put in at once, not row by row.
        return Markup("".join(done) if plain else _linked(links, page, "".join(done)))

    return once, once_each
