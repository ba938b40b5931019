"""Search stage: runs Pagefind over the staged site, before it is swapped in, to write its search index."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


class IndexingFailed(Exception):
    """Pagefind could not index the staged site."""


def index_site(staging: Path) -> int:
    """Write Pagefind's index of the pages marked `data-pagefind-body` into `staging`/pagefind/.

    Returns the number of files Pagefind wrote. The binary comes from the `pagefind_bin` package;
    nothing is downloaded. Only marked content is ever indexed: with no marked page (an archive with
    no records yet) there is nothing to search and no index is written, where Pagefind would
    otherwise index every page whole.
    """
    if not any(b"data-pagefind-body" in page.read_bytes() for page in staging.rglob("*.html")):
        return 0
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(staging),
        "--root-selector",
        "[data-pagefind-body]",
        "--output-subdir",
        urls.SEARCH_BUNDLE.rstrip("/"),
        "--silent",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    bundle = staging / urls.SEARCH_BUNDLE
    if done.returncode != 0 or not (bundle / "pagefind.js").is_file():
        raise IndexingFailed(f"pagefind exited with status {done.returncode}: {(done.stderr or done.stdout).strip()}")
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    return sum(1 for p in bundle.rglob("*") if p.is_file())
