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
from warcrime_archive.catalog import history as history_module
from warcrime_archive.catalog.history import (
    FIELD_SEP,
    RECORD_SEP,
    Change,
    Commit,
    parse_log,
    public_changes,
    read_history,
    shallow_clone,
)
from warcrime_archive.model.dates import PartialDate
from warcrime_archive.problems import ArchiveError, Severity

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
    assert [c.date for c in commits] == [
        dt.date(2024, 3, 4),
        dt.date(2024, 2, 4),  # 23:30 at UTC-2 is the 4th in UTC
        dt.date(2024, 1, 2),
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
        f"{RECORD_SEP}c3{FIELD_SEP}2024-03-01T00:00:00+00:00\n\nR090\tincidents/a.yaml\tincidents/b.yaml\n"
        f"{RECORD_SEP}c2{FIELD_SEP}2024-02-01T00:00:00+00:00\n\nM\tincidents/a.yaml\nM\tincidents/c.yaml\n"
        f"{RECORD_SEP}c1{FIELD_SEP}2024-01-01T00:00:00+00:00\n\nA\tincidents/a.yaml\n"
    )
    history = parse_log(log)
    assert [c.hash for c in history["incidents/b.yaml"]] == ["c3", "c2", "c1"]
    assert history["incidents/c.yaml"] == (Commit("c2", dt.date(2024, 2, 1)),)
    assert "incidents/a.yaml" not in history


def test_git_is_asked_for_hashes_dates_and_paths_only(repo: Path, monkeypatch: pytest.MonkeyPatch):
    """Neither the subject, the body nor the author of a commit is even read: they cannot leak."""
    asked: list[list[str]] = []
    real = history_module.subprocess.run

    def spy(command, **kw):
        asked.append(list(command))
        return real(command, **kw)

    monkeypatch.setattr(history_module.subprocess, "run", spy)
    read_history(repo)
    (command,) = asked
    (fmt,) = [a for a in command if a.startswith(("--format", "--pretty"))]
    assert re.sub(r"%[Hc]I?|%x1[ef]|[\x1e\x1f]", "", fmt.removeprefix("--format=")) == ""
    assert {"%H", "%cI"} <= set(re.findall(r"%\w+", fmt))
    assert not any(a in ("-p", "--patch", "--stat", "--notes") or a.startswith("--pretty") for a in command)


def test_the_incident_page_shows_dates_and_kinds_of_change_never_commit_messages(repo: Path, tmp_path: Path):
    config = repo / "archive.yaml"
    config.write_text(config.read_text() + "repository: https://git.example/org/archive\n")
    out = tmp_path / "site"
    build_site(repo, out)
    page = (out / "incidents" / "2022-03-29-dmytrivka-x" / "index.html").read_text()
    assert '<dt>First published</dt><dd><time datetime="2024-01-02">2 January 2024</time>' in page
    assert '<dt>Last updated</dt><dd><time datetime="2024-03-04">4 March 2024</time>' in page
    history = page[page.index('id="h-history"') : page.index("</section>", page.index('id="h-history"'))]
    assert re.findall(r"<li>(.*?)</li>", history) == [
        '<time datetime="2024-03-04">4 March 2024</time>: Updated.',
        '<time datetime="2024-02-04">4 February 2024</time>: Updated.',
        '<time datetime="2024-01-02">2 January 2024</time>: First published.',
    ]
    for subject in ("Add the Dmytrivka record", "Correct the verification note", "Move records into folders"):
        assert subject not in page
    assert "/commit/" not in page  # links to commits only when the archive opts in
    assert ", last updated 2024-03-04." in page  # in the suggested citation
    bib = (out / "incidents" / "2022-03-29-dmytrivka-x" / "record.bib").read_text()
    assert "  year = {2024},\n  date = {2024-03-04},\n" in bib
    feed = (out / "feed.xml").read_text()
    assert "<published>2024-01-02T00:00:00Z</published>" in feed and "<updated>2024-03-04T00:00:00Z</updated>" in feed


def test_an_archive_with_a_public_repository_may_link_each_change_to_its_commit(repo: Path, tmp_path: Path):
    config = repo / "archive.yaml"
    config.write_text(config.read_text() + "repository: https://git.example/org/archive\ncommit_links: true\n")
    out = tmp_path / "site"
    build_site(repo, out)
    page = (out / "incidents" / "2022-03-29-dmytrivka-x" / "index.html").read_text()
    hashes = git(repo, "log", "--format=%H", "--", "incidents").split("\n")
    links = re.findall(r'<a href="https://git\.example/org/archive/commit/([0-9a-f]{40})">', page)
    assert links == hashes
    assert "Move records into folders" not in page


def test_corrections_show_in_the_history_with_their_public_note(repo: Path, tmp_path: Path):
    path = repo / "incidents" / "2022" / "2022-03-29-dmytrivka-x.yaml"
    path.write_text(
        path.read_text() + "corrections:\n  - {date: '2024-05-06', note: The count was revised., sources: [a]}\n"
    )
    git(
        repo,
        "commit",
        "-q",
        "-am",
        "Per call with witness Zqwitnesszq, revise the count",
        when="2024-05-06T09:00:00+00:00",
    )
    out = tmp_path / "site"
    build_site(repo, out)
    page = (out / "incidents" / "2022-03-29-dmytrivka-x" / "index.html").read_text()
    assert '<time datetime="2024-05-06">6 May 2024</time>: Corrected: The count was revised.</li>' in page
    history = page[page.index('id="h-history"') :]
    assert history.count("6 May 2024</time>:") == 1  # the commit of that day needs no line of its own
    assert "Zqwitnesszq" not in page


def test_public_changes_fold_a_day_into_its_correction_and_updates_into_one_a_day():
    day = lambda d: Commit(f"{d:040d}", dt.date(2024, 1, d))  # noqa: E731
    commits = (day(9), day(9), day(5), day(3), day(3), day(1))  # newest first, as git gives them
    changes = public_changes(commits, [(PartialDate(2024, 1, 5), "Fixed the date.")])
    assert [(c.date.iso(), c.kind, c.note, len(c.commits)) for c in changes] == [
        ("2024-01-09", "updated", "", 2),
        ("2024-01-05", "corrected", "Fixed the date.", 0),
        ("2024-01-03", "updated", "", 2),
        ("2024-01-01", "published", "", 1),
    ]
    each = public_changes(commits, [], each_commit=True)
    assert [c.kind for c in each] == ["updated"] * 5 + ["published"]
    assert public_changes(commits[-1:], [], (PartialDate(2024, 2), "Duplicate.")) == (
        Change(PartialDate(2024, 2), "withdrawn", "Duplicate."),
        Change(PartialDate(2024, 1, 1), "published", "", (day(1),)),
    )


def shallow_copy(repo: Path, tmp_path: Path) -> Path:
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    assert git(clone, "rev-parse", "--is-shallow-repository") == "true"
    return clone


def test_a_build_from_a_shallow_clone_fails_in_ci(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    clone = shallow_copy(repo, tmp_path)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(ArchiveError) as caught:
        build_site(clone, tmp_path / "site")
    assert [p.text() for p in caught.value.problems] == [
        ".git:1:1: the repository is a shallow clone: its history is cut short, so every record would look first "
        "published on the day of its last commit; the site is not built in CI from a shallow clone (fetch the whole "
        "history (`git fetch --unshallow`; in GitHub Actions, `fetch-depth: 0` on the checkout))"
    ]
    assert not (tmp_path / "site").exists()


def test_a_build_from_a_shallow_clone_warns_locally(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    clone = shallow_copy(repo, tmp_path)
    monkeypatch.delenv("CI", raising=False)
    result = build_site(clone, tmp_path / "site")
    assert result.warnings[0].severity is Severity.WARNING
    assert result.warnings[0].message.startswith("the repository is a shallow clone")
    # A full clone, an archive outside git, or a build without history: nothing to say.
    monkeypatch.setenv("CI", "true")
    assert shallow_clone(repo) is None and shallow_clone(MINIMAL.parent.parent) is None
    build_site(clone, tmp_path / "nohistory", history=False)


def test_without_git_the_page_has_no_history_section(tmp_path: Path):
    root = tmp_path / "plain"
    shutil.copytree(MINIMAL, root)
    build_site(root, tmp_path / "site")
    page = (tmp_path / "site" / "incidents" / "2022-03-29-dmytrivka-x" / "index.html").read_text()
    assert "h-history" not in page and "First published" not in page and "Last updated" not in page
