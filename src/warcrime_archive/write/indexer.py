"""The build's search index: made shard by shard in other threads, each as soon as its incident pages are written.

The pages the search reads are rendered first, shard by shard (`in_shard_order`); when the last page of a shard is
written (`written`), its marked pages are linked into a scratch folder here and Pagefind indexes them in another
thread, one shard at a time, while the rest of the site is rendered and written. A shard whose pages are the same
bytes as when the kept index was made (its fingerprint, `kept.Fingerprints.search_shard`) is kept as it is.
`finish` waits for the last shard and lists the shards that hold an index in search/shards.js.
"""

from __future__ import annotations

import queue
import shutil
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from warcrime_archive import urls
from warcrime_archive.publish.search import index_linked, link_pages, shards, shards_script
from warcrime_archive.write.kept import Fingerprints
from warcrime_archive.write.staging import Staging

T = TypeVar("T")


class SearchIndexer:
    """The search index of a staged site, made in shards; a context: leaving it stops the indexing threads.

    Each shard is named by its subfolder of the index's folder and made from some pages. When every page of a
    shard is in place, `shard(subfolder, key, pages)` is called (by the thread that writes the site): a shard kept
    from before whole and made from the same pages (`key`) stays as it is; otherwise the pages of it that are
    marked for the indexer are put in a scratch folder here (`link(site, pages)`), and another thread runs
    `run(site, scratch, subfolder)` for each shard in turn, so that one indexer runs at a time, beside the
    rendering of the rest. A shard with no marked page has no index.

    The thread that calls `wait` has nothing left to do but wait: if shards are still queued then, `helpers`
    more threads index them beside the first, so that every core works on what is left of the index.
    """

    helpers = 1
    """Threads added by `wait` while shards are queued (one per queued shard at most)."""

    def __init__(
        self,
        site: Staging,
        ids: Iterable[str] = (),
        fingerprints: Fingerprints | None = None,
        *,
        folder: str = urls.SEARCH_BUNDLE,
        link: Callable[[Path, list[str]], Path] = link_pages,
        run: Callable[[Path, Path, str], int] = index_linked,
    ) -> None:
        self.site, self.link, self.run = site, link, run
        self.fingerprints = fingerprints if fingerprints is not None else Fingerprints()
        self.shards = shards(ids)
        self.shard_of = {page: n for n, shard in enumerate(self.shards) for page in shard.pages}
        self.left = [0] * len(self.shards)  # pages of each shard not yet written
        self.prefix = folder.rstrip("/") + "/"
        site.ready()
        self.previous, self.listed = self._by_shard(site.kept), self._by_shard(site.listed)
        self.named: dict[str, str | None] = {}  # subfolder -> key, every shard named so far
        self.made: list[str] = []
        self.queue: queue.SimpleQueue[tuple[str, Path] | None] = queue.SimpleQueue()
        self.threads: list[threading.Thread] = []
        self.failure: list[BaseException] = []
        self.stopped = False

    def __enter__(self) -> SearchIndexer:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        """Give up (after `wait`, or when the build failed: the shards not begun are not made), and let every
        thread end: they read the staging folder, which a failed build removes."""
        self.stopped = True
        self._end()
        for thread in self.threads:
            thread.join()

    def _by_shard(self, paths: Iterable[str]) -> dict[str, list[str]]:  # "pagefind/<shard>/" -> its files
        found: dict[str, list[str]] = {}
        for path in paths:
            if path.startswith(self.prefix):
                found.setdefault(self.prefix + path[len(self.prefix) :].split("/", 1)[0] + "/", []).append(path)
        return found

    def in_shard_order(self, todo: Sequence[T], output: Callable[[T], str]) -> list[T]:
        """The pages to make (`todo`, each at `output(item)`), those the search reads first, shard by shard
        (otherwise in their order); the shards none of whose pages is to be made are indexed now."""
        ordered = sorted(todo, key=lambda item: self.shard_of.get(output(item), len(self.shards)))
        for item in ordered:
            n = self.shard_of.get(output(item))
            if n is not None:
                self.left[n] += 1
        for n, count in enumerate(self.left):
            if count == 0:
                self._ready(n)
        return ordered

    def written(self, relative: str) -> None:
        """A page is in place: if it was the last of its shard, the shard is indexed."""
        n = self.shard_of.get(relative)
        if n is not None:
            self.left[n] -= 1
            if self.left[n] == 0:
                self._ready(n)

    def _ready(self, n: int) -> None:
        shard = self.shards[n]
        files = self.site.files
        marked = [
            (page, entry[5]) for page in sorted(shard.pages) if (entry := files.get(page)) is not None and entry[4]
        ]
        self.shard(shard.folder, self.fingerprints.search_shard(marked), shard.pages)

    def shard(self, subfolder: str, key: str | None, pages: list[str]) -> None:
        """Index the shard `subfolder` of `pages` (all in place), made from `key`, unless it is kept."""
        site = self.site
        sub = subfolder.rstrip("/") + "/"
        self.named[sub] = key
        files = self.previous.pop(sub, [])
        if (
            key is not None
            and files
            and all(site.kept[path][0] == key for path in files)
            and len(files) == len(self.listed.get(sub, []))
        ):
            for path in files:
                site.unchanged(path, key)
            return
        site.remove(sub, files)
        marked = [page for page in pages if (entry := site.files.get(page)) is not None and entry[4]]
        if not marked:
            return
        scratch = self.link(site.folder, marked)
        self.made.append(sub)
        self.queue.put((sub, scratch))
        if not self.threads:
            self._start()

    def _start(self) -> None:
        thread = threading.Thread(target=self._work, name="search index", daemon=True)
        self.threads.append(thread)
        thread.start()

    def _work(self) -> None:
        while (item := self.queue.get()) is not None:
            subfolder, scratch = item
            if self.failure or self.stopped:  # shards after a failure, or given up: only their scratch folders go
                shutil.rmtree(scratch, ignore_errors=True)
                continue
            try:
                self.run(self.site.folder, scratch, subfolder)
            except BaseException as error:  # handed to the thread that waits
                self.failure.append(error)

    def _end(self) -> None:
        for _ in self.threads:  # one end mark per thread
            self.queue.put(None)

    def wait(self) -> None:
        """Wait for the shards' indexes; then count their files in the site, and remove what is left under the
        index's folder from before (shards no longer named)."""
        site = self.site
        if self.threads:
            for _ in range(min(self.helpers, self.queue.qsize())):
                self._start()
            self._end()
            for thread in self.threads:
                thread.join()
            self.threads = []
        if self.failure:
            raise self.failure[0]
        for sub, files in self.previous.items():  # shards of the last build not named in this one
            site.remove(sub, files)
        self.previous = {}
        bundle = site.folder / self.prefix
        for child in sorted(bundle.iterdir()) if bundle.is_dir() else []:
            if f"{self.prefix}{child.name}/" not in self.named:
                site.remove(f"{self.prefix}{child.name}")
        for sub in self.made:
            made = site.folder / sub
            for path in sorted(made.rglob("*")) if made.is_dir() else []:
                if path.is_file():
                    site.add_made(path.relative_to(site.folder).as_posix(), self.named[sub])

    def indexed(self) -> list[str]:
        """The subfolders of the shards that hold an index, in order of their names (after `wait`): a shard
        with no marked page has none."""
        return sorted(sub for sub in self._by_shard(self.site.files) if sub in self.named)

    def finish(self) -> None:
        """Wait for the last shards (`wait`), then list those that hold an index in search/shards.js."""
        self.wait()
        self.site.put(urls.SEARCH_SHARDS, shards_script(self.indexed()))
