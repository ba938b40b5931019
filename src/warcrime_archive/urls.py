"""The one place that knows every page's URL and output path, and makes links relative.

A URL here is a path from the site's root with no leading slash: 'incidents/<id>/' for a page
written to 'incidents/<id>/index.html', or a file name such as 'feed.xml'. Every internal link is
made relative to the page it is on, so the site works at '/' and under any sub-path.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

HOME = ""
INCIDENTS = "incidents/"
PLACES = "places/"
SOURCES = "sources/"
OUTLETS = "outlets/"
SIDES = "sides/"
GRADES = "grades/"
CATEGORIES = "categories/"
YEARS = "years/"
TAGS = "tags/"
METHODOLOGY = "methodology/"
TIMELINE = "timeline/"
MAP = "map/"
EXPLORE = "explore/"
EXPLORE_DATA = f"{EXPLORE}data/"
"""The explore view's data: a summary and the records in chunks (`publish.explore`)."""
EXPLORE_SCRIPT = "static/explore.js"
VENDOR = "static/vendor/"
"""Third-party scripts and styles served by the site itself (Leaflet and its clustering), with their licences."""
NOT_FOUND = "404.html"
STYLESHEET = "static/style.css"
SEARCH = "search/"
SEARCH_BUNDLE = "pagefind/"  # written by Pagefind (search_index.py), one folder per shard (search_shard)
SEARCH_SHARDS = f"{SEARCH}shards.js"
"""The shards of the search index that hold an index (search_index.shards_script), written once they are made."""
# The files Pagefind reads (a glob, relative to the site): every incident page. Only they carry
# data-pagefind-body; the redirect pages of aliases beside them match too and are skipped by Pagefind.
SEARCHED_PAGES = f"{INCIDENTS}*/index.html"
SEARCH_SCRIPT = "static/search.js"
LIST_SCRIPT = "static/incidents.js"
DATA = "data/"
WITHDRAWALS = "withdrawals/"
FEED = "feed.xml"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
SUMS = "SHA256SUMS"
SCHEMAS = "schema/"

# Free pages (pages/<slug>.md) live at '<slug>/'; these first segments are taken.
RESERVED = {
    u.strip("/").split("/")[0]
    for u in (
        INCIDENTS,
        PLACES,
        SOURCES,
        OUTLETS,
        SIDES,
        GRADES,
        CATEGORIES,
        YEARS,
        TAGS,
        STYLESHEET,
        TIMELINE,
        MAP,
        EXPLORE,
        SEARCH,
        SEARCH_BUNDLE,
        DATA,
        SCHEMAS,
        WITHDRAWALS,
    )
} | {FEED, SITEMAP, ROBOTS, SUMS}


def schema_file(name: str) -> str:
    """A JSON Schema served with the site, e.g. 'schema/incident.schema.json'."""
    return f"{SCHEMAS}{name}"


def incident(record_id: str) -> str:
    return f"{INCIDENTS}{record_id}/"


def download(name: str) -> str:
    """A file of the downloads, e.g. 'data/incidents.csv'."""
    return f"{DATA}{name}"


def record_file(record_id: str, name: str) -> str:
    """A file beside an incident's page: 'record.json', 'record.bib' or 'record.csl.json'."""
    return f"{incident(record_id)}{name}"


def country(code: str) -> str:
    return f"{PLACES}{code.lower()}/"


def region(country_code: str, region_slug: str) -> str:
    return f"{country(country_code)}{region_slug}/"


def place(country_code: str, region_slug: str, place_slug: str) -> str:
    return f"{region(country_code, region_slug)}{place_slug}/"


def source(slug: str) -> str:
    return f"{SOURCES}{slug}/"


def outlet(slug: str) -> str:
    return f"{OUTLETS}{slug}/"


def side(key: str) -> str:
    return f"{SIDES}{key}/"


def grade(key: str) -> str:
    return f"{GRADES}{key}/"


def category(key: str) -> str:
    return f"{CATEGORIES}{key}/"


def year(value: int | str) -> str:
    return f"{YEARS}{value}/"


def tag(value: str) -> str:
    return f"{TAGS}{value}/"


def free_page(slug: str) -> str:
    return f"{slug}/"


def search_shard(name: str) -> str:
    """The folder of one shard of the search index (search_index.shards), named by its first record's id."""
    return f"{SEARCH_BUNDLE}{name}/"


def page(url: str, number: int) -> str:
    """The address of the `number`-th page of a list whose first page is at `url`: the first at `url` itself, the
    others at '<url>page/<number>/'."""
    return url if number == 1 else f"{url}page/{number}/"


def explore_data(name: str) -> str:
    """A file of the explore view's data, e.g. 'explore/data/summary.json'."""
    return f"{EXPLORE_DATA}{name}"


def vendor(name: str) -> str:
    """A vendored file, e.g. 'static/vendor/leaflet/leaflet.js'."""
    return f"{VENDOR}{name}"


def output_path(url: str) -> str:
    """The file a URL is written to, relative to the output folder."""
    return f"{url}index.html" if url == "" or url.endswith("/") else url


def linker(from_url: str) -> Callable[[str], str]:
    """The links from the page at `from_url`: a function of the target's URL giving a relative link that works
    under any sub-path, the page's own folder worked out once for its many links.

    The link is posixpath.relpath's, without its calls to os.getcwd (a hot spot)."""
    from_dir = from_url if from_url.endswith("/") or from_url == "" else posixpath.dirname(from_url)
    start = from_dir.rstrip("/") or "."
    start_parts = [part for part in start.split("/") if part and part != "."]
    plain = ".." not in start_parts
    depth = len(start_parts)

    def link(to_url: str) -> str:
        fragment = ""
        if "#" in to_url:
            to_url, fragment = to_url.split("#", 1)
            fragment = "#" + fragment
        target = to_url.rstrip("/") or "."
        path_parts = [part for part in target.split("/") if part and part != "."]
        if plain and ".." not in path_parts:
            common = 0
            for a, b in zip(path_parts, start_parts, strict=False):
                if a != b:
                    break
                common += 1
            parts = [".."] * (depth - common) + path_parts[common:]
            link = "/".join(parts) if parts else "."
        else:
            link = posixpath.relpath(target, start)
        if to_url.endswith("/") or to_url == "":
            link = "./" if link == "." else link + "/"
        return link + fragment

    return link


def absolute(base_url: str, url: str) -> str:
    """The permanent URL of a page, from the archive's base_url."""
    return base_url.rstrip("/") + "/" + url


def is_absolute(base_url: str) -> bool:
    """Whether base_url names a host, so that absolute URLs (canonical links, sitemap) can be made."""
    return base_url.startswith(("http://", "https://"))
