"""The search index: Pagefind's index of the site's incident pages, in shards that the browser merges.

This module cuts the records into shards, runs Pagefind over a shard's pages and makes its files reproducible;
the build indexes the shards as their pages are written (`indexer`).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cbor2

from warcrime_archive import urls

# Pagefind's ready-made interfaces; the search page uses its JS API (pagefind.js) with our own markup.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


# What Pagefind is told besides the folder it reads and the folder it writes. It reads only the incident pages
# (`urls.SEARCHED_PAGES`), and of them only the element marked `data-pagefind-body`.
OPTIONS = (
    "--root-selector",
    "[data-pagefind-body]",
    "--glob",
    urls.SEARCHED_PAGES,
    "--silent",
)
MARKER = b"data-pagefind-body"

SHARD_PAGES = 1024
"""The mean number of records in one shard of the search index (a power of two, see `shards`)."""

# Every compressed Pagefind file is gzip of this signature followed by the file's CBOR (or JSON).
SIGNATURE = b"pagefind_dcd"
# Where the list of [filter name, filter file hash] pairs sits in a pagefind.*.pf_meta file (1.5.x).
META_FILTERS = 3


class IndexingFailed(Exception):
    """Pagefind could not index the staged site."""


@dataclass(frozen=True)
class Shard:
    """Part of the search index: Pagefind's index of some incident pages, in `urls.search_shard(name)`."""

    name: str
    ids: tuple[str, ...]

    @property
    def folder(self) -> str:
        return urls.search_shard(self.name)

    @property
    def pages(self) -> list[str]:
        """The incident pages it indexes, as paths in the site."""
        return [urls.output_path(urls.incident(record_id)) for record_id in self.ids]


def _hash(record_id: str) -> int:
    return int.from_bytes(hashlib.sha256(record_id.encode()).digest()[:8], "big")


def _cut_before(record_id: str, length: int) -> bool:
    """Whether a new shard starts at `record_id`, after a shard of `length` ids."""
    found = _hash(record_id)
    if found % SHARD_PAGES == 0:
        return True
    if length >= SHARD_PAGES and found % max(1, SHARD_PAGES // 16) == 0:
        return True
    return length >= 4 * SHARD_PAGES


def shards(ids: Iterable[str]) -> list[Shard]:
    """The records, by id, split into the shards of the search index, each named by its first id.

    Pagefind cannot update part of an index, and its time and memory grow with the pages it reads: one
    index of every record would be made again whole after any edit. Instead the ids are sorted and cut where
    their hash says (content-defined chunking, as backup tools cut files): a new shard starts at an id whose
    hash is 0 modulo SHARD_PAGES, or, once a shard holds SHARD_PAGES ids, modulo SHARD_PAGES / 16 (so that no
    shard grows much past SHARD_PAGES; 4 x SHARD_PAGES at the very most). The cuts depend on the ids, not on
    their positions, so a new or deleted record almost always changes only the shard it falls in, an edit
    changes none, and the other shards keep their names, pages and files. The browser merges them.
    """
    found: list[Shard] = []
    current: list[str] = []
    for record_id in sorted(set(ids)):
        if current and _cut_before(record_id, len(current)):
            found.append(Shard(current[0], tuple(current)))
            current = []
        current.append(record_id)
    if current:
        found.append(Shard(current[0], tuple(current)))
    return found


def index_site(site: Path) -> int:
    """Write the search index of every marked incident page of `site` (`searched_pages`), shard by shard,
    under `site`/pagefind/; returns the number of files written. The build itself indexes only the shards
    whose pages changed (`indexer.SearchIndexer`, with `link_pages` and `index_linked`), and lists those
    that hold an index in search/shards.js (`shards_script`)."""
    return sum(index_shard(site, shard.folder, shard.pages) for shard in marked_shards(site))


def marked_shards(site: Path) -> list[Shard]:
    """The shards of the records whose incident pages in `site` are marked for the index (`searched_pages`)."""
    return shards(page.parent.name for page in searched_pages(site) if MARKER in page.read_bytes())


def shards_script(folders: Iterable[str]) -> str:
    """search/shards.js (`urls.SEARCH_SHARDS`): the folders of the shards that hold an index, in order, as links
    from the search page, for `static/search.js`, which loads the first and merges the others into it.

    Written once the index is made, not with the search page: a shard whose pages are none of them marked (an
    overridden incident template may leave the mark out) has no index, and a search page naming it could not
    load any shard (Pagefind cannot merge what is not there)."""
    links = [urls.linker(urls.SEARCH)(folder) for folder in folders]
    return (
        "// The shards of the search index, written by the build once they are made: static/search.js loads them.\n"
        f"window.warcrimeArchiveSearchShards = {json.dumps(links)};\n"
    )


def index_shard(site: Path, folder: str, pages: list[str]) -> int:
    """Write Pagefind's index of the `data-pagefind-body` of `pages` (paths in `site`) into `site`/`folder`.

    Returns the number of files Pagefind wrote. The binary comes from the `pagefind_bin` package;
    nothing is downloaded. Only marked content is ever indexed: with no marked page there is nothing to
    search and no index is written, where Pagefind would otherwise index every page whole. The build does
    the same in two steps (`link_pages`, then `index_linked` in another thread).
    """
    marked = [page for page in pages if MARKER in (site / page).read_bytes()]
    if not marked:
        return 0
    return index_linked(site, link_pages(site, marked), folder)


def link_pages(site: Path, pages: list[str]) -> Path:
    """A new scratch folder inside `site` holding hard links to `pages` at their paths in the site (copies on a
    file system without hard links), for Pagefind to read: the URLs it records are then those of the site.

    The build makes it before handing the indexing to another thread: there, each of these file operations
    would wait for the interpreter's lock while the pages are rendered (docs/performance.md)."""
    scratch = Path(tempfile.mkdtemp(prefix=".search-pages-", dir=site))
    try:
        for page in pages:
            copy = scratch / page
            copy.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site / page, copy)
            except OSError:  # a file system without hard links
                shutil.copyfile(site / page, copy)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return scratch


def index_linked(site: Path, scratch: Path, folder: str) -> int:
    """Write Pagefind's index of the pages in `scratch` (`link_pages`) into `site`/`folder`, made
    byte-for-byte reproducible (`canonicalise`), and remove `scratch`; returns the number of files written."""
    try:
        bundle = run_pagefind(scratch, site / folder)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    canonicalise(bundle)
    return sum(1 for p in bundle.rglob("*") if p.is_file())


def searched_pages(site: Path) -> list[Path]:
    """The files of `site` that Pagefind may read (`urls.SEARCHED_PAGES`), in order of their path in the site."""
    return sorted(
        (page for page in site.glob(urls.SEARCHED_PAGES) if page.is_file()),
        key=lambda page: page.relative_to(site).as_posix(),
    )


def run_pagefind(site: Path, bundle: Path | None = None) -> Path:
    """Run Pagefind over `site` as it is, writing its index into `bundle` (`site`/pagefind/ when not given);
    keep only the files the site uses, and return the bundle's folder.

    Pagefind would also read a pagefind.json, .yml or .toml file in its working folder and PAGEFIND_
    environment variables: it runs in an empty folder, with none of them.
    """
    bundle = (bundle or site / urls.SEARCH_BUNDLE).resolve()
    command = [sys.executable, "-m", "pagefind", "--site", str(site.resolve()), "--output-path", str(bundle), *OPTIONS]
    env = {name: value for name, value in os.environ.items() if not name.upper().startswith("PAGEFIND_")}
    with tempfile.TemporaryDirectory(prefix="pagefind-") as empty:
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=empty, env=env)
    if done.returncode != 0 or not (bundle / "pagefind.js").is_file():
        raise IndexingFailed(f"pagefind exited with status {done.returncode}: {(done.stderr or done.stdout).strip()}")
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    return bundle


def content_hash(data: bytes) -> str:
    """Pagefind's `full_hash`: the SHA-1 of a file's CBOR, each byte in lowercase hex *without* zero padding."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())


def read_pf(path: Path) -> Any:
    """Decode one of Pagefind's compressed CBOR files (filter or meta); the caller checks its layout."""
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise IndexingFailed(f"{path.name}: not a Pagefind index file (no {SIGNATURE.decode()} signature)")
    return cbor2.loads(raw[len(SIGNATURE) :])


def write_pf(path: Path, data: bytes) -> None:
    """Write a Pagefind file as Pagefind does (gzip, best compression), with no timestamp in the gzip header."""
    path.write_bytes(gzip.compress(SIGNATURE + data, compresslevel=9, mtime=0))


def canonicalise(bundle: Path) -> None:
    """Rewrite Pagefind's filter files, and the meta file and entry that name them, in a canonical order.

    Pagefind 1.5.x builds its filters in a randomly seeded hash map, so the order of the values inside
    each `filter/*.pf_filter` file and of the filters listed in `pagefind.*.pf_meta` changes from one
    run to the next, and with it those files' hash names and `pagefind-entry.json`. The order means
    nothing to the search (it reads both into hash maps), so values are sorted by text (each value's
    page numbers ascending) and filters by name; each rewritten file is named by the hash of its new
    content exactly as Pagefind names it. Everything else Pagefind writes is already stable.
    """
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text("utf-8"))
    languages = entry["languages"]
    for language in sorted(languages):
        old_meta = bundle / f"pagefind.{languages[language]['hash']}.pf_meta"
        meta = read_pf(old_meta)
        listed = meta[META_FILTERS] if isinstance(meta, list) and len(meta) > META_FILTERS else None
        if not isinstance(listed, list) or not all(isinstance(f, list) and len(f) == 2 for f in listed):
            raise IndexingFailed(f"{old_meta.name}: unexpected layout (Pagefind {entry['version']}): no filter list")
        filters = {}
        for name, old_hash in listed:
            old_filter = bundle / "filter" / f"{old_hash}.pf_filter"
            filter_name, values = read_pf(old_filter)
            filters[name] = [filter_name, sorted([value, sorted(pages)] for value, pages in values)]
            old_filter.unlink()
        named: list[list[str]] = []
        for name in sorted(filters):
            data = cbor2.dumps(filters[name])
            full = f"{language}_{content_hash(data)}"
            short = full[: len(language) + 8]
            # as Pagefind does on a clash of short names: lengthen the name until it is unique
            while any(short == taken for _, taken in named) and len(short) < len(full):
                short = full[: len(short) + 2]
            write_pf(bundle / "filter" / f"{short}.pf_filter", data)
            named.append([name, short])
        meta[META_FILTERS] = named
        data = cbor2.dumps(meta)
        meta_hash = f"{language}_{content_hash(data)[: len(language) + 8]}"
        old_meta.unlink()
        write_pf(bundle / f"pagefind.{meta_hash}.pf_meta", data)
        languages[language]["hash"] = meta_hash
    entry["languages"] = dict(sorted(languages.items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
