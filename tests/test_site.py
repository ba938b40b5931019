"""The built site as a reader reaches it: served under a sub-path, every link resolving, pages cross-linked."""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin
from urllib.request import urlopen

import pytest
from repo_paths import REPO
from sitecheck import html_pages, internal_targets, links_of, page_url

from warcrime_archive.build import build_site


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, sample_site_at_sub):
    """The sample site served by a real HTTP server at http://127.0.0.1:PORT/sub/."""
    docroot, _ = sample_site_at_sub
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(docroot)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sub/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def sample_site_at_sub(tmp_path_factory: pytest.TempPathFactory, request):
    import os

    os.environ.setdefault("WARCRIME_ARCHIVE_TODAY", "2026-11-22")
    docroot = tmp_path_factory.mktemp("docroot")
    build_site(Path(request.config.rootpath), docroot / "sub", base_url="http://127.0.0.1/sub/")
    return docroot, docroot / "sub"


def test_every_internal_link_and_asset_resolves_under_a_sub_path(served):
    """Crawl from the home page and the 404 page; every link and asset must answer 200."""
    seen: set[str] = set()
    queue = [served, served + "404.html"]
    broken = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urlopen(url) as response:
                body = response.read()
                kind = response.headers.get_content_type()
        except HTTPError as error:
            broken.append(f"{url}: {error.code}")
            continue
        if kind != "text/html":
            continue
        for tag, link in links_of(body.decode("utf-8")):
            if (
                tag == "link"
                and link == urljoin("http://127.0.0.1/sub/", link)
                and link.startswith("http://127.0.0.1/sub/")
            ):
                continue  # the canonical address, absolute by design (from base_url)
            target = urljoin(url, link).split("#")[0]
            if target.startswith(served):
                queue.append(target)
            elif target.startswith("http://127.0.0.1"):
                broken.append(f"{url}: {link} leaves /sub/")
    assert broken == []
    assert len(seen) > 20


def test_every_built_page_is_reachable_by_links(sample_site_at_sub):
    _, site = sample_site_at_sub
    linked = {t for page in html_pages(site) for t in internal_targets(site, page)}
    unreachable = [
        page_url(site, p)
        for p in html_pages(site)
        if page_url(site, p) not in linked and page_url(site, p) not in ("", "404.html")
    ]
    assert unreachable == []


def test_no_absolute_internal_links_except_on_the_404_page(sample_site_at_sub):
    _, site = sample_site_at_sub
    for page in html_pages(site):
        if page.name == "404.html":
            continue
        for _, link in links_of(page.read_text("utf-8")):
            assert not link.startswith("/"), f"{page}: {link}"


def _targets(site: Path, url: str) -> set[str]:
    from warcrime_archive.urls import output_path

    return set(internal_targets(site, site / output_path(url)))


def test_incident_pages_and_their_taxonomy_pages_link_both_ways(sample_site_at_sub):
    """Every incident links to its place (each level), sources, outlets, sides and grade; each links back."""
    from warcrime_archive.catalog.indexes import build_catalog
    from warcrime_archive.validate.load import load_archive

    _, site = sample_site_at_sub
    catalog = build_catalog(load_archive(REPO).archive)
    assert len(catalog.entries) >= 4
    for entry in catalog.entries:
        inc = entry.incident
        expected = {
            entry.place_url,
            entry.region_url,
            entry.country_url,
            catalog.term_urls["grades"][inc.verification.status],
            catalog.term_urls["categories"][inc.category],
        }
        expected |= {catalog.term_urls["sides"][p.side] for p in inc.alleged_perpetrators}
        expected |= {catalog.term_urls["sides"][v.side] for v in inc.victims if v.side}
        for source in inc.sources:
            node = catalog.sources_by_url[source.url]
            expected |= {node.url, node.outlet_url}
        from_incident = _targets(site, entry.url)
        assert expected - from_incident == set(), entry.id
        for url in expected:
            # a side lists its records as the victims' side on pages of their own, below its address
            back = _targets(site, url) | (_targets(site, url + "victims/") if url.startswith("sides/") else set())
            assert entry.url in back, f"{url} does not link back to {entry.url}"
