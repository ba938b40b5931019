"""Names in other scripts are transliterated into addresses; the hashed addresses they had redirect."""

import shutil
from pathlib import Path

from repo_paths import MINIMAL

from warcrime_archive.build import build_site
from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.slugs import short_hash
from warcrime_archive.validate.load import load_archive

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"


def cyrillic_archive(tmp_path: Path) -> Path:
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    text = (root / RECORD).read_text()
    changed = text.replace("place: Dmytrivka", "place: Соледар").replace("admin1: Kyiv Oblast", "admin1: UA-14")
    changed = changed.replace("title: T1, outlet: O1", "title: Розстріл полоненого, outlet: Українська правда")
    assert changed.count("Соледар") == 1 and "Розстріл" in changed
    (root / RECORD).write_text(changed)
    return root


def test_a_place_in_cyrillic_gets_a_readable_address_and_its_former_one_redirects(tmp_path: Path):
    catalog = build_catalog(load_archive(cyrillic_archive(tmp_path)).archive)
    entry = catalog.entries[0]
    assert entry.place_url == "places/ua/donetsk-oblast/soledar/"
    [source] = catalog.sources
    assert source.url.startswith("sources/rozstril-polonenogo-")
    assert catalog.outlets[0].url == "outlets/ukrainska-pravda/"
    assert short_hash("Українська правда") == "7b20ed8a" and short_hash("Розстріл полоненого") == "498dda65"
    assert dict(catalog.moved) == {
        "outlets/7b20ed8a/": "outlets/ukrainska-pravda/",  # the former addresses: hashes of the names
        "places/ua/donetsk-oblast/68d87007/": "places/ua/donetsk-oblast/soledar/",
        "sources/498dda65-d817b8/": source.url,
    }


def test_the_former_address_is_a_page_sending_readers_on(tmp_path: Path):
    out = tmp_path / "site"
    build_site(cyrillic_archive(tmp_path), out, history=False)
    moved = (out / "places/ua/donetsk-oblast/68d87007/index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../soledar/">' in moved
    assert 'This page has moved to <a href="../soledar/">Соледар</a>.' in moved
    assert '<meta name="robots" content="noindex">' in moved
    assert (out / "places/ua/donetsk-oblast/soledar/index.html").is_file()
    assert "68d87007" not in (out / "sitemap.xml").read_text()


def test_latin_names_move_nowhere(tmp_path: Path):
    assert build_catalog(load_archive(MINIMAL).archive).moved == {}
