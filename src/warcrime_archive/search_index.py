"""Search stage: runs Pagefind over the staged site, before it is swapped in, to write its search index."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zlib
from importlib.metadata import version
from pathlib import Path

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


# What Pagefind is told besides the site's folder. It reads only the incident pages (`urls.SEARCHED_PAGES`),
# and of them only the element marked `data-pagefind-body`.
OPTIONS = (
    "--root-selector",
    "[data-pagefind-body]",
    "--glob",
    urls.SEARCHED_PAGES,
    "--output-subdir",
    urls.SEARCH_BUNDLE.rstrip("/"),
    "--silent",
)
MARKER = b"data-pagefind-body"

# Every compressed Pagefind file is gzip of this signature followed by the file's CBOR (or JSON).
SIGNATURE = b"pagefind_dcd"
# Where the list of [filter name, filter file hash] pairs sits in a pagefind.*.pf_meta file (1.5.x).
META_FILTERS = 3


def search_version() -> str:
    """What decides the index besides the pages it reads: the versions of Pagefind, and of cbor2 and zlib
    which rewrite some of its files (`canonicalise`), Pagefind's options and the code of this module."""
    digest = hashlib.sha256()

    def add(part: bytes) -> None:
        digest.update(len(part).to_bytes(8, "big") + part)

    writers = (f"{name} {version(name)}" for name in ("pagefind", "pagefind_bin", "cbor2"))
    for part in (*writers, f"zlib {zlib.ZLIB_RUNTIME_VERSION}", *OPTIONS):
        add(part.encode())
    add(Path(__file__).read_bytes())
    return digest.hexdigest()


class IndexingFailed(Exception):
    """Pagefind could not index the staged site."""


def index_site(staging: Path) -> int:
    """Write Pagefind's index of the incident pages' `data-pagefind-body` into `staging`/pagefind/.

    Returns the number of files Pagefind wrote. The binary comes from the `pagefind_bin` package;
    nothing is downloaded. Only marked content is ever indexed: with no marked page (an archive with
    no records yet) there is nothing to search and no index is written, where Pagefind would
    otherwise index every page whole. The index is then made byte-for-byte reproducible (`canonicalise`).
    """
    if not any(MARKER in page.read_bytes() for page in searched_pages(staging)):
        return 0
    bundle = run_pagefind(staging)
    canonicalise(bundle)
    return sum(1 for p in bundle.rglob("*") if p.is_file())


def searched_pages(site: Path) -> list[Path]:
    """The files of `site` that Pagefind reads (`urls.SEARCHED_PAGES`), in order of their path in the site."""
    return sorted(
        (page for page in site.glob(urls.SEARCHED_PAGES) if page.is_file()),
        key=lambda page: page.relative_to(site).as_posix(),
    )


def index_key(site: Path) -> str:
    """A key for the index `index_site` writes for `site`: the same key, the same index byte for byte.

    SHA-256 over the versions of Pagefind, cbor2 and zlib, Pagefind's options, the code of this module
    (which post-processes Pagefind's bundle) and the path and bytes of every file Pagefind reads
    (`searched_pages`), each prefixed by its length. An incremental build can keep the previous
    `pagefind/` folder when the key has not changed. No other file reaches the index, so a changed list
    page, download or `record.json` leaves the key as it was; neither does the site's own folder (a
    staging folder has a new name at each build). Pagefind runs in an empty folder with no PAGEFIND_
    variable, so no configuration file or variable escapes the key.
    """
    digest = hashlib.sha256()

    def add(part: bytes) -> None:
        digest.update(len(part).to_bytes(8, "big") + part)

    add(search_version().encode())
    for page in searched_pages(site):
        add(page.relative_to(site).as_posix().encode())
        add(page.read_bytes())
    return digest.hexdigest()


def run_pagefind(staging: Path) -> Path:
    """Run Pagefind over `staging` as it is, keep only the files the site uses, and return the bundle's folder.

    Pagefind would also read a pagefind.json, .yml or .toml file in its working folder and PAGEFIND_
    environment variables: it runs in an empty folder, with none of them.
    """
    command = [sys.executable, "-m", "pagefind", "--site", str(staging.resolve()), *OPTIONS]
    env = {name: value for name, value in os.environ.items() if not name.upper().startswith("PAGEFIND_")}
    with tempfile.TemporaryDirectory(prefix="pagefind-") as empty:
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=empty, env=env)
    bundle = staging / urls.SEARCH_BUNDLE
    if done.returncode != 0 or not (bundle / "pagefind.js").is_file():
        raise IndexingFailed(f"pagefind exited with status {done.returncode}: {(done.stderr or done.stdout).strip()}")
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    return bundle


def content_hash(data: bytes) -> str:
    """Pagefind's `full_hash`: the SHA-1 of a file's CBOR, each byte in lowercase hex *without* zero padding."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())


def read_pf(path: Path) -> object:
    """Decode one of Pagefind's compressed CBOR files (filter or meta)."""
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
        named = []
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
