"""Rendering the pages: in this process or in forked workers, the same pages in the same order."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.plan.pages import Page
from warcrime_archive.plan.site import plan_site
from warcrime_archive.render.environment import environment, make_environment
from warcrime_archive.render.once import Fragments
from warcrime_archive.render.pages import render_pages
from warcrime_archive.validate.check import check


def planned(root: Path) -> tuple[Catalog, list[Page]]:
    catalog = build_catalog(check(root).archive)
    return catalog, plan_site(catalog)


def test_parallel_rendering_gives_the_same_pages_in_the_same_order(sample_root: Path) -> None:
    catalog, pages = planned(sample_root)
    done: list[int] = []
    parallel = list(render_pages(make_environment(sample_root, catalog), pages, done.append, jobs=2))
    serial = list(render_pages(make_environment(sample_root, catalog), pages, jobs=1))
    assert parallel == serial and [output for output, _ in serial] == [page.output for page in pages]
    assert done[-1] == len(pages) and done == sorted(done)


def test_the_environment_forgets_the_last_page_when_the_build_ends(sample_root: Path) -> None:
    """The links of the page being rendered are kept between calls of `url()`; once the build is done the
    environment must not keep the last one, whose context may reach every record (a list page). A process that
    builds again and again (`serve`) would otherwise hold it until the collector frees the environment."""
    catalog, pages = planned(sample_root)
    pages = [page for page in pages if page.kind == "incidents"]
    assert len(pages) == 1 and len(pages[0].context["entries"]) == len(catalog.entries) > 1
    with environment(sample_root, catalog, Fragments()) as env:
        for _ in render_pages(env, pages, jobs=1):
            assert env.page_links.page is pages[0]  # while the page is used
    assert env.page_links.page is None


@pytest.mark.parametrize("jobs", [1, 2])
def test_with_a_store_each_page_goes_to_it_where_it_was_rendered_and_its_result_comes_back(
    sample_root: Path, jobs: int
) -> None:
    catalog, pages = planned(sample_root)
    expected = dict(render_pages(make_environment(sample_root, catalog), pages, jobs=1))
    here = os.getpid()

    def store(n: int, output: str, html: str) -> tuple:
        return (n, output, hashlib.sha256(html.encode()).hexdigest(), os.getpid())

    got = list(render_pages(make_environment(sample_root, catalog), pages, jobs=jobs, store=store))
    assert [output for output, _ in got] == list(expected)
    assert [result[:3] for _, result in got] == [
        (n, output, hashlib.sha256(html.encode()).hexdigest()) for n, (output, html) in enumerate(expected.items())
    ]
    processes = {result[3] for _, result in got}
    assert processes == {here} if jobs == 1 else here not in processes  # written by the workers


def test_what_the_workers_fragments_learn_is_handed_back_to_the_build(sample_root: Path) -> None:
    """Each forked worker has its own copy of the fragments; what it learns comes back with its pages."""
    catalog, pages = planned(sample_root)

    class Learning(Fragments):
        def __init__(self) -> None:
            super().__init__()
            self.learnt: list[object] = []
            self.merged: list[object] = []

        def make(self, parts: tuple, render) -> str:
            self.learnt.append((os.getpid(), parts[0]))
            return render()

        def collect_new(self) -> object:
            new, self.learnt = self.learnt, []
            return new

        def merge_new(self, new: object) -> None:
            self.merged += new

    fragments = Learning()
    env = make_environment(sample_root, catalog, fragments=fragments)
    list(render_pages(env, pages, jobs=2, fragments=fragments))
    assert fragments.learnt == [] and fragments.merged
    assert os.getpid() not in {pid for pid, _ in fragments.merged}
