"""The build's search index: each shard indexed in another thread as soon as its pages are in place."""

import shutil
import threading
import time
from pathlib import Path

import pytest

from warcrime_archive.publish import search as search_index
from warcrime_archive.write.indexer import SearchIndexer
from warcrime_archive.write.staging import Staging


def test_the_search_index_links_only_marked_pages_here_and_indexes_them_in_another_thread(tmp_path, monkeypatch):
    """Each shard, once its pages are in place, has its marked pages put in a scratch
    folder by the thread that writes (in the indexing thread, every file operation waited for the interpreter's
    lock) and is indexed in the other thread, one shard after the other; a shard with no marked page gets no
    index; after a failure the shards not reached are not indexed and no scratch folder is left; a build that
    fails while a shard is indexed waits for it, and drops the shards not begun. (Without the helper that
    `wait` adds for the shards still queued: see the next test.)"""
    monkeypatch.setattr(SearchIndexer, "helpers", 0)
    marked = "<article data-pagefind-body>{}</article>"
    pages = {
        "incidents/a/index.html": marked.format("a"),
        "incidents/b/index.html": "<p>not marked</p>",
        "incidents/c/index.html": marked.format("c"),
        "incidents/d/index.html": "<p>not marked</p>",
        "incidents/e/index.html": marked.format("e"),
    }
    shards = [
        ("pagefind/a/", "k1", ["incidents/a/index.html", "incidents/b/index.html"]),
        ("pagefind/c/", "k2", ["incidents/c/index.html", "incidents/d/index.html"]),
        ("pagefind/d/", "k3", ["incidents/d/index.html"]),
        ("pagefind/e/", "k4", ["incidents/e/index.html"]),
    ]
    main = threading.get_ident()
    linked: list[tuple[list[str], bool]] = []

    def link(site: Path, marked_pages: list[str]) -> Path:
        linked.append((marked_pages, threading.get_ident() == main))
        return search_index.link_pages(site, marked_pages)

    def attempt(fail_at: str | None, slow: float = 0.0, build_fails: bool = False) -> tuple[list, list[str]]:
        ran: list[tuple[str, list[str]]] = []

        def run(site: Path, scratch: Path, subfolder: str) -> int:
            assert threading.get_ident() != main
            found = sorted(p.relative_to(scratch).as_posix() for p in scratch.rglob("*.html"))
            assert all((scratch / p).stat().st_ino == (site / p).stat().st_ino for p in found)  # hard links
            ran.append((subfolder, found))
            time.sleep(slow)
            shutil.rmtree(scratch)  # as index_linked, which removes its scratch folder whatever happens
            if subfolder == fail_at:
                raise RuntimeError("pagefind failed")
            (site / subfolder).mkdir(parents=True)
            (site / subfolder / "pagefind.js").write_text(subfolder)
            return 1

        linked.clear()
        left: list[str] = []
        try:
            with (
                Staging(tmp_path / f"site-{fail_at}-{build_fails}") as staging,
                SearchIndexer(staging, folder="pagefind", link=link, run=run) as index,
            ):
                for relative, html in pages.items():
                    staging.put(relative, html)
                for subfolder, key, shard_pages in shards:
                    index.shard(subfolder, key, shard_pages)
                if build_fails:
                    raise KeyError("rendering failed")
                if fail_at is None:
                    index.wait()
                    assert {p for p in staging.files if p.startswith("pagefind/")} == {
                        "pagefind/a/pagefind.js",
                        "pagefind/c/pagefind.js",
                        "pagefind/e/pagefind.js",
                    }
                else:
                    with pytest.raises(RuntimeError, match="pagefind failed"):
                        index.wait()
                left = [p.name for p in staging.folder.iterdir() if p.name.startswith(".search-pages-")]
        except KeyError:
            assert build_fails
            assert not staging.folder.exists()
        return ran, left

    ran, left = attempt(None)
    assert ran == [
        ("pagefind/a/", ["incidents/a/index.html"]),
        ("pagefind/c/", ["incidents/c/index.html"]),
        ("pagefind/e/", ["incidents/e/index.html"]),
    ]
    assert [pages for pages, _ in linked] == [
        ["incidents/a/index.html"],
        ["incidents/c/index.html"],
        ["incidents/e/index.html"],
    ]
    assert all(in_main for _, in_main in linked) and left == []
    ran, left = attempt("pagefind/c/")
    assert [subfolder for subfolder, _ in ran] == ["pagefind/a/", "pagefind/c/"]
    assert len(linked) == 3 and left == []  # the scratch folder of the shard not reached (e) is removed too
    ran, _ = attempt(None, slow=0.3, build_fails=True)
    assert [subfolder for subfolder, _ in ran] == ["pagefind/a/"]


def test_shards_still_queued_when_the_build_waits_are_indexed_by_two_threads(tmp_path):
    """`SearchIndexer.wait`: the writing is done, so a second thread indexes the shards still queued beside the
    first; every shard is made once, and a failure in either thread is raised, with no scratch folder left."""
    pages = {f"incidents/{name}/index.html": f"<article data-pagefind-body>{name}</article>" for name in "abcd"}

    def attempt(fail_at: str | None) -> tuple[list[tuple[str, int, float, float]], list[str]]:
        ran: list[tuple[str, int, float, float]] = []

        def run(site: Path, scratch: Path, subfolder: str) -> int:
            start = time.monotonic()
            time.sleep(0.4)
            shutil.rmtree(scratch)
            ran.append((subfolder, threading.get_ident(), start, time.monotonic()))
            if subfolder == fail_at:
                raise RuntimeError("pagefind failed")
            (site / subfolder).mkdir(parents=True)
            (site / subfolder / "pagefind.js").write_text(subfolder)
            return 1

        with (
            Staging(tmp_path / f"site-{fail_at}") as staging,
            SearchIndexer(staging, folder="pagefind", run=run) as index,
        ):
            for relative, html in pages.items():
                staging.put(relative, html)
            for n, page in enumerate(pages):
                index.shard(f"pagefind/{n}/", f"k{n}", [page])
            if fail_at is None:
                index.wait()
                assert {p for p in staging.files if p.startswith("pagefind/")} == {
                    f"pagefind/{n}/pagefind.js" for n in range(4)
                }
            else:
                with pytest.raises(RuntimeError, match="pagefind failed"):
                    index.wait()
            left = [p.name for p in staging.folder.iterdir() if p.name.startswith(".search-pages-")]
        return ran, left

    ran, left = attempt(None)
    assert sorted(subfolder for subfolder, *_ in ran) == [f"pagefind/{n}/" for n in range(4)] and left == []
    assert len({thread for _, thread, _, _ in ran}) == 2
    # the two threads indexed at the same time
    assert any(a[1] != b[1] and a[2] < b[3] and b[2] < a[3] for a in ran for b in ran)
    ran, left = attempt("pagefind/1/")
    assert "pagefind/1/" in [subfolder for subfolder, *_ in ran] and left == []
