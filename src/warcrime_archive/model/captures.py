"""Recognised web-archive captures: which service, if any, holds the copy that `archived_url` names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from warcrime_archive.i18n import N_

# The services' names (English, as reports print them; pages show them translated).
WAYBACK = N_("Wayback Machine")
ARCHIVE_TODAY = N_("archive.today")
PERMA = N_("perma.cc")
OWN = N_("own archive")

# archive.today and the mirrors it serves the same captures from.
ARCHIVE_TODAY_HOSTS = frozenset(
    {"archive.today", "archive.ph", "archive.is", "archive.li", "archive.vn", "archive.md", "archive.fo"}
)
# web.archive.org/web/<timestamp>[<modifier>_]/<url>: a timestamp is 4 to 14 digits (YYYYMMDDhhmmss, or a prefix).
_WAYBACK_PATH = re.compile(r"^/web/(?P<stamp>[0-9]{4,14})(?:[a-z]{2}_)?/(?P<url>\S+)$")
# archive.today: a short code (/AbCd1), or /<YYYY.MM.DD-hhmmss or YYYYMMDDhhmmss>/<url>.
_ARCHIVE_TODAY_PATH = re.compile(r"^/(?:[A-Za-z0-9]{4,10}|(?:[0-9]{4}\.[0-9]{2}\.[0-9]{2}-[0-9]{6}|[0-9]{14})/\S+)$")
# perma.cc/XXXX-XXXX
_PERMA_PATH = re.compile(r"^/[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$")

HINT = (
    "use a capture in the Wayback Machine (web.archive.org/web/<timestamp>/<url>), archive.today "
    "(archive.ph/<code>) or perma.cc (perma.cc/<code>), or list your own archive under `own_archives` "
    "in archive.yaml"
)


def _wayback_stamp_ok(stamp: str) -> bool:
    """The timestamp's date parts are in range (a year from 1996, month 01-12, day 01-31, hh mm ss)."""
    parts = [stamp[:4], stamp[4:6], stamp[6:8], stamp[8:10], stamp[10:12], stamp[12:14]]
    limits = [(1996, 9999), (1, 12), (1, 31), (0, 23), (0, 59), (0, 59)]
    return all(not p or lo <= int(p) <= hi for p, (lo, hi) in zip(parts, limits, strict=True))


def service(url: str, own_archives: Sequence[str] = ()) -> str | None:
    """The name of the archive service `url` is a capture in, or None when it is not a recognised capture."""
    for prefix in own_archives:
        if url.startswith(prefix) and len(url) > len(prefix):
            return OWN
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if host == "web.archive.org":
        found = _WAYBACK_PATH.match(path)
        return WAYBACK if found and _wayback_stamp_ok(found["stamp"]) else None
    if host in ARCHIVE_TODAY_HOSTS:
        return ARCHIVE_TODAY if _ARCHIVE_TODAY_PATH.match(path) else None
    if host == "perma.cc":
        return PERMA if _PERMA_PATH.match(parts.path) else None
    return None
