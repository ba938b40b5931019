"""The search index Pagefind writes into the staged site: what it holds, and what it must never hold."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from warcrime_archive import pipeline
from warcrime_archive.search_index import UNUSED, IndexingFailed, index_site
from warcrime_archive.write import write_site

MINIMAL = Path(__file__).parent / "data" / "minimal"
RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"


def decoded(path: Path) -> str:
    """A Pagefind index file: gzip, then a 'pagefind_dcd' signature, then JSON or CBOR."""
    return gzip.decompress(path.read_bytes()).decode("utf-8", "replace")


def fragments(site: Path) -> list[dict]:
    return [json.loads(decoded(p).removeprefix("pagefind_dcd")) for p in sorted(site.glob("pagefind/fragment/*"))]


def everything_indexed(site: Path) -> str:
    """Every file Pagefind wrote, decompressed where it is compressed, as one text."""
    texts = []
    for path in sorted((site / "pagefind").rglob("*")):
        if path.is_file() and path.suffix.startswith(".pf_"):
            texts.append(decoded(path))
        elif path.is_file() and path.suffix == ".json":
            texts.append(path.read_text("utf-8"))
    return "\n".join(texts)


def build(root: Path, out: Path) -> Path:
    pipeline.build(root, out)
    return out


def test_only_incident_pages_are_indexed_with_their_filters(tmp_path):
    site = build(MINIMAL, tmp_path / "site")
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 1
    [fragment] = fragments(site)
    assert fragment["url"] == "/incidents/2022-03-29-dmytrivka-x/"
    assert fragment["meta"]["title"] == "Wounded captured soldier shot near Dmytrivka"
    assert fragment["meta"]["date"] == "between 29 and 30 March 2022"
    assert fragment["filters"] == {
        "side": ["Ukraine"],
        "victims": ["Russia"],
        "grade": ["Verified"],
        "category": ["Killing"],
        "region": ["Kyiv Oblast"],
        "year": ["2022"],
    }
    # the public fields are searchable: the place, its other spelling, a victim's name, the outlet
    for words in ("Dmytrivka", "Dmitrovka", "A B", "C D", "O1", "Bucha Raion"):
        assert words in fragment["content"], words
    # the locator map and the header are not part of the indexed text
    assert "Locator map" not in fragment["content"] and "Skip to content" not in fragment["content"]
    # the ready-made interfaces we do not use are not published
    assert not any((site / "pagefind" / name).exists() for name in UNUSED)
    assert (site / "pagefind" / "pagefind.js").is_file()


def test_an_incident_spanning_years_is_found_under_each_year(tmp_path):
    root = tmp_path / "archive"
    shutil.copytree(MINIMAL, root)
    path = root / RECORD
    path.write_text(path.read_text().replace('to: "2022-03-30"', 'to: "2023-01-02"'))
    [fragment] = fragments(build(root, tmp_path / "site"))
    assert fragment["filters"]["year"] == ["2022", "2023"]


def test_private_parts_and_personal_information_never_reach_the_index(tmp_path):
    root = tmp_path / "archive"
    shutil.copytree(MINIMAL, root)
    path = root / RECORD
    text = path.read_text().replace("precision: near,", "precision: exact, coordinates: {lat: 50.4123, lon: 30.1234},")
    text = text.replace("people: [{name: A B, also_reported_as: [C D]}]", "people: [{name: Zyxwname Qux}]")
    text += (
        "private: {notes: Privatenote}\nsensitivity: [personal-information]\n"
        "evidence:\n  - {description: Video, file: /vault/Secretfile.mp4, custodian: team}\n"
    )
    path.write_text(text)
    site = build(root, tmp_path / "site")
    indexed = everything_indexed(site).lower()
    assert "dmytrivka" in indexed  # the index was read
    for secret in ("zyxw", "privatenote", "secretfile", "50.41", "30.12"):
        assert secret not in indexed, secret


def test_an_archive_with_no_records_gets_no_index_rather_than_every_page_indexed(tmp_path):
    root = tmp_path / "archive"
    shutil.copytree(MINIMAL, root)
    (root / RECORD).unlink()
    site = build(root, tmp_path / "site")
    assert (site / "search" / "index.html").is_file()
    assert not (site / "pagefind").exists()


def test_a_failed_indexing_leaves_the_previous_site(tmp_path):
    out = tmp_path / "build"
    page = "<!DOCTYPE html><html lang=en><title>a</title><main data-pagefind-body><p>one</p></main></html>"
    write_site(out, {"index.html": page}, [], finish=index_site)
    assert (out / "pagefind" / "pagefind.js").is_file()
    with pytest.raises(IndexingFailed, match="pagefind exited with status 1: Error: Pagefind was not able to build"):
        write_site(out, {"index.html": page.replace("<p>one</p>", "")}, [], finish=index_site)
    assert "one" in (out / "index.html").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"], "no staging folder is left behind"


def test_the_same_archive_gives_the_same_pages_and_index_text(tmp_path):
    """Pages, fragments (named by their content's hash) and the word index are byte-identical between
    builds. Pagefind 1.5.2 writes the values inside a filter file in hash-map order, so the filter
    files (and the name of the meta file that lists them) may differ between two builds."""
    first, second = build(MINIMAL, tmp_path / "one"), build(MINIMAL, tmp_path / "two")

    def stable(site: Path) -> dict[str, bytes]:
        return {
            p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*"))
            if p.is_file()
            and "/filter/" not in p.as_posix()
            and not p.name.endswith(".pf_meta")
            and p.name != "pagefind-entry.json"
        }

    assert stable(first) == stable(second)
    assert len(list(first.glob("pagefind/filter/*"))) == len(list(second.glob("pagefind/filter/*"))) == 6
