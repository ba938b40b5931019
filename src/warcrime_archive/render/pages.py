"""Rendering the pages: each through its template, in this process or in forked workers, handed on in order."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Generator
from itertools import islice
from typing import Any

import jinja2

from warcrime_archive.plan.pages import Page
from warcrime_archive.render.once import Fragments


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

_work: tuple[jinja2.Environment, list[Page], Store | None, Fragments | None] | None = None
"""What the render workers work on, for the length of `render_pages`. A module global because the workers are
forked: they inherit it (the environment with its compiled templates, every page and the catalog they show) instead
of receiving it pickled; only the bounds of each chunk are sent to them."""


def default_jobs(pages: int) -> int:
    """Every core the build may use, for a site big enough to gain from it."""
    return len(os.sched_getaffinity(0)) if pages >= PARALLEL_FROM else 1


def _render_chunk(bounds: tuple[int, int]) -> tuple[list[Any], object]:
    """In a worker: render pages[start:end] of the environment and pages it inherited by fork, each handed to
    the inherited `store` when there is one; also hand back what its fragments learnt (`Fragments.collect_new`)."""
    assert _work is not None
    env, pages, store, fragments = _work
    done = []
    for n in range(*bounds):
        page = pages[n]
        html = render_page(env, page)
        done.append(html if store is None else store(n, page.output, html))
        del html  # a list of thousands of rows is megabytes: not kept while the next page renders
    return done, fragments.collect_new() if fragments is not None else None


def render_pages(
    env: jinja2.Environment,
    pages: list[Page],
    progress: Callable[[int], None] | None = None,
    *,
    jobs: int | None = None,
    store: Store | None = None,
    fragments: Fragments | None = None,
) -> Generator[tuple[str, Any], None, None]:
    """(output path, HTML) for every page, in the pages' order, as they are done; `progress(done)` is told too.

    The pages come one by one, so the write stage can write each and let it go instead of holding the
    whole site. With more than one job the pages are rendered by forked worker processes, in chunks, and
    handed on in order, so the result is the same as rendering them one by one. `fragments` are those the
    environment was made with: what the workers' copies learn is handed back to it.

    With `store`, each page is handed to `store(n, output, html)` where it was rendered, and what that returns
    comes instead of the HTML: the build's workers write their own pages, so the HTML never crosses to the build.
    """
    global _work
    jobs = default_jobs(len(pages)) if jobs is None else jobs
    if jobs <= 1:
        for done, page in enumerate(pages, 1):
            html = render_page(env, page)
            yield page.output, (html if store is None else store(done - 1, page.output, html))
            del html
            if progress is not None and (done % 100 == 0 or done == len(pages)):
                progress(done)
        return
    for templates in dict.fromkeys(page.templates for page in pages):
        env.select_template(list(templates))  # compiled once here, shared by the workers
    chunks = iter([(start, min(start + CHUNK, len(pages))) for start in range(0, len(pages), CHUNK)])
    _work = (env, pages, store, fragments)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            # At most AHEAD chunks per worker are in flight: `Pool.imap` would hand out every chunk at once, and
            # when the writing falls behind (Pagefind shares the cores) the finished pages pile up in memory.
            pending = deque(
                (bounds, pool.apply_async(_render_chunk, (bounds,))) for bounds in islice(chunks, AHEAD * jobs)
            )
            while pending:
                (start, end), result = pending.popleft()
                rendered, learnt = result.get()
                for bounds in islice(chunks, 1):
                    pending.append((bounds, pool.apply_async(_render_chunk, (bounds,))))
                if fragments is not None:
                    fragments.merge_new(learnt)
                for page, result in zip(pages[start:end], rendered, strict=True):
                    yield page.output, result
                del rendered
                if progress is not None:
                    progress(end)
    finally:
        _work = None
