import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from repo_paths import REPO

from warcrime_archive.publish import search as search_index
from warcrime_archive.write import staging as write
from warcrime_archive.write.staging import check_output, exchange, write_site


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_write_swaps_in_a_complete_site(tmp_path):
    static = tmp_path / "static"
    static.mkdir()
    (static / "style.css").write_text("body{}")
    out = tmp_path / "build"
    write_site(out, {"index.html": "one", "a/index.html": "a"}, [static])
    assert (out / "index.html").read_text() == "one"
    write_site(out, {"index.html": "two"}, [static])
    assert (out / "index.html").read_text() == "two"
    assert not (out / "a").exists(), "files of the previous build do not linger"
    assert (out / "static" / "style.css").read_text() == "body{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "static"], "no staging folder is left behind"


def test_a_failed_write_leaves_the_previous_site(tmp_path):
    out = tmp_path / "build"
    write_site(out, {"index.html": "one"}, [])
    with pytest.raises(ValueError, match="leaves the output folder"):
        write_site(out, {"index.html": "two", "../escape.html": "x"}, [])
    assert (out / "index.html").read_text() == "one"
    assert not (tmp_path / "escape.html").exists()


def test_output_folder_checks(tmp_path):
    (tmp_path / "incidents").mkdir()
    assert check_output(tmp_path, tmp_path / "build") == []
    assert [p.message for p in check_output(tmp_path, tmp_path)] == [
        "the output folder may not be the archive or hold it"
    ]
    assert [p.message for p in check_output(tmp_path, tmp_path.parent)] == [
        "the output folder may not be the archive or hold it"
    ]
    assert [p.message for p in check_output(tmp_path, tmp_path / "incidents" / "x")] == [
        "the output folder may not be inside incidents/"
    ]


@pytest.mark.parametrize("holding", ["archive.yaml", ".git/HEAD", "incidents/2022-01-01-x.yaml"])
def test_an_output_folder_holding_records_or_a_repository_is_refused(tmp_path, holding):
    root = tmp_path / "archive"
    (root / "incidents").mkdir(parents=True)
    other = tmp_path / "other-archive"
    (other / holding).parent.mkdir(parents=True, exist_ok=True)
    (other / holding).write_text("x")
    assert [p.text() for p in check_output(root, other)] == [
        f"{other}:1:1: --out: the output folder holds records or a repository, and a build replaces it whole "
        "(give an empty folder or the previous build's)"
    ]
    assert (other / holding).read_text() == "x"


def test_a_previous_build_or_an_empty_folder_is_accepted(tmp_path):
    root = tmp_path / "archive"
    (root / "incidents").mkdir(parents=True)
    out = tmp_path / "site"
    write_site(out, {"index.html": "one", "incidents/x/index.html": "x"}, [])
    assert check_output(root, out) == []
    (tmp_path / "empty").mkdir()
    assert check_output(root, tmp_path / "empty") == []


def test_an_output_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "out.html").write_text("x")
    assert [p.text() for p in check_output(tmp_path / "archive", tmp_path / "out.html")] == [
        f"{tmp_path / 'out.html'}:1:1: --out: exists and is not a folder"
    ]


def test_folders_are_exchanged_in_one_step(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "f").write_text("in a")
    (b / "f").write_text("in b")
    assert exchange(a, b) is True
    assert ((a / "f").read_text(), (b / "f").read_text()) == ("in b", "in a")


def test_without_an_atomic_exchange_the_swap_still_completes(tmp_path, monkeypatch):
    monkeypatch.setattr(write, "exchange", lambda a, b: False)
    out = tmp_path / "build"
    write_site(out, {"index.html": "one"}, [])
    write_site(out, {"index.html": "two"}, [])
    assert tree(out) == {"index.html": b"two"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_staging_folders_of_killed_builds_are_removed_by_the_next_build(tmp_path):
    out = tmp_path / "build"
    write_site(out, {"index.html": "one"}, [])
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    for name in (f".build.new-{pid}", f".build.old-{pid}"):
        (tmp_path / name / "incidents").mkdir(parents=True)
    (tmp_path / ".other.new-1").mkdir()  # not ours: left alone
    write_site(out, {"index.html": "two"}, [])
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.new-1", "build"]


@pytest.mark.slow
def test_a_build_killed_at_any_moment_leaves_the_previous_site_whole(tmp_path):
    """Run the real command and SIGKILL it after random delays; build/ must always be the last good site."""
    root = tmp_path / "archive"
    root.mkdir()
    shutil.copy(REPO / "archive.yaml", root / "archive.yaml")
    for name in ("incidents", "pages"):
        shutil.copytree(REPO / name, root / name)
    out = tmp_path / "build"
    command = [sys.executable, "-m", "warcrime_archive", "build", "--root", str(root), "--out", str(out)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795305600"}
    subprocess.run(command, check=True, capture_output=True, env=env)
    good = tree(out)
    assert len(good) > 50
    # A change the killed builds would publish, so that a half-swapped site would show.
    record = next((root / "incidents").glob("*.yaml"))
    record.write_text(record.read_text().replace("title: ", "title: Changed ", 1))
    start = time.monotonic()
    finished = subprocess.run(command, check=True, capture_output=True, env=env)
    duration = time.monotonic() - start
    assert finished.returncode == 0
    changed = tree(out)
    assert changed != good
    rng = random.Random(5)
    kills = attempts = 0
    while kills < 12 and attempts < 30:  # bounded: at most 30 builds
        attempts += 1
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        time.sleep(rng.uniform(0.05, duration))
        process.send_signal(signal.SIGKILL)
        if process.wait() == -signal.SIGKILL:
            kills += 1
        else:  # it finished first (the machine was quicker than the first build): aim earlier
            duration *= 0.8
        assert tree(out) == changed, "a killed build damaged the previous site"
    assert kills >= 8, f"only {kills} of {attempts} builds were killed before they finished"
    subprocess.run(command, check=True, capture_output=True, env=env)
    assert tree(out) == changed
    # the cache and the spare (the previous site, which the next build starts from) are kept, nothing else
    names = sorted(p.name for p in tmp_path.iterdir())
    assert [n for n in names if n not in (".build.cache", ".build.spare")] == ["archive", "build"], "leftovers"


@pytest.mark.parametrize("relative", ["/etc/x.html", "a/../../x.html", "a/b/../../../x.html"])
def test_every_way_out_of_the_output_folder_is_refused(tmp_path, relative):
    with pytest.raises(ValueError, match="leaves the output folder"):
        write_site(tmp_path / "build", {relative: "x"}, [])
    assert not (tmp_path / "x.html").exists()


def test_unusual_paths_that_stay_inside_are_written_where_they_point(tmp_path):
    write_site(tmp_path / "build", {"a/./b.html": "1", "c//d.html": "2", "e/../f.html": "3"}, [])
    assert [(tmp_path / "build" / p).read_text() for p in ("a/b.html", "c/d.html", "f.html")] == ["1", "2", "3"]


def _staged(staging: write.Staging) -> dict[str, int]:
    return {
        p.relative_to(staging.staging).as_posix(): p.stat().st_ino for p in staging.staging.rglob("*") if p.is_file()
    }


def test_kept_files_are_put_in_place_by_a_child_while_the_build_goes_on(
    sample_root, copy_archive, tmp_path, monkeypatch
):
    from warcrime_archive.build import MANIFEST, build_site, source_date_epoch

    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    build_site(root, out, history=False, cache=cache)
    manifest = cache / MANIFEST
    seen = {}
    for inline in (False, True):
        if inline:  # with another thread running, no fork: the files are linked before __enter__ returns
            monkeypatch.setattr(write.threading, "active_count", lambda: 2)
        with write.Staging(out, mtime=source_date_epoch(), manifest=manifest) as staging:
            assert (staging.filler is not None) is not inline
            staging.filled()  # what every method that needs the kept files does first: wait for the child
            assert staging.filler is None
            seen[inline] = (dict(staging.linked), sorted(staging.made), _staged(staging))
            assert staging.unchanged("index.html", staging.linked["index.html"][0])
            shutil.rmtree(staging.staging)
    assert seen[False] == seen[True]
    linked, _, files = seen[False]
    assert len(linked) == len(files) > 50
    # every kept file is a hard link to the output's
    assert all(files[path] == (out / path).stat().st_ino for path in files)


def test_a_text_put_in_parts_is_the_same_file_as_put_whole_and_is_kept_when_unchanged(tmp_path):
    text = ["[\n", '  "caf\u00e9 \u0627\u0644",\n', "  2\n", "]\n"]
    calls = []

    def parts():
        calls.append(1)
        return iter(text)

    out = tmp_path / "site"
    manifest = tmp_path / "cache" / "site.json"
    manifest.parent.mkdir()
    entries = {}
    for how in ("whole", "parts"):
        with write.Staging(tmp_path / how) as staging:
            if how == "whole":
                staging.put("data/a.json", "".join(text))
            else:
                staging.put_parts("data/a.json", parts)
            entries[how] = staging.files["data/a.json"]
            staging.commit()
        assert (tmp_path / how / "data/a.json").read_text() == "".join(text)
    assert len(calls) == 2  # once to know its digest, once to write it: never joined
    whole, in_parts = entries["whole"], entries["parts"]
    assert [whole[0], whole[1], whole[4], whole[5]] == [in_parts[0], in_parts[1], in_parts[4], in_parts[5]]

    # With a manifest, the same bytes in the next build keep the file (the same inode); other bytes replace it.
    inodes, kept = [], []
    for content in (text, text, ["[]\n"]):
        with write.Staging(out, manifest=manifest) as staging:
            staging.put_parts("data/a.json", lambda content=content: iter(content))
            kept.append(staging.files["data/a.json"] is staging.linked.get("data/a.json"))
            staging.commit()
        assert (out / "data/a.json").read_text() == "".join(content)
        inodes.append((out / "data/a.json").stat().st_ino)
    assert kept == [False, True, False]
    assert inodes[1] == inodes[0] != inodes[2]


def test_a_build_failing_before_it_writes_stops_the_child_and_leaves_no_staging_folder(
    sample_root, copy_archive, tmp_path
):
    from warcrime_archive.build import MANIFEST, build_site, source_date_epoch

    root = copy_archive(sample_root)
    out, cache = tmp_path / "site", tmp_path / "cache"
    build_site(root, out, history=False, cache=cache)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    with (
        pytest.raises(RuntimeError, match="planning failed"),
        write.Staging(out, mtime=source_date_epoch(), manifest=cache / MANIFEST) as staging,
    ):
        pid = staging.filler[0]
        raise RuntimeError("planning failed")
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # already reaped
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "cache", "site"]
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_the_search_index_links_only_marked_pages_here_and_indexes_them_in_another_thread(tmp_path, monkeypatch):
    """`Staging.start_index`: each shard, once its pages are in place, has its marked pages put in a scratch
    folder by the thread that writes (in the indexing thread, every file operation waited for the interpreter's
    lock) and is indexed in the other thread, one shard after the other; a shard with no marked page gets no
    index; after a failure the shards not reached are not indexed and no scratch folder is left; a build that
    fails while a shard is indexed waits for it, and drops the shards not begun. (Without the helper that
    `wait` adds for the shards still queued: see the next test.)"""
    monkeypatch.setattr(write.SearchIndex, "helpers", 0)
    marked = "<article data-pagefind-body>{}</article>"
    pages = {
        "incidents/a/index.html": marked.format("a"),
        "incidents/b/index.html": "<p>not marked</p>",
        "incidents/c/index.html": marked.format("c"),
        "incidents/d/index.html": "<p>not marked</p>",
        "incidents/e/index.html": marked.format("e"),
    }
    shards = [
        ("pagefind/a/", "k1", ["incidents/a/index.html", "incidents/b/index.html"]),
        ("pagefind/c/", "k2", ["incidents/c/index.html", "incidents/d/index.html"]),
        ("pagefind/d/", "k3", ["incidents/d/index.html"]),
        ("pagefind/e/", "k4", ["incidents/e/index.html"]),
    ]
    main = threading.get_ident()
    linked: list[tuple[list[str], bool]] = []

    def link(site: Path, marked_pages: list[str]) -> Path:
        linked.append((marked_pages, threading.get_ident() == main))
        return search_index.link_pages(site, marked_pages)

    def attempt(fail_at: str | None, slow: float = 0.0, build_fails: bool = False) -> tuple[list, list[str]]:
        ran: list[tuple[str, list[str]]] = []

        def run(site: Path, scratch: Path, subfolder: str) -> int:
            assert threading.get_ident() != main
            found = sorted(p.relative_to(scratch).as_posix() for p in scratch.rglob("*.html"))
            assert all((scratch / p).stat().st_ino == (site / p).stat().st_ino for p in found)  # hard links
            ran.append((subfolder, found))
            time.sleep(slow)
            shutil.rmtree(scratch)  # as index_linked, which removes its scratch folder whatever happens
            if subfolder == fail_at:
                raise RuntimeError("pagefind failed")
            (site / subfolder).mkdir(parents=True)
            (site / subfolder / "pagefind.js").write_text(subfolder)
            return 1

        linked.clear()
        left: list[str] = []
        try:
            with write.Staging(tmp_path / f"site-{fail_at}-{build_fails}") as staging:
                for relative, html in pages.items():
                    staging.put(relative, html)
                index = staging.start_index("pagefind", link, run)
                for subfolder, key, shard_pages in shards:
                    index.shard(subfolder, key, shard_pages)
                if build_fails:
                    raise KeyError("rendering failed")
                if fail_at is None:
                    index.wait()
                    assert {p for p in staging.files if p.startswith("pagefind/")} == {
                        "pagefind/a/pagefind.js",
                        "pagefind/c/pagefind.js",
                        "pagefind/e/pagefind.js",
                    }
                else:
                    with pytest.raises(RuntimeError, match="pagefind failed"):
                        index.wait()
                left = [p.name for p in staging.staging.iterdir() if p.name.startswith(".search-pages-")]
        except KeyError:
            assert build_fails
            assert not staging.staging.exists()
        return ran, left

    ran, left = attempt(None)
    assert ran == [
        ("pagefind/a/", ["incidents/a/index.html"]),
        ("pagefind/c/", ["incidents/c/index.html"]),
        ("pagefind/e/", ["incidents/e/index.html"]),
    ]
    assert [pages for pages, _ in linked] == [
        ["incidents/a/index.html"],
        ["incidents/c/index.html"],
        ["incidents/e/index.html"],
    ]
    assert all(in_main for _, in_main in linked) and left == []
    ran, left = attempt("pagefind/c/")
    assert [subfolder for subfolder, _ in ran] == ["pagefind/a/", "pagefind/c/"]
    assert len(linked) == 3 and left == []  # the scratch folder of the shard not reached (e) is removed too
    ran, _ = attempt(None, slow=0.3, build_fails=True)
    assert [subfolder for subfolder, _ in ran] == ["pagefind/a/"]


@pytest.mark.slow
def test_shards_still_queued_when_the_build_waits_are_indexed_by_two_threads(tmp_path):
    """`SearchIndex.wait`: the writing is done, so a second thread indexes the shards still queued beside the
    first; every shard is made once, and a failure in either thread is raised, with no scratch folder left."""
    pages = {f"incidents/{name}/index.html": f"<article data-pagefind-body>{name}</article>" for name in "abcd"}

    def attempt(fail_at: str | None) -> tuple[list[tuple[str, int, float, float]], list[str]]:
        ran: list[tuple[str, int, float, float]] = []

        def run(site: Path, scratch: Path, subfolder: str) -> int:
            start = time.monotonic()
            time.sleep(0.4)
            shutil.rmtree(scratch)
            ran.append((subfolder, threading.get_ident(), start, time.monotonic()))
            if subfolder == fail_at:
                raise RuntimeError("pagefind failed")
            (site / subfolder).mkdir(parents=True)
            (site / subfolder / "pagefind.js").write_text(subfolder)
            return 1

        with write.Staging(tmp_path / f"site-{fail_at}") as staging:
            for relative, html in pages.items():
                staging.put(relative, html)
            index = staging.start_index("pagefind", search_index.link_pages, run)
            for n, page in enumerate(pages):
                index.shard(f"pagefind/{n}/", f"k{n}", [page])
            if fail_at is None:
                index.wait()
                assert {p for p in staging.files if p.startswith("pagefind/")} == {
                    f"pagefind/{n}/pagefind.js" for n in range(4)
                }
            else:
                with pytest.raises(RuntimeError, match="pagefind failed"):
                    index.wait()
            left = [p.name for p in staging.staging.iterdir() if p.name.startswith(".search-pages-")]
        return ran, left

    ran, left = attempt(None)
    assert sorted(subfolder for subfolder, *_ in ran) == [f"pagefind/{n}/" for n in range(4)] and left == []
    assert len({thread for _, thread, _, _ in ran}) == 2
    # the two threads indexed at the same time
    assert any(a[1] != b[1] and a[2] < b[3] and b[2] < a[3] for a in ran for b in ran)
    ran, left = attempt("pagefind/1/")
    assert "pagefind/1/" in [subfolder for subfolder, *_ in ran] and left == []
