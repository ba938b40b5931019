"""The Atom feed, sitemap.xml, robots.txt, and the canonical and preview metadata of the pages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from repo_paths import MINIMAL

from warcrime_archive.build import build_site
from warcrime_archive.publish import feeds

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"
ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def make_archive(root: Path) -> Path:
    """The minimal archive (no git history) with a second record whose title holds markup."""
    shutil.copytree(MINIMAL, root)
    record = yaml.safe_load((root / RECORD).read_text())
    record.update(
        title="Shots reported at </script><b> a checkpoint",
        date={"at": "2023-05-02", "sources": ["a"]},
        first_reported="2023-05-03",
        corrections=[{"date": "2023-06-10", "note": "Place corrected.", "sources": ["a"]}],
    )
    (root / "incidents" / "2023-05-02-checkpoint.yaml").write_text(yaml.safe_dump(record))
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("feeds")
    build_site(make_archive(tmp / "archive"), tmp / "site")
    return tmp / "site"


def test_the_atom_feed_lists_every_record_by_its_latest_date(site: Path):
    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed" and feed.findtext(f"{ATOM}title") == "Test archive"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "https://example.org/a/feed.xml"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        "https://example.org/a/incidents/2023-05-02-checkpoint/",
        "https://example.org/a/incidents/2022-03-29-dmytrivka-x/",
    ]
    # without git history: the record's own latest date (a correction; the source's month for the other)
    assert [e.findtext(f"{ATOM}updated") for e in entries] == ["2023-06-10T00:00:00Z", "2022-04-04T00:00:00Z"]
    assert feed.findtext(f"{ATOM}updated") == "2023-06-10T00:00:00Z"
    # a headline read on its own says that the incident is alleged, and its grade
    assert (
        entries[0].findtext(f"{ATOM}title") == "Alleged: Shots reported at </script><b> a checkpoint (grade: Verified)"
    )


def test_the_build_is_reproducible(site: Path, tmp_path: Path):
    again = tmp_path / "again"
    build_site(make_archive(tmp_path / "archive"), again)
    for name in ("feed.xml", "sitemap.xml", "SHA256SUMS", "incidents/2023-05-02-checkpoint/index.html"):
        assert (again / name).read_bytes() == (site / name).read_bytes(), name


def test_sitemap_lists_every_page_but_redirects_and_robots_points_at_it(site: Path):
    urlset = ET.parse(site / "sitemap.xml").getroot()
    locs = [u.findtext(f"{SM}loc") for u in urlset.findall(f"{SM}url")]
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")
    assert sorted(locs) == sorted("https://example.org/a/" + p.removesuffix("index.html") for p in pages)
    lastmod = {u.findtext(f"{SM}loc"): u.findtext(f"{SM}lastmod") for u in urlset.findall(f"{SM}url")}
    assert lastmod["https://example.org/a/incidents/2023-05-02-checkpoint/"] == "2023-06-10"
    assert (site / "robots.txt").read_text() == "User-agent: *\nAllow: /\nSitemap: https://example.org/a/sitemap.xml\n"


def test_pages_have_canonical_feed_and_preview_links_with_no_image(site: Path):
    page = (site / "incidents" / "2022-03-29-dmytrivka-x" / "index.html").read_text()
    assert '<link rel="canonical" href="https://example.org/a/incidents/2022-03-29-dmytrivka-x/">' in page
    assert '<meta property="og:url" content="https://example.org/a/incidents/2022-03-29-dmytrivka-x/">' in page
    assert '<meta property="og:type" content="article">' in page
    assert 'type="application/atom+xml" title="Test archive: new and updated records" href="../../feed.xml"' in page
    assert "og:image" not in page and "twitter:image" not in page
    assert "canonical" not in (site / "404.html").read_text()


def test_without_a_host_in_base_url_links_stay_relative_and_there_is_no_sitemap(tmp_path: Path):
    root = make_archive(tmp_path / "archive")
    config = root / "archive.yaml"
    config.write_text(config.read_text().replace("base_url: https://example.org/a/", "base_url: /a/"))
    out = tmp_path / "site"
    build_site(root, out)
    assert not (out / "sitemap.xml").exists()
    assert (out / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"
    assert "canonical" not in (out / "index.html").read_text()
    feed = ET.parse(out / "feed.xml").getroot()
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == "incidents/2023-05-02-checkpoint/"
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", entry.findtext(f"{ATOM}id"))


texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)


@given(
    st.sampled_from(["title", "link", "loc"]),
    st.one_of(st.none(), texts),
    st.dictionaries(st.sampled_from(["rel", "href", "term"]), texts, max_size=2),
)
def test_an_element_is_written_as_elementtree_writes_it(tag: str, text: str | None, attributes: dict[str, str]):
    element = ET.Element(tag, attributes)
    element.text = text
    assert feeds.leaf(tag, text, **attributes) == ET.tostring(element, encoding="unicode")


@pytest.mark.parametrize("name, namespace", [("feed.xml", ATOM), ("sitemap.xml", SM)])
def test_the_feed_and_sitemap_are_as_elementtree_would_indent_and_write_them(site: Path, name: str, namespace: str):
    text = (site / name).read_text()
    declaration, body = text.split("\n", 1)
    assert declaration == '<?xml version="1.0" encoding="utf-8"?>'
    ET.register_namespace("", namespace.strip("{}"))
    tree = ET.fromstring(body)
    ET.indent(tree)
    assert body == ET.tostring(tree, encoding="unicode") + "\n"


def test_a_site_in_two_languages_has_a_sitemap_and_a_feed_in_each(sample_site: Path):
    base = "https://example.org/warcrime-archive/"
    assert (sample_site / "robots.txt").read_text() == (
        f"User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\nSitemap: {base}uk/sitemap.xml\n"
    )
    ukrainian = ET.parse(sample_site / "uk" / "sitemap.xml").getroot()
    locs = [u.findtext(f"{SM}loc") for u in ukrainian.findall(f"{SM}url")]
    assert locs and all(loc.startswith(f"{base}uk/") for loc in locs)
    english = [u.findtext(f"{SM}loc") for u in ET.parse(sample_site / "sitemap.xml").getroot().findall(f"{SM}url")]
    assert len(english) == len(locs) and not any("/uk/" in loc for loc in english)
    feed = (sample_site / "uk" / "feed.xml").read_text("utf-8")
    assert 'xml:lang="uk"' in feed and "<title>Імовірні вбивства військовополонених" in feed
