"""The write stage: a site is written beside the output and swapped in whole, or not at all."""

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from repo_paths import REPO

from warcrime_archive.write.output import check_output
from warcrime_archive.write.staging import Staging


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def write_site(out: Path, files: dict[str, str], static_dirs: list[Path]) -> int:
    """Every file written into a staging folder beside `out`, then swapped in: the file count."""
    with Staging(out) as staging:
        staging.copy_static(static_dirs)
        for relative, content in files.items():
            staging.put(relative, content)
        return staging.commit()


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


def test_a_previous_build_or_an_empty_folder_is_accepted(tmp_path):
    root = tmp_path / "archive"
    (root / "incidents").mkdir(parents=True)
    out = tmp_path / "site"
    write_site(out, {"index.html": "one", "incidents/x/index.html": "x"}, [])
    assert check_output(root, out) == []
    (tmp_path / "empty").mkdir()
    assert check_output(root, tmp_path / "empty") == []


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


def test_a_text_put_in_parts_is_the_same_file_as_put_whole(tmp_path):
    text = ["[\n", '  "caf\u00e9 \u0627\u0644",\n', "  2\n", "]\n"]
    calls = []

    def parts():
        calls.append(1)
        return iter(text)

    entries = {}
    for how in ("whole", "parts"):
        with Staging(tmp_path / how) as staging:
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
