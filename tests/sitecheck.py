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


# What would run a reader's browser: script elements, event handlers, script URLs, frames, styles.
_DANGEROUS_TAGS = {"script", "iframe", "frame", "object", "embed", "style", "base", "applet"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset", "background"}
_BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
_OUR_SCRIPT = "static/"
_SHARDS = "shards.js"  # search/shards.js, which the build writes (from the search page: "shards.js")


class _Live(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in ("style", "srcdoc"):
                self.found.append(f"<{tag} {name}=...>")
            if name in _URL_ATTRIBUTES and value is not None:
                squeezed = "".join(c for c in value if c > " ").lower()
                if squeezed.startswith(_BAD_SCHEMES) and not (tag == "img" and squeezed.startswith("data:image/")):
                    self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            target = (values.get("content") or "").split("url=", 1)[-1].strip().lower()
            if target.startswith(_BAD_SCHEMES):
                self.found.append(f"<meta refresh to {target!r}>")
        if tag == "script":
            src = values.get("src") or ""
            kind = (values.get("type") or "").lower()
            if kind in ("application/ld+json", "application/json"):
                self.in_script = kind
            elif (
                src
                and "://" not in src
                and (_OUR_SCRIPT in src or src == _SHARDS or src.endswith("/search/" + _SHARDS))
            ):
                self.in_script = "ours"
            else:
                self.found.append(f"<script src={src!r} type={kind!r}>")
                self.in_script = "bad"
        elif tag in _DANGEROUS_TAGS:
            self.found.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = None

    def handle_data(self, data: str) -> None:
        if self.in_script == "ours" and data.strip():
            self.found.append("inline code in a <script src>")
        elif self.in_script in ("application/ld+json", "application/json"):
            import json

            try:
                json.loads(data)
            except ValueError:
                self.found.append("a JSON script block that is not JSON (broken out of?)")


def live_markup(html: str) -> list[str]:
    """Everything in an HTML document that a browser would run or that restyles the page."""
    parser = _Live()
    parser.feed(html)
    parser.close()
    return parser.found


def live_in_file(path: Path) -> list[str]:
    """live_markup of an HTML page, or of the HTML carried inside an XML feed's elements."""
    if path.suffix == ".html":
        return live_markup(path.read_text("utf-8"))
    if path.suffix in (".xml", ".atom", ".rss"):
        import xml.etree.ElementTree as ET

        found = []
        for element in ET.parse(path).iter():
            name = element.tag.rsplit("}", 1)[-1]
            if element.get("type") in ("html", "xhtml") or name in ("description", "encoded"):
                found += live_markup(element.text or "")  # HTML that feed readers render
            for name, value in element.attrib.items():
                if name.rsplit("}", 1)[-1] in _URL_ATTRIBUTES and "".join(value.split()).lower().startswith(
                    _BAD_SCHEMES
                ):
                    found.append(f"<{element.tag} {name}={value!r}>")
        return found
    return []
