"""Render stage: planned pages -> HTML strings through Jinja (autoescape on, undefined fails). This module makes
the Jinja environment; `pages` renders the pages with it, `once` the fragments shared by many pages.

Templates are looked up in this order, most specific first:
1. the archive's own `templates/` folder (an archive overrides a default by file name);
2. the default templates shipped with warcrime-archive.
Within that, each page names the templates to try (e.g. 'side.html' before 'term.html').
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import jinja2
import jinja2.nodes
import jinja2.visitor
from markupsafe import Markup

from warcrime_archive import __version__, i18n, layout, urls
from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.model import captures
from warcrime_archive.model.dates import day_words, month_words
from warcrime_archive.plan.navigation import navigation
from warcrime_archive.render.once import Fragments, PageLinks, once_functions, url_function
from warcrime_archive.richtext import render_markdown


def template_dirs(root: Path) -> list[Path]:
    own = root / layout.TEMPLATES
    dirs = [own] if own.is_dir() else []
    default = layout.default_dir(layout.TEMPLATES)
    if not dirs or own.resolve() != default.resolve():
        dirs.append(default)
    return dirs


def _markdown_filter(text: str, under: int = 2) -> Markup:
    """`text|markdown(level)`: Markdown as safe HTML, its headings under a heading of `level` (2: a section's)."""
    return Markup(render_markdown(text or "", under))


class _MessagesFolded(jinja2.visitor.NodeTransformer):
    """Replaces each `_("...")` or `gettext("...")` of a template, with a literal message and no placeholders,
    by its translation, as the i18n extension's newstyle gettext would give it at every render
    (`Markup(message) % {}`), so that the message becomes part of the template's text: an incident page has
    dozens of such messages, and gettext was a large part of its time (docs/performance.md).
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


class SiteEnvironment(jinja2.Environment):
    """Jinja with the templates' literal messages translated once, when each template is compiled: an
    environment renders in the language that was active (`i18n.activated`) when its templates were compiled,
    which `build.build_site` makes sure of by making and using it inside one activation. Only with autoescape
    always on, and in templates that do not turn it off, is the folded message exactly what gettext returns.

    `page_links` are the links of the page being rendered, for `url` and `once` (`once.PageLinks`)."""

    page_links: PageLinks

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]  # Jinja's overloads
        if isinstance(source, str):
            source = self.parse(source, name, filename)
            if self.autoescape is True and not any(source.find_all(jinja2.nodes.EvalContextModifier)):
                source = _MessagesFolded().visit(source)
        return super().compile(source, name, filename, raw, defer_init)


def make_environment(
    root: Path, catalog: Catalog, base_url: str | None = None, *, fragments: Fragments | None = None
) -> SiteEnvironment:
    """The Jinja environment of a site; `once` takes its fragments from `fragments` (by default, rendered once
    for this environment)."""
    env = SiteEnvironment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs(root)]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        auto_reload=False,  # templates do not change during a build: no stat of each file at each use
    )
    # Messages come from the active catalog (build_site activates the site's language); newstyle
    # gettext formats placeholders itself and escapes their values.
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]  # by jinja2.ext.i18n
    config = catalog.config
    env.page_links = PageLinks()
    once, once_each = once_functions(fragments if fragments is not None else Fragments(), env.page_links)
    env.globals.update(
        url=url_function(env.page_links),
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
    env.filters["markdown"] = _markdown_filter
    env.filters["day_words"] = day_words
    env.filters["month_words"] = month_words
    return env


@contextmanager
def environment(root: Path, catalog: Catalog, fragments: Fragments) -> Iterator[SiteEnvironment]:
    """`make_environment` for the length of a build; then it lets go of the last page it rendered and its
    fragments of what they keep (`Fragments.forget`; the incremental build's keep the fingerprints and models).

    A Jinja environment and its extensions refer to each other, and so does each page's render context with its
    macros: they are freed only by a pass of the cyclic collector, which may come much later. In a process that
    builds again and again (`serve`) everything they reach would outlive the build; this way most of the archive
    is freed by reference counting when the build ends.
    """
    env = make_environment(root, catalog, fragments=fragments)
    try:
        yield env
    finally:
        env.page_links.forget()
        fragments.forget()
