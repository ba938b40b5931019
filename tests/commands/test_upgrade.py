"""`warcrime-archive upgrade`, run as an editor would: the sample archive as it was in record format 1 (at
3de25a3, kept in tests/data/format1/sample) upgrades to exactly the files in tests/data/format1/sample-upgraded,
with the listing in sample-upgrade-output.txt; comments and layout survive, and no source is credited with a claim."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from repo_paths import FORMAT1

from warcrime_archive.commands.upgrade import upgrade_archive

SAMPLE = FORMAT1 / "sample"
UPGRADED = FORMAT1 / "sample-upgraded"
LISTING = FORMAT1 / "sample-upgrade-output.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WARCRIME_ARCHIVE_TODAY": "2026-11-22"}
    return subprocess.run(
        [sys.executable, "-m", "warcrime_archive", *args], capture_output=True, text=True, check=False, env=env
    )


def files_of(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text("utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "archive"))


def test_the_sample_as_it_was_upgrades_to_the_expected_files_and_listing(sample: Path):
    result = run("upgrade", "--root", str(sample))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == LISTING.read_text("utf-8")
    assert files_of(sample) == files_of(UPGRADED)


def test_the_listing_is_what_validation_then_reports(sample: Path):
    """Every claim the upgrade lists is an error of `validate` at the same place; nothing else is unsourced."""
    listed = [line for line in run("upgrade", "--root", str(sample)).stderr.splitlines() if ".sources: " in line]
    assert len(listed) == 24
    validated = run("validate", "--root", str(sample)).stderr.splitlines()
    assert [line for line in validated if "no source given for this claim" in line] == listed


def test_no_source_is_credited_with_a_claim(sample: Path):
    """Only what was already tied to a URL gets a source: two responses and four investigations of the sample."""
    upgrade_archive(sample)  # works it out without writing
    done = upgrade_archive(sample)
    text = "".join(new for _, new in done.changed.values())
    cited = [line.strip() for line in text.splitlines() if line.strip().startswith("sources: [") and "[]" not in line]
    assert cited == [
        "sources: [politico]",  # Dmytrivka's response
        "sources: [itv]",  # Soledar's responses and investigations, by their URLs
        "sources: [ibtimes]",
        "sources: [bbc]",
        "sources: [ibtimes]",
        "sources: [khpg]",  # Robotyne's investigation
        "sources: [theindependentnewstoday]",  # Pokrovsk's response and investigations
        "sources: [pravda]",
        "sources: [kyivindependent]",
    ]
    assert files_of(sample) == files_of(SAMPLE)  # nothing written


def test_a_dry_run_prints_the_diff_and_writes_nothing(sample: Path):
    result = run("upgrade", "--root", str(sample), "--dry-run")
    assert result.returncode == 0
    assert result.stderr.startswith("Would rewrite 5 files to record format 2.\n")
    assert "--- a/archive.yaml\n+++ b/archive.yaml\n" in result.stdout
    assert "-  by: [The New York Times, Reuters]\n" in result.stdout
    assert (
        "+  by: [{who: The New York Times, checked: [], sources: []}, {who: Reuters, checked: [], sources: []}]\n"
        in (result.stdout)
    )
    assert files_of(sample) == files_of(SAMPLE)


def test_upgrading_twice_changes_nothing_more(sample: Path):
    run("upgrade", "--root", str(sample))
    again = run("upgrade", "--root", str(sample))
    assert again.returncode == 0
    assert again.stderr.startswith("Rewrote 0 files to record format 2.\n")
    assert files_of(sample) == files_of(UPGRADED)


def test_comments_layout_and_a_url_that_is_not_a_source_survive(tmp_path: Path):
    root = tmp_path / "archive"
    (root / "incidents").mkdir(parents=True)
    (root / "archive.yaml").write_text((SAMPLE / "archive.yaml").read_text("utf-8"))
    record = """\
# A record written by hand.
title: A test   # the headline
summary: >-
  Folded text
  over two lines.
category: killing-of-captured-or-wounded-combatants
date: "2022-03-30"
location:
  # where
  admin1: Kyiv Oblast
  country: UA
  precision: region
alleged_perpetrators:
  - # the side
    side: russia
victims:
  - {status: unknown, harm: killed, count: 1}
verification: {status: claimed, note: A party says so.}
investigations:
  - authority: A prosecutor
    status: opened
    url: https://elsewhere.example/case
sources:
  - url: https://www.example.co.uk/news/1
    title: One
    outlet: Example
    type: news-article
  - url: https://example.co.uk/news/2
    title: Two
    outlet: Example
    type: news-article
"""
    path = root / "incidents" / "2022-03-30-a-test.yaml"
    path.write_text(record)
    result = run("upgrade", "--root", str(root))
    assert result.returncode == 0
    assert (
        path.read_text()
        == """\
# A record written by hand.
title: A test   # the headline
summary: >-
  Folded text
  over two lines.
category: killing-of-captured-or-wounded-combatants
date:
  at: "2022-03-30"
  sources: []
location:
  # where
  admin1: Kyiv Oblast
  country: UA
  precision: region
  sources: []
alleged_perpetrators:
  - # the side
    side: russia
    sources: []
victims:
  - {status: unknown, harm: killed, count: 1, sources: []}
verification: {status: claimed, note: A party says so., sources: []}
investigations:
  - authority: A prosecutor
    status: opened
    url: https://elsewhere.example/case
sources:
  - id: example
    url: https://www.example.co.uk/news/1
    title: One
    outlet: Example
    type: news-article
  - id: example-2
    url: https://example.co.uk/news/2
    title: Two
    outlet: Example
    type: news-article
"""
    )
    lines = result.stderr.splitlines()
    assert (
        "incidents/2022-03-30-a-test.yaml:26:10: warning: investigations[0].url: 'https://elsewhere.example/case' is "
        "not the URL of one of the record's sources; add it to `sources` and cite its id in "
        "`investigations[0].sources`"
    ) in lines
    assert lines[-1] == (
        "6 claims in 1 record without a source: give each the ids of the sources that state it "
        "(docs/record-format.md#upgrading)."
    )
    # validation names the URL left for the editor
    validated = run("validate", "--root", str(root)).stderr
    assert "investigations[0].url: unknown field 'url'" in validated


def test_a_file_that_is_not_yaml_is_left_and_named(sample: Path):
    broken = sample / "incidents" / "2022-01-01-broken.yaml"
    broken.write_text("title: [unclosed\n")
    result = run("upgrade", "--root", str(sample))
    assert result.returncode == 0
    assert "incidents/2022-01-01-broken.yaml: does not validate yet; run `warcrime-archive validate` to see why" in (
        result.stderr.splitlines()
    )
    assert broken.read_text() == "title: [unclosed\n"


def test_no_archive_yaml_is_a_clear_error(tmp_path: Path):
    result = run("upgrade", "--root", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr == (f"Error: {tmp_path} has no archive.yaml; run from the archive's folder or give --root\n")
