"""`once` and `once_each`: rows rendered once per build, each page with its own links, the same pages."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan.site import plan_site
from warcrime_archive.render.environment import make_environment
from warcrime_archive.render.once import Fragments
from warcrime_archive.render.pages import render_pages
from warcrime_archive.validate.check import check


def test_rows_rendered_once_equal_rows_rendered_on_every_page(sample_root: Path) -> None:
    """`once` renders an incident's row once and puts in each page's links: the pages must not change."""
    catalog = build_catalog(check(sample_root).archive)
    pages = plan_site(catalog)
    every_time = make_environment(sample_root, catalog)
    calls: list[tuple] = []

    def render_each_time(kind, items, rows=None, *, caller):
        done = []
        for item in items:
            args = item if isinstance(item, tuple) else (item,)
            first = args[0]
            calls.append((kind, first.id if hasattr(first, "id") else first.entry.id))  # (kind, the incident's id)
            done.append(str(caller(*args)))
        return Markup("".join(done))

    every_time.globals["once_each"] = render_each_time
    expected = dict(render_pages(every_time, pages, jobs=1))
    assert len(calls) > len(set(calls)) > 0  # rows are repeated across lists, so there is work to save
    assert dict(render_pages(make_environment(sample_root, catalog), pages, jobs=1)) == expected
    assert dict(render_pages(make_environment(sample_root, catalog), pages, jobs=2)) == expected
    sides = [path for path in expected if path.startswith("sides/") and path.count("/") == 2]
    assert sides and all('href="../../incidents/' in expected[path] for path in sides)


def test_each_fragment_is_made_once_per_key_by_the_fragments_the_environment_was_given(sample_root: Path) -> None:
    catalog = build_catalog(check(sample_root).archive)
    made: list[tuple] = []

    class Counting(Fragments):
        def make(self, parts: tuple, render) -> str:
            made.append(parts)
            return render()

    fragments = Counting()
    list(render_pages(make_environment(sample_root, catalog, fragments=fragments), plan_site(catalog), jobs=1))
    assert made and len(fragments.by_key) == len(made)  # each key made once, however many lists it is in
    fragments.forget()
    assert fragments.by_key == {}
