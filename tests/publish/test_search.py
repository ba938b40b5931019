"""The search index Pagefind writes into the staged site: what it holds, and what it must never hold."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import cbor2
import pytest
from browser import chromium, serve
from repo_paths import MINIMAL, REPO

from warcrime_archive.build import build_site
from warcrime_archive.incremental.rebuild import rebuild
from warcrime_archive.publish import search as search_index
from warcrime_archive.publish.search import (
    UNUSED,
    IndexingFailed,
    canonicalise,
    content_hash,
    index_shard,
    index_site,
    run_pagefind,
    searched_pages,
    shards,
)
from warcrime_archive.write.staging import Staging

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"


def write_site(out: Path, files: dict[str, str], static_dirs: list[Path], *, finish=None) -> int:
    """Write `files` into a staging folder beside `out`; run `finish` over it (the search index), then swap it in:
    the file count (with those `finish` says it added). If `finish` raises, the previous site stays."""
    with Staging(out) as staging:
        staging.copy_static(static_dirs)
        for relative, content in files.items():
            staging.put(relative, content)
        added = finish(staging.folder) if finish is not None else 0
        return staging.commit() + added


def decoded(path: Path) -> str:
    """A Pagefind index file: gzip, then a 'pagefind_dcd' signature, then JSON or CBOR."""
    return gzip.decompress(path.read_bytes()).decode("utf-8", "replace")


def fragments(site: Path) -> list[dict]:
    return [json.loads(decoded(p).removeprefix("pagefind_dcd")) for p in sorted(site.glob("pagefind/*/fragment/*"))]


def bundles(site: Path) -> list[str]:
    """The shards of the site's search index: their folder names."""
    return sorted(p.name for p in (site / "pagefind").iterdir())


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
    build_site(root, out)
    return out


def test_only_incident_pages_are_indexed_with_their_filters(tmp_path):
    site = build(MINIMAL, tmp_path / "site")
    assert bundles(site) == ["2022-03-29-dmytrivka-x"]  # one shard, named by its first record
    shard = site / "pagefind" / "2022-03-29-dmytrivka-x"
    entry = json.loads((shard / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 1
    [fragment] = fragments(site)
    assert fragment["url"] == "/incidents/2022-03-29-dmytrivka-x/"
    # a result read on its own says that the incident is alleged, and its grade; under a content warning, the
    # warning is shown instead of an excerpt (static/search.js)
    assert fragment["meta"]["title"] == "Alleged: Wounded captured soldier shot near Dmytrivka (grade: Verified)"
    assert fragment["meta"]["warning"] == "Content warning: Killing."
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
    assert not any((shard / name).exists() for name in UNUSED)
    assert (shard / "pagefind.js").is_file()
    assert listed_shards(site) == ["../pagefind/2022-03-29-dmytrivka-x/"]
    assert '<script src="shards.js" defer>' in (site / "search" / "index.html").read_text()


def listed_shards(site: Path) -> list[str]:
    """The shards search/shards.js gives the search page (as links from it)."""
    text = (site / "search" / "shards.js").read_text()
    prefix = "window.warcrimeArchiveSearchShards = "
    line = next(line for line in text.splitlines() if line.startswith(prefix))
    return json.loads(line.removeprefix(prefix).removesuffix(";"))


def test_an_incident_spanning_years_is_found_once_under_its_window(tmp_path):
    root = tmp_path / "archive"
    shutil.copytree(MINIMAL, root)
    path = root / RECORD
    path.write_text(path.read_text().replace('to: "2022-03-30"', 'to: "2023-01-02"'))
    [fragment] = fragments(build(root, tmp_path / "site"))
    assert fragment["filters"]["year"] == ["Date uncertain: 2022\u20132023"]
    assert "warning" in fragment["meta"]
    path.write_text(path.read_text().replace("content_warning: Killing.\n", ""))
    [fragment] = fragments(build(root, tmp_path / "again"))
    assert "warning" not in fragment["meta"]


def test_private_parts_and_personal_information_never_reach_the_index(tmp_path):
    root = tmp_path / "archive"
    shutil.copytree(MINIMAL, root)
    with (root / "archive.yaml").open("a") as config:
        config.write("encryption: {repository_is_private: true}\n")  # the private values in plaintext
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
    write_site(out, {"incidents/a/index.html": page}, [], finish=index_site)
    assert (out / "pagefind" / "a" / "pagefind.js").is_file()
    with pytest.raises(IndexingFailed, match="pagefind exited with status 1: Error: Pagefind was not able to build"):
        write_site(out, {"incidents/a/index.html": page.replace("<p>one</p>", "")}, [], finish=index_site)
    assert "one" in (out / "incidents" / "a" / "index.html").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"], "no staging folder is left behind"


def test_the_same_archive_gives_a_byte_identical_site_and_index(tmp_path):
    first, second = build(MINIMAL, tmp_path / "one"), build(MINIMAL, tmp_path / "two")

    def everything(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}

    assert everything(first) == everything(second)
    assert len(list(first.glob("pagefind/*/filter/*"))) == 6


def marked(text: str) -> str:
    return f"<!DOCTYPE html><html lang=en><title>{text}</title><main data-pagefind-body><h1>{text}</h1></main></html>"


def test_only_incident_pages_are_read_even_if_another_page_is_marked(tmp_path):
    # an archive may override any template; only the incident pages reach the index all the same
    pages = {
        "incidents/a/index.html": marked("Incidentword"),
        "incidents/index.html": marked("Listword"),
        "about/index.html": marked("Aboutword"),
        "index.html": marked("Homeword"),
    }
    out = tmp_path / "site"
    write_site(out, pages, [], finish=index_site)
    assert [f["url"] for f in fragments(out)] == ["/incidents/a/"]
    indexed = everything_indexed(out).lower()
    assert "incidentword" in indexed
    assert not any(word in indexed for word in ("listword", "aboutword", "homeword"))
    assert searched_pages(out) == [out / "incidents" / "a" / "index.html"]


def test_no_marked_incident_page_means_no_index(tmp_path):
    out = tmp_path / "site"
    assert write_site(out, {"about/index.html": marked("Aboutword"), "incidents/index.html": marked("L")}, []) == 2
    assert index_site(out) == 0
    assert not (out / "pagefind").exists()


def test_a_pagefind_configuration_file_or_variable_does_not_change_the_index(tmp_path, monkeypatch):
    expected = build(MINIMAL, tmp_path / "expected")
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    (elsewhere / "pagefind.yml").write_text("force_language: fr\nexclude_selectors: [h1]\n")
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("PAGEFIND_FORCE_LANGUAGE", "de")
    site = build(MINIMAL, tmp_path / "site")
    entry = json.loads((site / "pagefind" / "2022-03-29-dmytrivka-x" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["en"]

    def bundle(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("pagefind/**/*") if p.is_file()}

    assert bundle(site) == bundle(expected)


def test_shards_are_cut_by_the_ids_alone_and_an_edit_moves_at_most_two():
    ids = [f"2024-01-01-record-{n:05d}" for n in range(10_000)]
    found = shards(reversed(ids))  # in any order, each id once
    assert [i for shard in found for i in shard.ids] == sorted(ids)
    assert all(shard.name == shard.ids[0] for shard in found)
    assert all(len(shard.ids) <= 2 * search_index.SHARD_PAGES for shard in found)
    assert 4 <= len(found) <= 25, len(found)  # about 10,000 / 1,024
    assert found[0].pages[0] == "incidents/2024-01-01-record-00000/index.html"
    assert found[0].folder == f"pagefind/{found[0].name}/"
    assert shards(ids + ids[:10]) == found and shards([]) == []
    # a new record, or a deleted one, changes the shard it falls in (two when it starts one) and no other
    for changed in (
        sorted(ids + ["2024-01-01-record-04999a"]),
        [i for i in ids if i != "2024-01-01-record-05000"],
        [i for i in ids if i != found[3].name],
    ):
        assert len(set(shards(changed)) - set(found)) <= 2
        assert len(set(found) - set(shards(changed))) <= 2


def test_a_shard_that_grows_past_its_size_is_cut_sooner(monkeypatch):
    ids = [f"r{n:04d}" for n in range(5000)]
    # a hash of 0 modulo 1,024 starts a shard anywhere; one of 0 modulo 64 only in a shard of 1,024 ids or more
    monkeypatch.setattr(search_index, "_hash", lambda record_id: 1024 if record_id in ("r0100", "r2000") else 1)
    assert [s.name for s in shards(ids)] == ["r0000", "r0100", "r2000"]
    monkeypatch.setattr(search_index, "_hash", lambda record_id: 64 if record_id in ("r0100", "r1100") else 1)
    assert [len(s.ids) for s in shards(ids)] == [1100, 3900]
    monkeypatch.setattr(search_index, "_hash", lambda record_id: 1)  # and at 4,096 ids whatever the hashes
    assert [s.name for s in shards(ids)] == ["r0000", "r4096"]


def test_each_shard_is_an_index_of_its_own_pages_only(tmp_path):
    out = tmp_path / "site"
    pages = {f"incidents/{name}/index.html": marked(f"Word{name}") for name in ("a", "b", "c")}
    pages["incidents/d/index.html"] = "<!DOCTYPE html><html lang=en><title>d</title><p>unmarked</p></html>"
    write_site(out, pages, [])
    assert index_shard(out, "pagefind/a/", ["incidents/a/index.html", "incidents/b/index.html"]) > 0
    assert index_shard(out, "pagefind/c/", ["incidents/c/index.html"]) > 0
    assert index_shard(out, "pagefind/d/", ["incidents/d/index.html"]) == 0  # nothing marked: no index
    assert bundles(out) == ["a", "c"]
    by_shard = {
        name: sorted(f["url"] for f in fragments(out) if f["url"] in decoded_urls(out / "pagefind" / name))
        for name in ("a", "c")
    }
    assert by_shard == {"a": ["/incidents/a/", "/incidents/b/"], "c": ["/incidents/c/"]}
    assert sorted(p.name for p in out.iterdir()) == ["incidents", "pagefind"], "the scratch folder is gone"


def decoded_urls(bundle: Path) -> set[str]:
    return {json.loads(decoded(p).removeprefix("pagefind_dcd"))["url"] for p in bundle.glob("fragment/*")}


SOLEDAR = "incidents/2022-12-30-soledar-prisoner-shot.yaml"


@pytest.mark.slow
def test_an_edit_makes_only_its_own_shard_again(sample_root, copy_archive, tmp_path, monkeypatch):
    monkeypatch.setattr(search_index, "SHARD_PAGES", 1)  # every record a shard of its own
    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(root, out, history=False, cache=cache)
    names = bundles(out)
    assert len(names) == 4 and names == sorted(p.stem for p in (root / "incidents").glob("*.yaml"))
    assert listed_shards(out) == [f"../pagefind/{name}/" for name in names]

    def inodes(name: str) -> dict[str, int]:
        return {
            p.relative_to(out).as_posix(): p.stat().st_ino for p in (out / "pagefind" / name).rglob("*") if p.is_file()
        }

    before = {name: inodes(name) for name in names}
    path = root / SOLEDAR
    path.write_text(path.read_text().replace("Matsievskyi", "Matsievskyy", 1))
    rebuild(root, out, history=False, cache=cache)
    after = {name: inodes(name) for name in names}
    edited = "2022-12-30-soledar-prisoner-shot"
    assert all(after[name] == before[name] for name in names if name != edited), "the other shards were kept"
    assert set(after[edited].values()).isdisjoint(before[edited].values()), "the edited record's shard is new"
    assert "matsievskyy" in everything_indexed(out).lower()
    # a deleted record takes its shard with it; a shard stays as long as its page is the same
    pages = {name: (out / "incidents" / name / "index.html").read_bytes() for name in names}
    kept = {name: inodes(name) for name in names}
    path.unlink()
    rebuild(root, out, history=False, cache=cache)
    assert bundles(out) == [name for name in names if name != edited]
    assert listed_shards(out) == [f"../pagefind/{name}/" for name in bundles(out)]
    same = [name for name in bundles(out) if (out / "incidents" / name / "index.html").read_bytes() == pages[name]]
    assert same, "some incident page did not change"
    for name in bundles(out):
        assert (inodes(name) == kept[name]) == (name in same), name
    clean = tmp_path / "clean"
    build_site(root, clean, history=False)
    assert {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()} == {
        p.relative_to(clean).as_posix(): p.read_bytes() for p in clean.rglob("*") if p.is_file()
    }


SEARCHES = r"""async () => {
    const status = document.getElementById("search-status");
    const found = async (query) => {
        window.history.replaceState(null, "", "?" + query);
        window.dispatchEvent(new PopStateEvent("popstate"));
        for (let i = 0; i < 200 && !/found/.test(status.textContent); i++) {
            await new Promise((resolve) => setTimeout(resolve, 25));
        }
        const links = [...document.querySelectorAll("#search-results .result-title a")];
        return [status.textContent, links.map((a) => a.getAttribute("href").replace(/\/$/, "").split("/").pop()).sort()];
    };
    const answers = {};
    await found("q=shot");  // every record of the sample is under a content warning: its warning, no excerpt
    answers.warnings = [...document.querySelectorAll("#search-results li")].map(
        (li) => [li.querySelector(".result-excerpt") === null, li.querySelector(".result-warning").textContent]).sort();
    status.textContent = "";
    for (const query of ["q=shot", "q=Matsievskyi", "q=ITV+News", "q=shot&side=Ukraine", "grade=Claimed",
                         "side=Russia", "q=prisoner&victims=Ukraine"]) {
        answers[query] = await found(query);
        status.textContent = "";
    }
    return answers;
}"""


def test_the_browser_merges_the_shards_and_finds_what_one_index_finds(sample_site, tmp_path, monkeypatch):
    monkeypatch.setattr(search_index, "SHARD_PAGES", 1)
    site_in_shards = tmp_path / "site"
    build_site(REPO, site_in_shards, history=False)
    shard_names = bundles(site_in_shards)
    assert len(shard_names) == 4 and len(bundles(sample_site)) == 1
    answers, requests = [], []
    with chromium() as browser:
        for site in (sample_site, site_in_shards):
            with serve(site) as base:
                page = browser.new_page()
                seen: list[str] = []
                page.on("request", lambda r, seen=seen: seen.append(r.url))
                page.goto(base + "search/")
                answers.append(page.evaluate(SEARCHES))
                requests.append(seen)
                page.close()
    single, sharded = answers
    # filters and words every shard holds or none holds: the same answers
    assert {q: a for q, a in sharded.items() if q != "q=ITV+News"} == {
        q: a for q, a in single.items() if q != "q=ITV+News"
    }
    # a word that only some shards hold: the others match a shorter prefix of it (Pagefind's fallback), so
    # more records are found, never fewer
    assert set(sharded["q=ITV+News"][1]) > set(single["q=ITV+News"][1])
    assert sharded["q=shot"][0] == "4 records found."
    assert answers[1]["q=shot&side=Ukraine"][1] == ["2022-03-30-dmytrivka-wounded-soldier-shot"]
    assert answers[1]["grade=Claimed"][0] == "2 records found."
    assert len(single["warnings"]) == 4
    assert all(no_excerpt and warning.startswith("Content warning: ") for no_excerpt, warning in single["warnings"])
    # every shard's entry is read, and the WebAssembly and the worker are loaded once, from the first shard
    paths = [urlsplit(u).path for u in requests[1]]
    assert sorted(p.split("/")[-2] for p in paths if p.endswith("/pagefind-entry.json")) == shard_names
    assert [p.split("/")[-2:] for p in paths if p.endswith((".pagefind", "-worker.js"))] == [
        [shard_names[0], "pagefind-worker.js"],
        [shard_names[0], "wasm.en.pagefind"],
    ]


def test_a_shard_with_no_marked_page_is_left_out_and_the_search_page_still_finds_the_others(
    sample_root, copy_archive, tmp_path, monkeypatch
):
    # An archive's own incident template marks every record but the first for the index: the first shard (the
    # one the browser loads first, and merges the others into) has no index.
    monkeypatch.setattr(search_index, "SHARD_PAGES", 1)  # every record a shard of its own
    root = copy_archive(sample_root)
    first = min(p.stem for p in (root / "incidents").glob("*.yaml"))
    template = (sample_root / "templates" / "incident.html").read_text()
    assert template.count(" data-pagefind-body>") == 1
    (root / "templates").mkdir()
    (root / "templates" / "incident.html").write_text(
        template.replace(" data-pagefind-body>", f'{{% if entry.id != "{first}" %}} data-pagefind-body{{% endif %}}>')
    )
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(root, out, history=False, cache=cache)
    names = sorted(p.stem for p in (root / "incidents").glob("*.yaml"))
    assert bundles(out) == names[1:] and len(names) == 4
    assert listed_shards(out) == [f"../pagefind/{name}/" for name in names[1:]]
    with chromium() as browser, serve(out) as base:
        page = browser.new_page()
        page.goto(base + "search/?q=shot")
        page.wait_for_function("() => /found/.test(document.getElementById('search-status').textContent)")
        found = page.eval_on_selector_all(
            "#search-results .result-title a", "links => links.map(a => a.getAttribute('href'))"
        )
        assert page.text_content("#search-status") == f"{len(found)} records found."
        assert found and not any(first in link for link in found)
    # marked again: its shard is made, and listed, in the next (incremental) build
    (root / "templates" / "incident.html").unlink()
    rebuild(root, out, history=False, cache=cache)
    assert bundles(out) == names
    assert listed_shards(out) == [f"../pagefind/{name}/" for name in names]


# Six pages with three filters of several values each, so that Pagefind's hash-map order shows.
PAGES = {
    "one": {"colour": ["red", "blue"], "shape": ["round"], "size": ["small"]},
    "two": {"colour": ["green"], "shape": ["square", "round"], "size": ["large"]},
    "three": {"colour": ["blue", "yellow"], "shape": ["flat"], "size": ["small", "medium"]},
    "four": {"colour": ["red"], "shape": ["Ärmel-shaped"], "size": ["medium"]},
    "five": {"colour": ["violet", "indigo"], "shape": ["square"], "size": ["tiny"]},
    "six": {"colour": ["orange"], "shape": ["round", "oval"], "size": ["huge", "small"]},
}


def raw_index(folder: Path) -> Path:
    """The pages above, indexed by Pagefind as it writes them (not canonicalised); returns the bundle."""
    for name, filters in PAGES.items():
        spans = "".join(f'<span data-pagefind-filter="{f}">{v}</span> ' for f, vs in filters.items() for v in vs)
        page = folder / "incidents" / name / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f"<!DOCTYPE html><html lang=en><title>{name}</title>"
            f"<main data-pagefind-body><h1>Page {name}</h1><p>{spans}</p></main></html>"
        )
    return run_pagefind(folder)


def payload(path: Path) -> bytes:
    raw = gzip.decompress(path.read_bytes())
    assert raw.startswith(b"pagefind_dcd")
    return raw.removeprefix(b"pagefind_dcd")


def meta_of(bundle: Path) -> tuple[Path, list]:
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    meta = bundle / f"pagefind.{entry['languages']['en']['hash']}.pf_meta"
    return meta, cbor2.loads(payload(meta))


def filters_of(bundle: Path) -> dict[str, dict[str, list[int]]]:
    """What the index answers for each filter value: the page numbers."""
    _, meta = meta_of(bundle)
    answers = {}
    for name, file_hash in meta[3]:
        filter_name, values = cbor2.loads(payload(bundle / "filter" / f"{file_hash}.pf_filter"))
        assert filter_name == name
        answers[name] = {value: sorted(pages) for value, pages in values}
    return answers


def test_content_hash_names_files_exactly_as_pagefind_does(tmp_path):
    bundle = raw_index(tmp_path / "site")
    named = sorted(bundle.glob("filter/*.pf_filter")) + sorted(bundle.glob("index/*.pf_index"))
    assert len(named) == 4
    for path in named:
        assert path.stem == "en_" + content_hash(payload(path))[:7], path.name
    meta, _ = meta_of(bundle)
    assert meta.name == f"pagefind.en_{content_hash(payload(meta))[:10]}.pf_meta"
    # Pagefind's hex has no zero padding: SHA-1("") is da39a3ee5e6b4b0d...afd80709, written ...4bd...afd879
    assert content_hash(b"") == "da39a3ee5e6b4bd3255bfef95601890afd879"


def test_canonicalise_sorts_the_filters_and_renames_what_it_rewrites(tmp_path):
    bundle = raw_index(tmp_path / "site")
    before = filters_of(bundle)
    untouched = {
        p.relative_to(bundle).as_posix(): p.read_bytes()
        for p in bundle.rglob("*")
        if p.is_file() and p.parent.name != "filter" and p.suffix not in (".pf_meta", ".json")
    }
    canonicalise(bundle)
    assert filters_of(bundle) == before
    assert len(before["colour"]["red"]) == len(before["size"]["small"]) - 1 == 2
    meta, decoded = meta_of(bundle)
    assert [name for name, _ in decoded[3]] == ["colour", "shape", "size"]
    for name, file_hash in decoded[3]:
        path = bundle / "filter" / f"{file_hash}.pf_filter"
        filter_name, values = cbor2.loads(payload(path))
        assert [value for value, _ in values] == sorted(before[name])
        assert path.stem == "en_" + content_hash(payload(path))[:7]
        assert path.read_bytes()[4:8] == b"\0\0\0\0", "no time in the gzip header"
    assert [value for value, _ in values] == ["huge", "large", "medium", "small", "tiny"]
    assert meta.name == f"pagefind.en_{content_hash(payload(meta))[:10]}.pf_meta"
    # nothing is left of the old names, and nothing else changed
    assert sorted(p.stem for p in bundle.glob("filter/*")) == sorted(h for _, h in decoded[3])
    assert [p.name for p in bundle.glob("*.pf_meta")] == [meta.name]
    assert untouched == {p: (bundle / p).read_bytes() for p in untouched}
    entry = (bundle / "pagefind-entry.json").read_text()
    assert entry.startswith('{"version":"1.5.2","languages":{"en":{"hash":"' + meta.name[9:-8] + '","wasm":"en"')


def test_canonicalised_indexes_of_the_same_pages_are_byte_identical(tmp_path):
    bundles = []
    for run in range(4):
        bundle = raw_index(tmp_path / f"run{run}")
        canonicalise(bundle)
        bundles.append(
            {p.relative_to(bundle).as_posix(): p.read_bytes() for p in sorted(bundle.rglob("*")) if p.is_file()}
        )
    assert all(b == bundles[0] for b in bundles[1:])


def test_an_unexpected_meta_layout_is_our_bug_not_a_silent_rewrite(tmp_path):
    bundle = raw_index(tmp_path / "site")
    meta, decoded = meta_of(bundle)
    meta.write_bytes(gzip.compress(b"pagefind_dcd" + cbor2.dumps(decoded[:3]), mtime=0))
    with pytest.raises(IndexingFailed, match=r"^pagefind\.en_\w+\.pf_meta: unexpected layout \(Pagefind 1\.5\.2\)"):
        canonicalise(bundle)


QUERIES = """async (base) => {
    const pagefind = await import(base + "pagefind/pagefind.js");
    await pagefind.init();
    const urls = async (search) => (await Promise.all(search.results.map((r) => r.data()))).map((d) => d.url).sort();
    const filters = await pagefind.filters();
    const answers = {filters};
    for (const [name, values] of Object.entries(filters)) {
        for (const value of Object.keys(values)) {
            answers[`${name}=${value}`] = await urls(await pagefind.search(null, {filters: {[name]: value}}));
        }
    }
    answers.both = await urls(await pagefind.search(null, {filters: {colour: "red", size: "medium"}}));
    answers.any = await urls(await pagefind.search(null, {filters: {colour: {any: ["blue", "green"]}}}));
    answers.words = await urls(await pagefind.search("page", {filters: {shape: "round"}}));
    return answers;
}"""


def test_the_canonical_index_answers_the_same_filter_queries_in_the_browser(tmp_path):
    raw = raw_index(tmp_path / "raw" / "site").parent
    canonical = raw_index(tmp_path / "canonical" / "site").parent
    canonicalise(canonical / "pagefind")
    answers = []
    with chromium() as browser:
        for site in (raw, canonical):
            with serve(site) as base:
                page = browser.new_page()
                page.goto(base + "incidents/one/")
                answers.append(page.evaluate(QUERIES, base))
                page.close()
    assert answers[0] == answers[1]
    assert answers[1]["filters"]["colour"] == {
        "blue": 2,
        "green": 1,
        "indigo": 1,
        "orange": 1,
        "red": 2,
        "violet": 1,
        "yellow": 1,
    }
    assert [u.rsplit("/", 2)[-2] for u in answers[1]["colour=red"]] == ["four", "one"]
    assert [u.rsplit("/", 2)[-2] for u in answers[1]["both"]] == ["four"]
    assert [u.rsplit("/", 2)[-2] for u in answers[1]["any"]] == ["one", "three", "two"]
    assert [u.rsplit("/", 2)[-2] for u in answers[1]["words"]] == ["one", "six", "two"]
