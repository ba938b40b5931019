"""`build`, run as an editor would run it."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from repo_paths import MINIMAL, REPO


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warcrime_archive", *args], capture_output=True, text=True, cwd=cwd)


def test_build_and_bad_input_leave_the_previous_site(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    result = run("build", "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Built ") and (root / "build" / "index.html").is_file()
    before = {p: p.read_bytes() for p in (root / "build").rglob("*") if p.is_file()}
    record = root / "incidents" / "2022-03-29-dmytrivka-x.yaml"
    record.write_text(record.read_text().replace("count: {min: 1, max: 2}", "count: -1"))
    result = run("build", "--root", str(root))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "incidents/2022-03-29-dmytrivka-x.yaml:9:58: victims[0].count: a count must be at least 1 (write null when unknown)",
        "1 error, 0 warnings in 1 file; nothing was written",
    ]
    after = {p: p.read_bytes() for p in (root / "build").rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.slow
def test_build_writes_its_counts_and_stage_times_where_warcrime_archive_timings_says(tmp_path):
    root, out, timings = tmp_path / "a", tmp_path / "site", tmp_path / "timings.json"
    shutil.copytree(MINIMAL, root)
    env = {**os.environ, "WARCRIME_ARCHIVE_TIMINGS": str(timings)}

    def build(*options: str) -> dict:
        command = [sys.executable, "-m", "warcrime_archive", "build", "--root", str(root), "--out", str(out)]
        result = subprocess.run([*command, *options], capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
        made = json.loads(timings.read_text())
        timings.unlink()
        assert result.stdout.startswith(f"Built {made['pages']} pages from {made['records']} records into ")
        return made

    first = build()
    assert sorted(first) == ["files", "pages", "records", "rendered", "timings"]
    assert first["records"] == 1 and first["rendered"] == first["pages"] > 5
    assert first["files"] == sum(1 for p in out.rglob("*") if p.is_file())
    assert list(first["timings"]) == ["load", "catalog", "plan", "render", "write", "search"]
    assert all(isinstance(t, float) and t >= 0 for t in first["timings"].values())
    nothing = build()  # stopped before loading anything: no stages
    assert nothing == {**first, "rendered": 0, "timings": {}}
    record = root / "incidents" / "2022-03-29-dmytrivka-x.yaml"
    record.write_text(record.read_text().replace("title: ", "title: Edited ", 1))
    edited = build()
    assert 0 < edited["rendered"] < edited["pages"] == first["pages"]
    assert list(edited["timings"]) == list(first["timings"])
    assert build("--clean")["rendered"] == first["pages"]
    assert run("build", "--root", str(root), "--out", str(out)).returncode == 0
    assert not timings.exists()  # not asked for: not written


def test_build_out_and_base_url(tmp_path):
    out = tmp_path / "site"
    result = run("build", "--root", str(MINIMAL), "--out", str(out), "--base-url", "https://example.net/x/")
    assert result.returncode == 0, result.stderr
    assert (out / "404.html").read_text().count('href="/x/static/style.css"') == 1


def test_base_url_makes_the_permanent_addresses_and_the_checksums_verify(tmp_path):
    out = tmp_path / "site"
    result = run("build", "--root", str(MINIMAL), "--out", str(out), "--base-url", "https://example.net/x/")
    assert result.returncode == 0, result.stderr
    assert "<loc>https://example.net/x/incidents/2022-03-29-dmytrivka-x/</loc>" in (out / "sitemap.xml").read_text()
    assert '<link rel="self" href="https://example.net/x/feed.xml" />' in (out / "feed.xml").read_text()
    page = (out / "incidents" / "2022-03-29-dmytrivka-x" / "index.html").read_text()
    assert '<link rel="canonical" href="https://example.net/x/incidents/2022-03-29-dmytrivka-x/">' in page
    check = subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=out, capture_output=True, text=True)
    assert (check.returncode, check.stdout) == (0, "")


def test_out_may_not_be_the_archive(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    result = run("build", "--root", str(root), "--out", str(root))
    assert result.returncode == 1
    assert "--out: the output folder may not be the archive or hold it (use a folder such as build/)" in result.stderr


def test_missing_archive_is_a_user_error(tmp_path):
    result = run("validate", "--root", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "archive.yaml:1:1: the archive has no archive.yaml (run from the archive's folder or give --root)"
    )


def test_out_may_not_be_another_archive_or_a_parent(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    other = tmp_path / "b"
    shutil.copytree(MINIMAL, other)
    result = run("build", "--root", str(root), "--out", str(other))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{other}:1:1: --out: the output folder holds records or a repository, and a build replaces it whole "
        "(give an empty folder or the previous build's)"
    )
    assert (other / "archive.yaml").is_file(), "nothing was replaced"
    result = run("build", "--root", str(root), "--out", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{tmp_path}:1:1: --out: the output folder may not be the archive or hold it (use a folder such as build/)"
    )


@pytest.mark.slow
def test_building_twice_elsewhere_gives_byte_identical_sites(tmp_path):
    """Reproducible builds: the sample archive, built from two working folders into two output folders
    with the same SOURCE_DATE_EPOCH, gives the same bytes in every file, the search index included."""
    repo = REPO
    sites = []
    for name in ("first", "second"):
        cwd = tmp_path / f"cwd-{name}"
        cwd.mkdir()
        out = tmp_path / name / "site"
        result = run("build", "--root", str(repo), "--out", str(out), cwd=cwd)
        assert result.returncode == 0, result.stderr
        sites.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    first, second = sites
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert len([name for name in first if name.startswith("pagefind/") and "/filter/" in name]) == 6
