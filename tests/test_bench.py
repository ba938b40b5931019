"""The benchmark's corpus generator (bench/make_archive.py): valid, deterministic, and the same corpus for Hugo."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from warcrime_archive import pipeline
from warcrime_archive.validate import load_archive

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


make_archive = _module("make_archive")


def test_generated_archive_validates_and_builds(tmp_path):
    subprocess.run(
        [sys.executable, str(BENCH / "make_archive.py"), "--n", "30", "--seed", "7", "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    loaded = load_archive(tmp_path / "archive")
    assert loaded.errors == []
    assert loaded.archive is not None and len(loaded.archive.records) == 30
    # Only the expected warning kind: sources without an archived copy.
    assert {w.message for w in loaded.warnings} <= {"the source has no archived copy"}
    result = pipeline.build(tmp_path / "archive", tmp_path / "site")
    assert result.records == 30
    assert (tmp_path / "site" / "incidents" / "inc-000030" / "index.html").is_file()


def test_generated_archive_has_the_realistic_shape():
    corpus = make_archive.Corpus(300, 1)
    records = corpus.incidents
    assert len({s["url"] for r in records for s in r["sources"]}) <= 100  # a pool of about N/3
    assert all(1 <= len(r["sources"]) <= 4 for r in records)
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


def test_runner_times_full_edit_and_noop_builds_and_checks_them_against_a_clean_build(tmp_path):
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--n", "20", "--runs", "1", "--no-hugo"]
        + ["--work", str(tmp_path / "work"), "--results", str(tmp_path / "res")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads((tmp_path / "res" / "results.json").read_text())
    size = results["sizes"][0]
    assert size["n"] == 20 and size["identical_to_clean"] is True
    for kind in ("full", "edit", "noop"):
        assert size[kind]["pages"] == size["full"]["pages"] > 20
        assert list(size[kind]["stages"]) == ["load", "catalog", "plan", "render", "write", "search"]
        assert size[kind]["peak_mib"] > 10 and size[kind]["cpu"] > 0
    assert "Benchmark edit 0." in (tmp_path / "work" / "n20" / "archive" / "incidents" / "inc-000001.yaml").read_text()
    table = (tmp_path / "res" / "results.md").read_text()
    assert "| 20 | " in table and "| n/a |" in table and "Hugo not run" in table
