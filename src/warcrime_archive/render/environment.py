"""Render stage: planned pages -> HTML strings through Jinja (autoescape on, undefined fails).

Templates are looked up in this order, most specific first:
1. the archive's own `templates/` folder (an archive overrides a default by file name);
2. the default templates shipped with warcrime-archive.
Within that, each page names the templates to try (e.g. 'side.html' before 'term.html').
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import fields
from itertools import islice
from operator import attrgetter
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

import jinja2
import jinja2.nodes
import jinja2.visitor
from markupsafe import Markup, escape

from warcrime_archive import __version__, i18n, layout, urls
from warcrime_archive.catalog.nodes import Catalog, Entry
from warcrime_archive.model import captures
from warcrime_archive.model.dates import day_words, month_words
from warcrime_archive.plan.navigation import navigation
from warcrime_archive.plan.pages import Page
from warcrime_archive.plan.timeline import Mark
from warcrime_archive.richtext import render_markdown


def template_dirs(root: Path) -> list[Path]:
    own = root / layout.TEMPLATES
    dirs = [own] if own.is_dir() else []
    default = layout.default_dir(layout.TEMPLATES)
    if not dirs or own.resolve() != default.resolve():
        dirs.append(default)
    return dirs


_MARK = "\x00"
"""Brackets a site URL in a fragment rendered by `once` (YAML text cannot hold it, so no record can)."""
_marking = False
"""True while `once` renders a fragment: `url()` then marks its target instead of making a relative link."""
_NO_LINKS: tuple[object, dict[str, str], dict[str, str], Callable[[str], str]] = (None, {}, {}, str)
_links = _NO_LINKS
"""The page last rendered links from, its links by target (escaped, and as `url` gives them), and `urls.linker`
of its URL (`_links_of`); `_NO_LINKS` once `render_pages` is done."""


@jinja2.pass_context
def _url(ctx: jinja2.runtime.Context, target: str) -> str:
    """A link from the page being rendered to `target` (a site URL from `urls`).

    The 404 page is served at any address, so its links start from the site's path instead.
    """
    if _marking:
        return Markup(_MARK + target + _MARK)
    page = ctx["page"]
    if page.kind.absolute_links:
        base_url: str = ctx["base_url"]
        return urlsplit(base_url).path.rstrip("/") + "/" + target
    _, plain, link_to = _links_of(page)
    link = plain.get(target)
    if link is None:
        link = plain[target] = link_to(target)
    return link


def _links_of(page: object) -> tuple[dict[str, str], dict[str, str], Callable[[str], str]]:
    """The links of the page being rendered so far, escaped (`once`) and not (`url`), and `urls.linker` of its URL."""
    global _links
    if _links[0] is not page:
        _links = (page, {}, {}, urls.linker(page.url))  # type: ignore[attr-defined]  # a Page, as templates hold it
    return _links[1:]


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
    """What `once` has rendered: by key within a build and, once `persist` is called, by digest across builds.

    The digest (`Fingerprints.fragment`) covers the key's values (an entry by everything in it), every
    template, the settings, language and code, so a stored fragment is the one the body would render now.
    Forked render workers hand back what they made and used (`drain`), so that the build can store it.
    """

    def __init__(self) -> None:
        self.by_key: dict[tuple, str] = {}
        self.prints: Any = None
        self.stored: dict[str, str] = {}
        self.made: dict[str, str] = {}  # digest -> fragment, rendered in this build
        self.used: set[str] = set()

    def persist(self, prints: Any, stored: dict[str, str]) -> None:  # noqa: ANN401 - a Fingerprints
        self.prints, self.stored = prints, stored

    def forget(self) -> None:
        """Let go of every fragment and of the fingerprints: the build is over (`environment`)."""
        self.by_key.clear()
        self.made.clear()
        self.used.clear()
        self.prints, self.stored = None, {}

    def get(self, key: tuple, parts: tuple, render: Callable[[], str]) -> str:
        fragment = self.by_key.get(key)
        if fragment is None:
            digest = self.prints.fragment(parts) if self.prints is not None else None
            if digest is not None:
                fragment = self.stored.get(digest) or self.made.get(digest)
                self.used.add(digest)
            if fragment is None:
                fragment = render()
                if digest is not None:
                    self.made[digest] = fragment
            self.by_key[key] = fragment
        return fragment

    def drain(self) -> tuple[dict[str, str], set[str]]:
        made, used = self.made, self.used
        self.made, self.used = {}, set()
        return made, used

    def absorb(self, made: dict[str, str], used: set[str]) -> None:
        self.made.update(made)
        self.used |= used

    @staticmethod
    def load(path: Path) -> dict[str, str]:
        """The fragments a previous build kept at `path` (a pickle in the build cache), or none."""
        try:
            with open(path, "rb") as file:
                stored = pickle.load(file)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
            return {}
        return stored if isinstance(stored, dict) else {}

    def save(self, path: Path, limit: int) -> None:
        """Keep the fragments for the next build: all known, or past `limit` of them only this build's."""
        kept = {**self.stored, **self.made}
        if len(kept) > limit:
            kept = {digest: kept[digest] for digest in sorted(self.used) if digest in kept}
        if kept == self.stored:
            return
        temporary = path.with_name(f"{path.name}.{os.getpid()}")
        with open(temporary, "wb") as file:
            pickle.dump(kept, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)


def _once_functions(fragments: Fragments) -> tuple[Callable[..., Markup], Callable[..., Markup]]:
    """`once` and `once_each`: fragments rendered once per key for the whole build.

    `{% call once(*key) %}...{% endcall %}` renders its body once per key. The same incident's row is in a
    dozen lists; its markup differs between pages only in its relative links. So the body is rendered once
    with every `url(target)` marked, and each page puts in its own links. The key must name everything the
    body shows besides links (the templates pass the incident's entry and the row's data); the body may use
    `url()` only to print a link. The 404 page, whose links are not relative, renders the body as usual. In
    an incremental build the fragments are also kept from one build to the next (`Fragments`).

    `{% call(*item) once_each(kind, items) %}...{% endcall %}` is `once(kind, *item)` for each of `items` (each a
    tuple, or one value), joined, with the body given the item: the same rows without a call into the
    template for each row already made (a list of 10,000 kept rows took 4 times as long through `once`).
    With `rows` (a mapping by entry id), the row's data `rows[item.id]` is part of each key.
    """

    def render_marked(caller: Callable[..., object], args: tuple) -> Callable[[], str]:
        def render() -> str:
            global _marking
            _marking = True
            try:
                return str(caller(*args))
            finally:
                _marking = False

        return render

    def linked(page: Page, marked: str) -> str:
        """Fragments as `once` keeps them (one or many, joined) with the page's own links put in."""
        # The page's links, each worked out once per page: a list's rows link to the same few places.
        links, _, link_to = _links_of(page)
        # Each fragment holds its marks in pairs, so the joined text splits into text, link target, text, ...
        out = marked.split(_MARK)
        for at in range(1, len(out), 2):
            target = out[at]
            link = links.get(target)
            if link is None:
                link = links[target] = escape(link_to(target))
            out[at] = link
        return "".join(out)

    @jinja2.pass_context
    def once(ctx: jinja2.runtime.Context, *key: object, caller: jinja2.runtime.Macro) -> Markup:
        page = ctx["page"]
        if page.kind.absolute_links or _marking:
            return cast(Markup, caller())  # a macro's output is Markup: autoescape is always on
        return Markup(linked(page, fragments.get(tuple(map(_hashable, key)), key, render_marked(caller, ()))))

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
        plain = page.kind.absolute_links or _marking  # as in `once`
        done = []
        get = fragments.get
        for item in items:
            args = item if isinstance(item, tuple) else (item,)
            if plain:
                done.append(str(caller(*args)))
                continue
            key = (kind, *args) if rows is None else (kind, *args, rows[args[0].id])
            done.append(get(tuple(map(_hashable, key)), key, render_marked(caller, args)))
        # The links of every row put in at once (a list of 10,000 rows has some 40,000 of them).
        return Markup("".join(done) if plain else linked(page, "".join(done)))

    return once, once_each


def _markdown_filter(text: str, shift_headings: int = 2) -> Markup:
    return Markup(render_markdown(text or "", shift_headings))


class _MessagesFolded(jinja2.visitor.NodeTransformer):
    """Replaces each `_("...")` or `gettext("...")` of a template, with a literal message and no placeholders,
    by its translation, as the i18n extension's newstyle gettext would give it at every render
    (`Markup(message) % {}`), so that the message becomes part of the template's text. An incident page has
    about 60 such messages, and calling gettext for each at every render took a fifth of its time.
    A message whose formatting fails is left as it was, to fail at render time as before."""

    def visit_Call(self, node: jinja2.nodes.Call) -> jinja2.nodes.Node:
        node = self.generic_visit(node)  # type: ignore[assignment]  # gives back the Call, its arguments visited
        if not (
            isinstance(node.node, jinja2.nodes.Name)
            and node.node.name in ("_", "gettext")
            and len(node.args) == 1
            and isinstance(node.args[0], jinja2.nodes.Const)
            and isinstance(node.args[0].value, str)
            and not node.kwargs
            and node.dyn_args is None
            and node.dyn_kwargs is None
        ):
            return node
        try:
            folded = Markup(i18n.gettext(node.args[0].value)) % {}
        except (KeyError, TypeError, ValueError):
            return node
        return jinja2.nodes.MarkSafe(jinja2.nodes.Const(str(folded), lineno=node.lineno), lineno=node.lineno)


class _Environment(jinja2.Environment):
    """Jinja with the templates' literal messages translated once, when each template is compiled: an
    environment renders in the language that was active (`i18n.activated`) when its templates were compiled,
    which `pipeline.build` makes sure of by making and using it inside one activation. Only with autoescape
    always on, and in templates that do not turn it off, is the folded message exactly what gettext returns."""

    fragments: Fragments
    """The rows and parts `once` and `once_each` keep (set by `make_environment`)."""

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]  # Jinja's overloads
        if isinstance(source, str):
            source = self.parse(source, name, filename)
            if self.autoescape is True and not any(source.find_all(jinja2.nodes.EvalContextModifier)):
                source = _MessagesFolded().visit(source)
        return super().compile(source, name, filename, raw, defer_init)


def make_environment(root: Path, catalog: Catalog, base_url: str | None = None) -> _Environment:
    env = _Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs(root)]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        auto_reload=False,  # templates do not change during a build: no stat of each file at each use
    )
    # Messages come from the active catalog (pipeline.build activates the site's language); newstyle
    # gettext formats placeholders itself and escapes their values.
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]  # by jinja2.ext.i18n
    config = catalog.config
    fragments = Fragments()
    once, once_each = _once_functions(fragments)
    env.globals.update(
        url=_url,
        urls=urls,
        site=config,
        base_url=base_url or config.base_url,
        navigation=navigation(catalog),
        generator_version=__version__,
        term_urls=catalog.term_urls,
        # A message marked in Python with N_ (e.g. a column's description), translated; escaped like any value.
        translated=i18n.gettext,
        # The name of the web archive that holds a source's archived copy (English; translate it), or None.
        capture_service=lambda archived_url: captures.service(archived_url, config.own_archives),
        once=once,
        once_each=once_each,
    )
    env.fragments = fragments
    env.filters["markdown"] = _markdown_filter
    env.filters["day_words"] = day_words
    env.filters["month_words"] = month_words
    return env


@contextmanager
def environment(root: Path, catalog: Catalog) -> Iterator[_Environment]:
    """`make_environment` for the length of a build; then its kept rows let go of the fingerprints and the
    models they keep (`Fragments.forget`).

    A Jinja environment and its extensions refer to each other, and so does each page's render context with its
    macros: they are freed only by a pass of the cyclic collector, which may come much later. In a process that
    builds again and again (`serve`) everything they reach would outlive the build; this way most of the archive
    is freed by reference counting when the build ends (at 10,000 records, all but about 170,000 of some 900,000
    objects the collector tracks).
    """
    env = make_environment(root, catalog)
    try:
        yield env
    finally:
        env.fragments.forget()


def render_page(env: jinja2.Environment, page: Page) -> str:
    template = env.select_template(list(page.templates))
    return template.render(page=page, **page.context)


PARALLEL_FROM = 400
"""Sites with fewer pages than this render in one process: starting workers would cost more."""
CHUNK = 64
AHEAD = 2
"""Chunks of pages handed to each render worker ahead of the one the build is writing."""

Store = Callable[[int, str, str], Any]
"""store(n, output path, HTML) of the n-th page given to `render_pages`: where the page goes once rendered, in the
process that rendered it (a render worker writes its pages itself); its result is handed on instead of the HTML."""

_work: tuple[_Environment, list[Page], Store | None] | None = None


def default_jobs(pages: int) -> int:
    """Every core the build may use, for a site big enough to gain from it."""
    return len(os.sched_getaffinity(0)) if pages >= PARALLEL_FROM else 1


def _render_chunk(bounds: tuple[int, int]) -> tuple[list[Any], tuple[dict[str, str], set[str]]]:
    """In a worker: render pages[start:end] of the environment and pages it inherited by fork, each handed to
    the inherited `store` when there is one; also hand back the fragments it rendered and used (`Fragments.drain`)."""
    assert _work is not None
    env, pages, store = _work
    done = []
    for n in range(*bounds):
        page = pages[n]
        html = render_page(env, page)
        done.append(html if store is None else store(n, page.output, html))
        del html  # a list of 10,000 rows is megabytes: not kept while the next page renders
    return done, env.fragments.drain()


def render_all(
    env: _Environment,
    pages: list[Page],
    progress: Callable[[int], None] | None = None,
    *,
    jobs: int | None = None,
) -> dict[str, str]:
    """Output path -> HTML, for every page, in the pages' order."""
    return dict(render_pages(env, pages, progress, jobs=jobs))


def render_pages(
    env: _Environment,
    pages: list[Page],
    progress: Callable[[int], None] | None = None,
    *,
    jobs: int | None = None,
    store: Store | None = None,
) -> Generator[tuple[str, Any], None, None]:
    """(output path, HTML) for every page, in the pages' order, as they are done; `progress(done)` is told too.

    The pages come one by one, so the write stage can write each and let it go instead of holding the
    whole site. With more than one job the pages are rendered by forked worker processes, in chunks, and
    handed on in order, so the result is the same as rendering them one by one.

    With `store`, each page is handed to `store(n, output, html)` where it was rendered, and what that returns
    comes instead of the HTML: the build's workers write their own pages, so the HTML never crosses to the build
    (at 10,000 records 300 MB of it went through a pipe, pickled, to be written by the one process).
    """
    global _work, _links
    jobs = default_jobs(len(pages)) if jobs is None else jobs
    if jobs <= 1:
        try:
            for done, page in enumerate(pages, 1):
                html = render_page(env, page)
                yield page.output, (html if store is None else store(done - 1, page.output, html))
                del html
                if progress is not None and (done % 100 == 0 or done == len(pages)):
                    progress(done)
        finally:
            _links = _NO_LINKS  # the last page, and the archive its context holds, would outlive the build
        return
    for templates in dict.fromkeys(page.templates for page in pages):
        env.select_template(list(templates))  # compiled once here, shared by the workers
    chunks = iter([(start, min(start + CHUNK, len(pages))) for start in range(0, len(pages), CHUNK)])
    _work = (env, pages, store)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            # At most AHEAD chunks per worker are in flight: `Pool.imap` would hand out every chunk at once, and
            # when the writing falls behind (Pagefind shares the cores) the finished pages pile up in memory.
            pending = deque(
                (bounds, pool.apply_async(_render_chunk, (bounds,))) for bounds in islice(chunks, AHEAD * jobs)
            )
            while pending:
                (start, end), result = pending.popleft()
                rendered, fragments = result.get()
                for bounds in islice(chunks, 1):
                    pending.append((bounds, pool.apply_async(_render_chunk, (bounds,))))
                env.fragments.absorb(*fragments)
                for page, result in zip(pages[start:end], rendered, strict=True):
                    yield page.output, result
                del rendered
                if progress is not None:
                    progress(end)
    finally:
        _work = None


def context_for(page: Page) -> dict[str, Any]:
    return {"page": page, **page.context}
