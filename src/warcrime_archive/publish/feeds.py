"""Feeds and metadata: the Atom feed of records, sitemap.xml and robots.txt."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from xml.sax.saxutils import escape as escape_xml

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Catalog, Entry
from warcrime_archive.i18n import gettext
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.dates import PartialDate
from warcrime_archive.publish.published import permalink, record_version
from warcrime_archive.publish.wording import headline

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 50
"""The feed carries the most recently updated records, this many: a reader's feed reader fetches it again and again
(every record is in the downloads)."""
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def _latest_dated_field(entry: Entry) -> dt.date:
    """The record's own latest date, for a record with no history: corrections, responses, investigations,
    sources, first report or the incident itself."""
    incident = entry.incident
    dates: list[PartialDate | None] = [incident.date.end, incident.first_reported]
    dates += [s.published for s in incident.sources] + [r.date for r in incident.responses]
    dates += [i.date for i in incident.investigations] + [c.date for c in incident.corrections]
    year, month, day = max((d.year, d.month or 1, d.day or 1) for d in dates if d is not None)
    return dt.date(year, month, day)


def updated(entry: Entry) -> dt.date:
    """When the record last changed: its latest commit, else its own latest dated field."""
    return entry.last_updated.date if entry.last_updated else _latest_dated_field(entry)


def _updated_by_id(catalog: Catalog) -> dict[str, dt.date]:
    """`updated` of every record, worked out once."""
    return {e.id: updated(e) for e in catalog.entries}


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _link(config: ArchiveConfig, url: str) -> str:
    """An absolute URL when base_url names a host; else the URL from the site's root (the feed is there)."""
    return permalink(config, url) if urls.is_absolute(config.base_url) else url


def _id(config: ArchiveConfig, url: str) -> str:
    if urls.is_absolute(config.base_url):
        return permalink(config, url)
    return uuid.uuid5(uuid.NAMESPACE_URL, config.title + "/" + url).urn


_ATTRIBUTE_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}


def _quoted(value: str) -> str:
    """An attribute's value as ElementTree writes it."""
    return escape_xml(value, _ATTRIBUTE_ENTITIES)


def leaf(tag: str, text: str | None = None, **attributes: str) -> str:
    """An element without children, written as ElementTree writes it (`ET.tostring`): the feed and the
    sitemap list every record, and writing each line is much faster than building their trees of elements, with
    the same bytes (tested against ElementTree; docs/performance.md)."""
    attrs = "".join(f' {name}="{_quoted(value)}"' for name, value in attributes.items())
    return f"<{tag}{attrs}>{escape_xml(text)}</{tag}>" if text else f"<{tag}{attrs} />"


def _element(tag: str, children: list[str], level: int, attrs: str = "") -> str:
    """An element holding `children` (each written whole), indented as `ET.indent` does, two spaces a level."""
    inner = "\n" + "  " * (level + 1)
    return f"<{tag}{attrs}>{inner}{inner.join(children)}\n{'  ' * level}</{tag}>"


def feed(catalog: Catalog) -> str:
    """The Atom feed: the most recently updated records (`FEED_ENTRIES`), most recent first."""
    config = catalog.config
    when = _updated_by_id(catalog)
    entries = sorted(catalog.entries, key=lambda e: (when[e.id], e.id), reverse=True)[:FEED_ENTRIES]
    head = [leaf("title", config.title)]
    if config.description:
        head.append(leaf("subtitle", config.description))
    head.append(leaf("id", _id(config, urls.HOME)))
    newest = max(when.values(), default=dt.date(1970, 1, 1))
    head.append(leaf("updated", _stamp(newest)))
    head.append(leaf("link", rel="self", href=_link(config, urls.FEED)))
    head.append(leaf("link", rel="alternate", type="text/html", href=_link(config, urls.HOME) or "./"))
    head.append(_element("author", [leaf("name", config.title)], 1))
    if config.license:
        head.append(leaf("rights", gettext("Data licence: %(licence)s") % {"licence": config.license.name}))
    summary = gettext("%(summary)s (Record version %(version)s; grade: %(grade)s.)")
    items = []
    for e in entries:
        # first published: its first commit, else (as `updated`) its own latest dated field
        published = e.first_published.date if e.first_published else when[e.id]
        parts = {"summary": e.incident.summary, "version": record_version(e), "grade": e.incident.verification.status}
        item = [
            leaf("title", headline(config, e.incident)),
            leaf("id", _id(config, e.url)),
            leaf("link", rel="alternate", type="text/html", href=_link(config, e.url)),
            leaf("published", _stamp(published)),
            leaf("updated", _stamp(when[e.id])),
            leaf("category", term=e.incident.category),
            leaf("summary", summary % parts),
        ]
        items.append(_element("entry", item, 1))
    root = _element("feed", head + items, 0, f' xmlns="{ATOM}" xml:lang="{_quoted(config.language)}"')
    return '<?xml version="1.0" encoding="utf-8"?>\n' + root + "\n"


def sitemap(catalog: Catalog, page_urls: Iterable[str]) -> str | None:
    """sitemap.xml over the URLs of the pages it lists, each incident's with the day its record last changed, or
    None when base_url names no host (a sitemap needs absolute URLs)."""
    config = catalog.config
    if not urls.is_absolute(config.base_url):
        return None
    when = {e.url: updated(e) for e in catalog.entries}
    items = []
    for url in page_urls:
        item = [leaf("loc", permalink(config, url))]
        day = when.get(url)
        if day is not None:
            item.append(leaf("lastmod", day.isoformat()))
        items.append(_element("url", item, 1))
    root = _element("urlset", items, 0, f' xmlns="{SITEMAP}"') if items else f'<urlset xmlns="{SITEMAP}" />'
    return '<?xml version="1.0" encoding="utf-8"?>\n' + root + "\n"


def robots(catalog: Catalog) -> str:
    """robots.txt: everything may be crawled; the sitemap is named when its address is known."""
    lines = ["User-agent: *", "Allow: /"]
    if urls.is_absolute(catalog.config.base_url):
        lines.append(f"Sitemap: {permalink(catalog.config, urls.SITEMAP)}")
    return "\n".join(lines) + "\n"
