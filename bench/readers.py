"""What a reader's browser gets from a built site, for the benchmark (bench/run.py): the largest page of each page
kind (the page budget: no HTML page over 150 KB at any size), and the explore view's first useful view, measured in
Chromium: the bytes fetched before it and the time it takes.

The explore view's first useful view is the page with its map counting every record by region, the timeline of
every record, every facet's counts and the first page of the list: explore.js marks it (`performance.mark`) once the
summary and the first chunk of records are in; the other chunks come after (the `explore-every-record` mark)."""

from __future__ import annotations

import functools
import gzip
import http.server
import re
import threading
from pathlib import Path
from typing import Any

BUDGET = 150 * 1024
"""The largest an HTML page may be, uncompressed (issue 20)."""
KIND = re.compile(rb'<body class="kind-([a-z0-9-]+)">')


def largest_pages(site: Path) -> dict[str, dict[str, Any]]:
    """The largest HTML page of each page kind (from its body's class): its path and size in bytes."""
    largest: dict[str, dict[str, Any]] = {}
    for path in site.rglob("*.html"):
        size = path.stat().st_size
        with path.open("rb") as f:
            found = KIND.search(f.read(4096))
        kind = found[1].decode() if found else "redirect"
        if size > largest.get(kind, {"bytes": -1})["bytes"]:
            largest[kind] = {"path": path.relative_to(site).as_posix(), "bytes": size}
    return dict(sorted(largest.items()))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def explore_first_view(site: Path, chromium: str = "/usr/bin/chromium") -> dict[str, Any] | None:
    """The explore view's first useful view in Chromium over a local server: the bytes of every file fetched before
    it (as sent, uncompressed; and as gzip would send them), its time from the start of navigation, and the time
    until every record is in. None when Playwright or Chromium is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(chromium).is_file():
        return None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(base + "explore/")
            page.wait_for_selector("#explore[data-ready=all]", state="attached", timeout=600_000)
            timing = page.evaluate(
                """() => {
                const first = performance.getEntriesByName('explore-first-view')[0];
                const every = performance.getEntriesByName('explore-every-record')[0];
                const entries = [...performance.getEntriesByType('navigation'),
                  ...performance.getEntriesByType('resource')];
                const files = entries.map(e => ({url: e.name, end: e.responseEnd, bytes: e.encodedBodySize}));
                return {first: first ? first.startTime : null, every: every ? every.startTime : null, files};
            }"""
            )
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    first = timing["first"] if timing["first"] is not None else timing["every"]
    before = [f for f in timing["files"] if f["end"] <= first and not f["url"].endswith("/favicon.ico")]
    zipped = 0
    for f in before:
        relative = f["url"][len(base) :].split("?")[0]
        path = site / (relative + "index.html" if relative.endswith("/") or not relative else relative)
        zipped += len(gzip.compress(path.read_bytes(), 6)) if path.is_file() else f["bytes"]
    return {
        "first_view_s": round(first / 1000, 3),
        "every_record_s": round(timing["every"] / 1000, 3) if timing["every"] is not None else None,
        "bytes_before_first_view": sum(f["bytes"] for f in before),
        "gzip_bytes_before_first_view": zipped,
        "files_before_first_view": sorted(f["url"][len(base) :] for f in before),
        "bytes_of_every_record": sum(f["bytes"] for f in timing["files"] if "/explore/data/" in f["url"]),
    }
