"""Render stage: planned pages -> HTML strings through Jinja (autoescape on, undefined fails).

Templates are looked up in this order, most specific first:
1. the archive's own `templates/` folder (an archive overrides a default by file name);
2. the default templates shipped with warcrime-archive.
Within that, each page names the templates to try (e.g. 'side.html' before 'term.html').
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from warcrime_archive import __version__, i18n, urls
from warcrime_archive.catalog import Catalog
from warcrime_archive.dates import day_words, month_words
from warcrime_archive.plan import Page, navigation
from warcrime_archive.richtext import render_markdown


def default_dir(name: str) -> Path:
    """A folder of defaults: in the wheel ('default_templates'), or beside src/ in a checkout."""
    packaged = Path(str(resources.files("warcrime_archive"))) / f"default_{name}"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name


def template_dirs(root: Path) -> list[Path]:
    own = root / "templates"
    dirs = [own] if own.is_dir() else []
    default = default_dir("templates")
    if not dirs or own.resolve() != default.resolve():
        dirs.append(default)
    return dirs


@jinja2.pass_context
def _url(ctx: jinja2.runtime.Context, target: str) -> str:
    """A link from the page being rendered to `target` (a site URL from `urls`).

    The 404 page is served at any address, so its links start from the site's path instead.
    """
    page = ctx["page"]
    if page.kind == "404":
        return urlsplit(ctx["base_url"]).path.rstrip("/") + "/" + target
    return urls.relative(page.url, target)


def _markdown_filter(text: str, shift_headings: int = 2) -> Markup:
    return Markup(render_markdown(text or "", shift_headings))


def make_environment(root: Path, catalog: Catalog, base_url: str | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs(root)]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    # Messages come from the active catalog (pipeline.build activates the site's language); newstyle
    # gettext formats placeholders itself and escapes their values.
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
    config = catalog.config
    env.globals.update(
        url=_url,
        urls=urls,
        site=config,
        base_url=base_url or config.base_url,
        catalog=catalog,
        navigation=navigation(catalog),
        generator_version=__version__,
        term_urls=catalog.term_urls,
        # A message marked in Python with N_ (e.g. a column's description), translated; escaped like any value.
        translated=i18n.gettext,
    )
    env.filters["markdown"] = _markdown_filter
    env.filters["day_words"] = day_words
    env.filters["month_words"] = month_words
    return env


def render_page(env: jinja2.Environment, page: Page) -> str:
    template = env.select_template(list(page.templates))
    return template.render(page=page, **page.context)


def render_all(env: jinja2.Environment, pages: list[Page]) -> dict[str, str]:
    """Output path -> HTML, for every page."""
    return {page.output: render_page(env, page) for page in pages}


def context_for(page: Page) -> dict[str, Any]:
    return {"page": page, **page.context}
