"""The progress display: stage and pages per second on a terminal, nothing at all otherwise."""

from __future__ import annotations

import io
import subprocess
import sys

from repo_paths import MINIMAL

from warcrime_archive.build import build_site
from warcrime_archive.commands.progress import ProgressDisplay


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_it_shows_each_stage_and_pages_per_second(tmp_path):
    stream = Terminal()
    display = ProgressDisplay(stream, interval=0)
    build_site(MINIMAL, tmp_path / "out", progress=display)
    display.close()
    shown = stream.getvalue()
    for stage in ("load...", "catalog...", "plan...", "render: 0/36 pages"):
        assert "\r" + stage in shown
    assert "render: 36/36 pages, " in shown and " pages/s" in shown
    assert shown.endswith("\r")  # the status line is erased at the end


def test_not_a_terminal_stays_quiet(tmp_path):
    stream = io.StringIO()
    display = ProgressDisplay(stream, interval=0)
    build_site(MINIMAL, tmp_path / "out", progress=display)
    display.close()
    assert stream.getvalue() == ""


def test_redraws_are_throttled_but_the_last_count_is_shown():
    stream = Terminal()
    display = ProgressDisplay(stream, interval=60)
    for done in range(0, 1001, 100):
        display("render", done, 1000)
    assert stream.getvalue().count("\r") == 2
    assert "render: 1,000/1,000 pages" in stream.getvalue()


def test_the_command_prints_no_progress_when_stderr_is_a_pipe(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "warcrime_archive", "build", "--root", str(MINIMAL), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert "\r" not in done.stderr and "pages/s" not in done.stderr
    assert done.stderr.startswith("incidents/")  # straight to the warnings
