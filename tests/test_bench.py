"""The benchmark's corpus generator (bench/make_archive.py): valid, deterministic, and the same corpus for Hugo."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest
from repo_paths import REPO

from warcrime_archive.build import build_site
from warcrime_archive.validate.load import load_archive

BENCH = REPO / "bench"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


make_archive = _module("make_archive")
run = _module("run")


def test_generated_archive_validates_and_builds(tmp_path):
    subprocess.run(
        [sys.executable, str(BENCH / "make_archive.py"), "--n", "30", "--seed", "7", "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    loaded = load_archive(tmp_path / "archive")
    assert loaded.errors == []
    assert loaded.archive is not None and len(loaded.archive.records) == 30
    # Only the expected warning kinds: sources without an archived copy, and the possible duplicates that records
    # drawn at random make (two at one place within a day), as a real archive's would be warned of.
    kinds = {w.message.split("'")[0] for w in loaded.warnings}
    assert kinds <= {"the source has no archived copy", "possibly the same incident as "}
    result = build_site(tmp_path / "archive", tmp_path / "site")
    assert result.records == 30
    assert (tmp_path / "site" / "incidents" / "inc-000030" / "index.html").is_file()


def test_generated_archive_has_the_realistic_shape():
    corpus = make_archive.Corpus(300, 1)
    records = corpus.incidents
    cited = {s["url"] for r in records for s in r["sources"]}
    assert 2.4 * 300 <= len(cited) <= 2.9 * 300  # as a real archive: about 2.7 distinct sources a record
    assert all(1 <= len(r["sources"]) <= 6 for r in records)
    assert any("from" in r["date"] for r in records) and any("at" in r["date"] for r in records)
    assert any(isinstance(g["count"], dict) for r in records for g in r["victims"])
    assert any(r["corrections"] for r in records)
    assert any(r["sensitivity"] == ["personal-information"] for r in records)
    words = [len(r["narrative"].split()) for r in records]
    assert min(words) >= 150 and max(words) <= 480
    regions = {r["location"]["admin1"] for r in records}
    assert len(regions) > 10 and regions <= set(make_archive.ukrainian_regions())


def test_same_seed_same_bytes_other_seed_other_corpus(tmp_path):
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        corpus = make_archive.Corpus(12, seed)
        make_archive.write_archive(corpus, tmp_path / name)
    a, b, c = ((tmp_path / n / "incidents" / "inc-000005.yaml").read_bytes() for n in "abc")
    assert a == b and a != c


def test_hugo_copy_has_a_page_per_incident_and_term(tmp_path):
    corpus = make_archive.Corpus(40, 2)
    make_archive.write_hugo(corpus, tmp_path / "hugo")
    content = tmp_path / "hugo" / "content"
    assert len(list((content / "incidents").glob("inc-*.md"))) == 40
    used_sources = {s["url"] for r in corpus.incidents for s in r["sources"]}
    assert len(list((content / "sources").glob("src-*/_index.md"))) == len(used_sources)
    assert len(list((content / "sides").glob("*/_index.md"))) == len(make_archive.SIDES)
    assert (tmp_path / "hugo" / "layouts" / "_default" / "single.html").is_file()
    first = (content / "incidents" / "inc-000001.md").read_text()
    assert first.endswith(corpus.incidents[0]["narrative"])


@pytest.mark.slow
def test_runner_times_the_command_line_as_editors_get_it_and_checks_every_edit_against_a_clean_build(tmp_path):
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--n", "40", "--runs", "2", "--no-hugo"]
        + ["--work", str(tmp_path / "work"), "--results", str(tmp_path / "res")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads((tmp_path / "res" / "results.json").read_text())
    size = results["sizes"][0]
    assert size["n"] == 40 and size["runs"] == 2 and size["identical_to_clean"] is True
    pages = size["full"]["pages"]
    assert pages > 40 and size["full"]["rendered"] == pages  # a full build renders every page
    assert 0 < size["edit"]["rendered"] < pages  # one record's narrative: only the pages showing it
    assert size["noop"]["rendered"] == 0 and size["noop"]["stages"] == {}  # stopped before loading anything
    # the CI path: the site and cache restored as pages.yml does (new inodes), every input new, one record edited
    assert 0 < size["ci"]["rendered"] < pages / 2 and len(size["ci"]["walls"]) == 2
    assert size["size"]["files"] == size["full"]["files"] and size["size"]["bytes_per_record"] > 10_000
    for kind in ("full", "edit", "noop"):
        assert size[kind]["pages"] == pages and len(size[kind]["walls"]) == 2
        assert size[kind]["peak_mib"] > 10 and size[kind]["cpu"] > 0
    for kind in ("full", "edit"):
        assert list(size[kind]["stages"]) == ["load", "catalog", "plan", "render", "write", "search"]
    # Pagefind alone, shard by shard: every record's page once, the edited record's shard among them
    alone = size["search_alone"]
    assert alone["shards"] >= 1 and alone["pages"] == 40 and alone["cpu"] > 0 and alone["wall"] > 0
    assert 0 < alone["edited"]["pages"] <= alone["largest"]["pages"] <= 40 and alone["largest"]["peak_mib"] > 1
    edits = size["edits"]
    assert list(edits) == ["title", "place", "source", "side", "grade", "delete"]
    for kind, made in edits.items():
        assert made["identical"] is True, kind
        # at 40 records a deletion may change every page (a year or a tag goes with the record, and its links)
        most = made["pages"] if kind == "delete" else made["pages"] - 1
        assert 0 < made["rendered"] <= most, kind
        assert made["wall"] > 0 and made["cpu"] > 0 and made["records"], kind
    assert edits["delete"]["pages"] < edits["grade"]["pages"]  # one incident page fewer
    archive = tmp_path / "work" / "n40" / "archive" / "incidents"
    assert (
        "Benchmark edit 3." in (archive / "inc-000020.yaml").read_text()
    )  # the middle record's narrative (CI path last)
    assert not (archive / f"{edits['delete']['records'][0]}.yaml").exists()
    assert ", edited" in (archive / f"{edits['title']['records'][0]}.yaml").read_text()
    assert 'status: "single-source"' in (archive / f"{edits['grade']['records'][0]}.yaml").read_text()
    # the runner leaves no site, cache or spare behind
    assert sorted(p.name for p in (tmp_path / "work" / "n40").iterdir()) == ["archive", "hugo"]
    table = (tmp_path / "res" / "results.md").read_text()
    assert "| 40 | " in table and "| n/a |" in table and "Hugo not run" in table
    assert f"| 40 | {alone['shards']} | 40 | " in table  # the search index alone
    assert "| 40 | deletion of a record | " in table and "| NO |" not in table


def test_planned_edits_keep_every_record_valid(tmp_path):
    """Each planned edit, applied alone to a fresh copy of the archive, leaves an archive without errors."""
    run = _module("run")
    corpus = make_archive.Corpus(30, 5)
    plan = run.plan_edits(corpus.incidents, corpus.places)
    assert sorted(plan) == sorted(run.EDIT_KINDS)
    changed = [edit[0] for kind in ("title", "place", "side", "grade", "delete") for edit in plan[kind]]
    assert len(set(changed)) == len(changed) and run.narrative_record(30) not in changed  # each in its own record
    for kind, edits in plan.items():
        root = tmp_path / kind
        make_archive.write_archive(corpus, root)
        before = {p.name: p.read_text() for p in (root / "incidents").iterdir()}
        for edit in edits:
            run.apply_edit(root, edit)
        after = {p.name: p.read_text() for p in (root / "incidents").iterdir()}
        assert sorted(name for name in before if before[name] != after.get(name)) == sorted(
            f"{e[0]}.yaml" for e in edits
        )
        loaded = load_archive(root)
        assert loaded.errors == [], (kind, loaded.errors)


def test_small_percentages_keep_a_decimal_where_the_targets_are():
    # 0.153 s against 11.71 s is 1.3%, under the 2% target; rounded to a whole number it read "1%" or "2%"
    assert run.percent(0.153, 11.71) == "1.3%"
    assert run.percent(0.59, 105.43) == "0.6%"
    assert run.percent(9.39, 11.71) == "80%"
    assert run.percent(1.0, None) == "n/a"


def test_each_timed_command_starts_after_the_file_system_is_settled(monkeypatch):
    """The work an earlier step left the file system (the last output's deletion, the last build's dirty
    pages) is done before the clock starts, not inside the next build's time."""
    events: list[str] = []
    monkeypatch.setattr(run.os, "sync", lambda: events.append("sync"))
    started = run.Measured.__init__

    def start(self, *args, **kwargs):
        events.append("start")
        started(self, *args, **kwargs)

    monkeypatch.setattr(run.Measured, "__init__", start)
    run.run([sys.executable, "-c", "pass"])
    run.run([sys.executable, "-c", "pass"])
    assert events == ["sync", "start", "sync", "start"]


readers = _module("readers")


def test_the_largest_page_of_each_kind_is_found_by_its_body_class(sample_site):
    largest = readers.largest_pages(sample_site)
    assert {"home", "incidents", "incident", "explore", "timeline", "map", "side", "404"} <= set(largest)
    homes = {home: (sample_site / home).stat().st_size for home in ("index.html", "uk/index.html")}  # two languages
    assert largest["home"] == {"path": max(homes, key=homes.__getitem__), "bytes": max(homes.values())}
    sizes = {p.relative_to(sample_site).as_posix(): p.stat().st_size for p in sample_site.rglob("*.html")}
    assert max(page["bytes"] for page in largest.values()) == max(sizes.values())
    assert all(page["bytes"] <= readers.BUDGET for page in largest.values())


def test_no_page_grows_with_the_archive(tmp_path):
    """The page budget at a small size: at 300 records every HTML page is under it (the one incident list was over
    200 KB there before its pages), a list's second page is about as large as its first, and a page of the list at
    300 records is less than four times the whole list at 30 (a hundred rows against thirty)."""
    sizes = {}
    for n in (30, 300):
        subprocess.run(
            [
                sys.executable,
                str(BENCH / "make_archive.py"),
                "--n",
                str(n),
                "--seed",
                "3",
                "--out",
                str(tmp_path / f"c{n}"),
            ],
            check=True,
            capture_output=True,
        )
        build_site(tmp_path / f"c{n}" / "archive", tmp_path / f"s{n}", history=False)
        sizes[n] = readers.largest_pages(tmp_path / f"s{n}")
    for kind, page in sizes[300].items():
        assert page["bytes"] <= readers.BUDGET, (kind, page)
    incidents = tmp_path / "s300" / "incidents"
    first, second = (incidents / "index.html").stat().st_size, (incidents / "page" / "2" / "index.html").stat().st_size
    assert abs(first - second) < 0.1 * first
    # a list of 300 records is no larger than one of 100 (30 records' list holds 30: three times smaller, about)
    assert sizes[300]["incidents"]["bytes"] < 4 * sizes[30]["incidents"]["bytes"]
