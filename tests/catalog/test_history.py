"""Record history from git: a real temporary repository with commits at fixed dates."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import gitrepo
import pytest
from repo_paths import MINIMAL

from warcrime_archive.build import build_site
from warcrime_archive.catalog.history import FIELD_SEP, RECORD_SEP, Commit, parse_log, read_history

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"


def git(root: Path, *args: str, when: str = "2024-01-01T12:00:00+00:00") -> str:
    return gitrepo.git(root, *args, when=when)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The minimal archive in a git repository: added, edited, then moved into a sub-folder."""
    root = tmp_path / "archive"
    shutil.copytree(MINIMAL, root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Add the Dmytrivka record", when="2024-01-02T10:00:00+00:00")
    path = root / RECORD
    path.write_text(path.read_text().replace("note: ok", "note: checked again"))
    git(root, "commit", "-q", "-am", "Correct the verification note", when="2024-02-03T23:30:00-02:00")
    (root / "incidents" / "2022").mkdir()
    git(root, "mv", RECORD, "incidents/2022/2022-03-29-dmytrivka-x.yaml")
    git(root, "commit", "-q", "-m", "Move records into folders by year", when="2024-03-04T10:00:00+00:00")
    (root / "README.md").write_text("not a record\n")
    git(root, "add", "README.md")
    git(root, "commit", "-q", "-m", "Add a readme", when="2024-04-05T10:00:00+00:00")
    return root


def test_one_git_log_gives_every_record_its_commits_across_a_rename(repo: Path):
    history = read_history(repo)
    assert list(history) == ["incidents/2022/2022-03-29-dmytrivka-x.yaml"]
    commits = history["incidents/2022/2022-03-29-dmytrivka-x.yaml"]
    assert [(c.date, c.subject) for c in commits] == [
        (dt.date(2024, 3, 4), "Move records into folders by year"),
        (dt.date(2024, 2, 4), "Correct the verification note"),  # 23:30 at UTC-2 is the 4th in UTC
        (dt.date(2024, 1, 2), "Add the Dmytrivka record"),
    ]
    assert [c.hash for c in commits] == git(repo, "log", "--format=%H", "--", "incidents").split("\n")


def test_an_archive_in_a_folder_of_a_larger_repository_gets_paths_relative_to_itself(tmp_path: Path):
    top = tmp_path / "repo"
    shutil.copytree(MINIMAL, top / "archive")
    (top / "incidents").mkdir()
    (top / "incidents" / "other.yaml").write_text("not this archive's\n")
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "Start", when="2024-05-06T10:00:00+00:00")
    history = read_history(top / "archive")
    assert list(history) == [RECORD] and history[RECORD][0].date == dt.date(2024, 5, 6)


def test_outside_a_repository_or_without_git_there_is_no_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    shutil.copytree(MINIMAL, tmp_path / "plain")
    assert read_history(tmp_path / "plain") == {}
    monkeypatch.setenv("PATH", str(tmp_path / "no-such-folder"))
    assert read_history(MINIMAL) == {}


def test_parse_log_follows_renames_and_keeps_each_commit_once():
    log = (
        f"{RECORD_SEP}c3{FIELD_SEP}2024-03-01T00:00:00+00:00{FIELD_SEP}Rename\n\nR090\tincidents/a.yaml\tincidents/b.yaml\n"
        f"{RECORD_SEP}c2{FIELD_SEP}2024-02-01T00:00:00+00:00{FIELD_SEP}Edit both\n\nM\tincidents/a.yaml\nM\tincidents/c.yaml\n"
        f"{RECORD_SEP}c1{FIELD_SEP}2024-01-01T00:00:00+00:00{FIELD_SEP}Add: a | b\n\nA\tincidents/a.yaml\n"
    )
    history = parse_log(log)
    assert [c.hash for c in history["incidents/b.yaml"]] == ["c3", "c2", "c1"]
    assert history["incidents/c.yaml"] == (Commit("c2", dt.date(2024, 2, 1), "Edit both"),)
    assert history["incidents/b.yaml"][-1].subject == "Add: a | b"
    assert "incidents/a.yaml" not in history


def test_the_incident_page_shows_first_published_last_updated_and_every_commit(repo: Path, tmp_path: Path):
    config = repo / "archive.yaml"
    config.write_text(config.read_text() + "repository: https://git.example/org/archive\n")
    out = tmp_path / "site"
    build_site(repo, out)
    page = (out / "incidents" / "2022-03-29-dmytrivka-x" / "index.html").read_text()
    assert '<dt>First published</dt><dd><time datetime="2024-01-02">2 January 2024</time>' in page
    assert '<dt>Last updated</dt><dd><time datetime="2024-03-04">4 March 2024</time>' in page
    hashes = git(repo, "log", "--format=%H", "--", "incidents").split("\n")
    links = re.findall(r'<a href="https://git\.example/org/archive/commit/([0-9a-f]{40})">', page)
    assert links == hashes
    assert "4 February 2024</time>: Correct the verification note" in page
    assert ", last updated 2024-03-04." in page  # in the suggested citation
    bib = (out / "incidents" / "2022-03-29-dmytrivka-x" / "record.bib").read_text()
    assert "  year = {2024},\n  date = {2024-03-04},\n" in bib
    feed = (out / "feed.xml").read_text()
    assert "<published>2024-01-02T00:00:00Z</published>" in feed and "<updated>2024-03-04T00:00:00Z</updated>" in feed


def test_without_a_repository_setting_commits_are_listed_without_links(repo: Path, tmp_path: Path):
    out = tmp_path / "site"
    build_site(repo, out)
    page = (out / "incidents" / "2022-03-29-dmytrivka-x" / "index.html").read_text()
    assert 'id="h-history"' in page and "/commit/" not in page
    assert page.count("<li><time") == 3


def test_without_git_the_page_has_no_history_section(tmp_path: Path):
    root = tmp_path / "plain"
    shutil.copytree(MINIMAL, root)
    build_site(root, tmp_path / "site")
    page = (tmp_path / "site" / "incidents" / "2022-03-29-dmytrivka-x" / "index.html").read_text()
    assert "h-history" not in page and "First published" not in page and "Last updated" not in page
