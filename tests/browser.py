"""Helpers for the browser tests: a built test site with every page type, a local server, and Chromium.

The browser is Debian's chromium (installed by scripts/setup.sh), or the chromium binary that the
environment variable WARCRIME_CHROMIUM names, driven by Playwright; nothing is downloaded. The site is
served from 127.0.0.1 under a sub-path, as a reader would reach it.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from repo_paths import MINIMAL, REPO

from warcrime_archive.build import build_site
from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.plan.site import plan_site
from warcrime_archive.validate.load import load_archive

CHROMIUM = os.environ.get("WARCRIME_CHROMIUM") or "/usr/bin/chromium"
NODE_MODULES = REPO / "node_modules"
SUB = "/sub/"


def make_test_archive(target: Path) -> Path:
    """The minimal archive plus what makes every page type appear: an alias (redirect page), a second record
    placed by published coordinates, with no content warning, and a withdrawn third (its notice, and the list
    of withdrawn records)."""
    shutil.copytree(MINIMAL, target)
    first = target / "incidents" / "2022-03-29-dmytrivka-x.yaml"
    record = yaml.safe_load(first.read_text())
    first.write_text(yaml.safe_dump({**record, "aliases": ["2022-03-30-dmytrivka-old"]}))
    second = {
        **record,
        "title": "Shelling reported in a village of Kharkiv Oblast",
        "date": {"at": "2023-05-02", "sources": ["a"]},
        "location": {
            "place": "Testove",
            "admin1": "Kharkiv Oblast",
            "country": "UA",
            "precision": "exact",
            "coordinates": {"lat": 49.9, "lon": 36.3},
            "sources": ["a"],
        },
        "content_warning": "",
        "narrative": "Reported by a test source.",
        "aliases": [],
        "first_reported": None,  # the first record's report date is before this incident
    }
    second.pop("tags", None)
    (target / "incidents" / "2023-05-02-testove.yaml").write_text(yaml.safe_dump(second))
    third = {
        **second,
        "title": "A record published twice",
        "status": "withdrawn",
        "withdrawn": {"date": "2024-05-01", "reason": "It duplicated another record."},
    }
    (target / "incidents" / "2023-05-02-testove-twice.yaml").write_text(yaml.safe_dump(third))
    return target


def build_test_site(tmp: Path) -> Path:
    root = make_test_archive(tmp / "archive")
    out = tmp / "site"
    build_site(root, out, base_url=f"https://example.org{SUB}")  # served under the same path
    return out


def one_page_per_kind(root: Path) -> dict[str, str]:
    """Page kind -> the site URL of its first page, from the plan (so a new page type is covered too)."""
    pages: dict[str, str] = {}
    for page in plan_site(build_catalog(load_archive(root).archive)):
        pages.setdefault(page.kind, page.url)
    return pages


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` at http://127.0.0.1:<port>/sub/ ; yields that URL."""
    root = site.parent / "served"
    if not root.exists():
        root.mkdir()
        (root / SUB.strip("/")).symlink_to(site, target_is_directory=True)
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUB}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()
