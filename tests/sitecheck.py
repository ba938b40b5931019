"""Helpers for tests that inspect a built site: its pages, and the links in them."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit


class Links(HTMLParser):
    """Every href and src in a page, with the element that holds it."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append((tag, value))
            if name == "id" and value:
                self.ids.add(value)


def links_of(html: str) -> list[tuple[str, str]]:
    parser = Links()
    parser.feed(html)
    return parser.links


def page_url(site: Path, path: Path) -> str:
    """The site URL ('incidents/x/') of a built HTML file."""
    rel = path.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def internal_targets(site: Path, path: Path, base: str = "/sub/") -> list[str]:
    """Site URLs that a page's internal links point to, resolved as a browser would under `base`."""
    here = urljoin(base, page_url(site, path))
    out = []
    for _, link in links_of(path.read_text("utf-8")):
        parts = urlsplit(link)
        if parts.scheme or parts.netloc or link.startswith("mailto:"):
            continue
        target = urlsplit(urljoin(here, link)).path
        assert target.startswith(base), f"{path}: link {link!r} leaves the site's sub-path"
        out.append(target[len(base) :])
    return out


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
