"""The live preview, over real HTTP on 127.0.0.1: pages under the sub-path, rebuilds and reload events
after an edit, the error page for a broken record and the recovery, the command line and Ctrl-C, and a
page in chromium that reloads by itself."""

from __future__ import annotations

import dataclasses
import html
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import chromium
from repo_paths import MINIMAL
from test_i18n import PSEUDO, write_pseudo_catalog

from warcrime_archive import layout
from warcrime_archive.commands import serve
from warcrime_archive.problems import Problem, Severity

# Every test starts the preview and builds in it (about 1-2 s each).
pytestmark = pytest.mark.slow

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"
PAGE = "incidents/2022-03-29-dmytrivka-x/"
TITLE = "Wounded captured soldier shot near Dmytrivka"
HEADLINE = f"Alleged: {TITLE} (grade: Verified)"
"""The page's title: the record's title, alleged, with its grade."""
BROKEN = (
    "incidents/2022-03-29-dmytrivka-x.yaml:3:11: category: 'killings' is not one of the categories in "
    "archive.yaml (did you mean 'killing'?)"
)
SCRIPT = re.compile(r'<script src="/a/__serve__/reload\.js\?since=(\d+)" defer></script>\n</head>')


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return Path(shutil.copytree(MINIMAL, tmp_path / "archive"))


@contextmanager
def running(root: Path, base_url: str | None = None) -> Iterator[tuple[serve.Preview, list[str]]]:
    """The preview on a free port in a thread; always stopped, its folder removed."""
    lines: list[str] = []
    with serve.preview(root, host="127.0.0.1", port=0, base_url=base_url, say=lines.append) as (state, server):
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield state, lines
        finally:
            server.shutdown()
            thread.join(timeout=5)


def get(state: serve.Preview, path: str) -> tuple[int, http.client.HTTPResponse, str]:
    """GET a path exactly as written (no normalising, no following redirects)."""
    parts = urlsplit(state.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response, response.read().decode("utf-8")
    finally:
        connection.close()


def wait_until(condition: Callable[[], bool], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def edit(root: Path, old: str, new: str, name: str = RECORD) -> None:
    """Save as many editors do: write a new file beside the archive, then put it in place of the old one."""
    path = root / name
    text = path.read_text()
    assert old in text
    (root / ".saving").write_text(text.replace(old, new, 1))
    os.replace(root / ".saving", path)


def test_serves_the_site_under_its_sub_path_with_the_reload_script(root: Path):
    with running(root) as (state, lines):
        assert state.url.startswith("http://127.0.0.1:") and state.url.endswith("/a/")
        assert lines[-1] == "Built 36 pages from 1 records (0 errors, 1 warning in 1 file; 36 rendered)"
        status, _, body = get(state, "/a/")
        assert status == 200 and "<title>Test archive</title>" in body
        assert SCRIPT.search(body).group(1) == str(state.generation)
        status, _, body = get(state, "/a/" + PAGE)
        assert status == 200 and f"<title>{HEADLINE} · Test archive</title>" in body and SCRIPT.search(body)
        status, response, body = get(state, "/a/static/style.css")
        assert status == 200 and response.getheader("Content-Type") == "text/css; charset=utf-8"
        assert "__serve__" not in body
        status, response, body = get(state, "/a/__serve__/reload.js")
        assert status == 200 and response.getheader("Content-Type") == "text/javascript; charset=utf-8"
        assert body == (layout.DATA / "reload.js").read_text()
        for path, location in (("/", "/a/"), ("/a", "/a/"), ("/a/incidents", "/a/incidents/")):
            status, response, _ = get(state, path)
            assert (status, response.getheader("Location")) == (302, location), path


def test_serves_under_the_path_of_base_url(root: Path):
    with running(root, base_url="https://org.example/preview/x/") as (state, _):
        assert state.url.endswith("/preview/x/")
        assert get(state, "/preview/x/")[0] == 200
        assert get(state, "/a/")[0] == 404
        status, response, _ = get(state, "/")
        assert (status, response.getheader("Location")) == (302, "/preview/x/")


def test_serves_under_a_sub_path_with_spaces_and_accents(root: Path):
    with running(root, base_url="https://org.example/my%20archive/%C3%A9t%C3%A9/") as (state, _):
        assert state.url.endswith("/my%20archive/%C3%A9t%C3%A9/")
        status, _, body = get(state, "/my%20archive/%C3%A9t%C3%A9/")
        assert status == 200 and '<script src="/my%20archive/%C3%A9t%C3%A9/__serve__/reload.js?since=1" defer>' in body
        status, response, _ = get(state, "/my%20archive/%C3%A9t%C3%A9/incidents")
        assert (status, response.getheader("Location")) == (302, "/my%20archive/%C3%A9t%C3%A9/incidents/")


def test_an_unknown_address_gets_the_sites_404_page(root: Path):
    with running(root) as (state, _):
        for path in ("/a/no-such-page/", "/a/incidents/2099-01-01-nothing/", "/elsewhere/"):
            status, _, body = get(state, path)
            assert status == 404, path
            assert "<h1>Page not found</h1>" in body and 'href="/a/incidents/"' in body
            assert SCRIPT.search(body)


def test_never_serves_a_file_outside_the_build_folder(root: Path):
    with running(root) as (state, _):
        (state.folder / "secret.txt").write_text("SECRET")
        for path in (
            "/a/../secret.txt",
            "/a/%2e%2e/secret.txt",
            "/a/..%2fsecret.txt",
            "/a/static/../../secret.txt",
            "/a/../../../../../../etc/passwd",
            "/a//etc/passwd",
            "/a/%2fetc%2fpasswd",
            "/a/%00",
        ):
            status, _, body = get(state, path)
            assert status == 404, path
            assert "SECRET" not in body and "root:" not in body, path


def read_event(stream: http.client.HTTPResponse) -> str:
    """The next event's name and data, e.g. 'reload 2'; comments (keep-alives) are skipped."""
    event: list[str] = []
    while True:
        line = stream.fp.readline().decode().rstrip("\n")
        if line == "" and event:
            return " ".join(event)
        if line.startswith(("event: ", "data: ")):
            event.append(line.split(": ", 1)[1])


@contextmanager
def events(state: serve.Preview, since: int) -> Iterator[http.client.HTTPResponse]:
    parts = urlsplit(state.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", f"/a/__serve__/events?since={since}")
        response = connection.getresponse()
        assert response.status == 200
        assert response.getheader("Content-Type") == "text/event-stream; charset=utf-8"
        assert response.fp.readline() == b"retry: 1000\n"
        yield response
    finally:
        connection.close()


def test_an_edit_rebuilds_the_page_and_sends_a_reload_event(root: Path):
    with running(root) as (state, lines):
        assert state.generation == 1
        with events(state, since=1) as stream:
            edit(root, f"title: {TITLE}", "title: Captured soldier shot near Dmytrivka, retitled")
            assert read_event(stream) == "reload 2"
        assert "Changed: " + RECORD in lines
        built = [line for line in lines if line.startswith("Built ")]
        assert built[-1].endswith(" rendered)") and int(built[-1].split("; ")[-1].split()[0]) < 32  # incremental
        status, _, body = get(state, "/a/" + PAGE)
        assert (
            status == 200
            and "<title>Alleged: Captured soldier shot near Dmytrivka, retitled (grade: Verified) · Test archive</title>"
            in body
        )
        assert SCRIPT.search(body).group(1) == "2"
        # a page from an older build gets its reload at once, even if it connects late
        with events(state, since=1) as stream:
            assert read_event(stream) == "reload 2"


def test_a_rebuild_leaves_nothing_of_the_archive_behind(root: Path):
    """Each build leaves reference cycles (Jinja's environment, each page's render context) holding records'
    models; the preview collects them after each rebuild instead of carrying them into the next ones. With
    the automatic collector off, no model is left after a rebuild, the first or an incremental one."""
    import gc

    from warcrime_archive.model.record import Incident

    def models() -> int:
        return sum(1 for o in gc.get_objects() if isinstance(o, Incident))

    lines: list[str] = []
    was = gc.isenabled()
    gc.collect()  # what earlier tests left for the collector
    gc.disable()
    state = serve.Preview(root, None, lines.append)
    try:
        before = models()
        state.rebuild()
        assert lines[-1].startswith("Built 36 pages") and models() == before
        edit(root, f"title: {TITLE}", "title: Captured soldier shot near Dmytrivka, retitled")
        state.rebuild()
        assert lines[-1].endswith(" rendered)") and " 32 rendered" not in lines[-1]  # incremental
        assert models() == before
    finally:
        if was:
            gc.enable()
        shutil.rmtree(state.folder, ignore_errors=True)


def test_every_save_of_archive_yaml_and_a_new_template_folder_rebuild(root: Path):
    with running(root) as (state, lines):
        for n, title in enumerate(("Renamed archive", "Renamed again"), start=2):
            edit(root, "title: Test archive" if n == 2 else "title: Renamed archive", f"title: {title}", "archive.yaml")
            wait_until(lambda n=n: state.generation == n)
            assert get(state, "/a/")[2].count(f"<title>{title}</title>") == 1
        (root / "notes.txt").write_text("not part of the archive")
        (root / "templates").mkdir()
        (root / "templates" / "404.html").write_text(
            '{% extends "base.html" %}{% block main %}<h1>Nothing here</h1>{% endblock %}'
        )
        wait_until(lambda: "<h1>Nothing here</h1>" in get(state, "/a/missing/")[2])
        assert get(state, "/a/missing/")[0] == 404
        changed = [line for line in lines if line.startswith("Changed: ")]
        assert changed[:2] == ["Changed: archive.yaml"] * 2 and changed[2].startswith("Changed: templates")
        assert not any("notes.txt" in line or ".saving" in line for line in lines)


def test_an_edited_translation_rebuilds_the_preview(root: Path):
    """locales/ is one of the archive's folders (`layout.FOLDERS`): a translator sees their edit at once."""
    catalog = root / "locales" / "de" / "LC_MESSAGES" / "messages.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "All incidents"\nmsgstr "Alle Vorfälle"\n',
        "utf-8",
    )
    edit(root, "title: Test archive", "title: Test archive\nlanguage: de", "archive.yaml")
    with running(root) as (state, lines):
        assert "<h1>Alle Vorfälle</h1>" in get(state, "/a/incidents/")[2]
        edit(root, 'msgstr "Alle Vorfälle"', 'msgstr "Sämtliche Vorfälle"', "locales/de/LC_MESSAGES/messages.po")
        wait_until(lambda: state.generation == 2)
        assert "<h1>Sämtliche Vorfälle</h1>" in get(state, "/a/incidents/")[2]
        assert "Changed: locales/de/LC_MESSAGES/messages.po" in lines


def test_a_broken_record_gets_an_error_page_and_the_preview_recovers_when_fixed(root: Path):
    with running(root) as (state, lines):
        edit(root, "category: killing", "category: killings")
        wait_until(lambda: state.generation == 2)
        assert lines[-2:] == [BROKEN, "1 error, 0 warnings in 1 file; the preview shows them until they are fixed"]
        for path in ("/a/", "/a/" + PAGE, "/a/no-such-page/"):
            status, _, body = get(state, path)
            assert status == 500, path
            assert (
                "<title>The archive has problems: 1 error, 0 warnings in 1 file · warcrime-archive serve</title>"
                in body
            )
            assert f"<pre>{html.escape(BROKEN)}</pre>" in body
            assert SCRIPT.search(body).group(1) == "2"
        assert get(state, "/a/static/style.css")[0] == 200  # the error page keeps its style
        with events(state, since=2) as stream:
            edit(root, "category: killings", "category: killing")
            assert read_event(stream) == "reload 3"
        status, _, body = get(state, "/a/" + PAGE)
        assert status == 200 and f"<title>{HEADLINE} · Test archive</title>" in body


def test_an_archive_broken_from_the_start_is_served_as_an_error_page_until_fixed(root: Path):
    edit(root, "category: killing", "category: killings")
    with running(root) as (state, lines):
        assert lines == [BROKEN, "1 error, 0 warnings in 1 file; the preview shows them until they are fixed"]
        assert get(state, "/a/")[0] == 500
        edit(root, "category: killings", "category: killing")
        wait_until(lambda: state.generation == 2)
        assert get(state, "/a/")[0] == 200


def test_a_bug_while_rebuilding_keeps_the_last_good_site_with_a_notice(root: Path, monkeypatch: pytest.MonkeyPatch):
    with running(root) as (state, lines):

        def broken_build(*args: object, **kwargs: object) -> None:
            raise RuntimeError("a bug in the build")

        monkeypatch.setattr(serve, "rebuild", broken_build)
        edit(root, f"title: {TITLE}", "title: Captured soldier shot near Dmytrivka, retitled")
        wait_until(lambda: state.generation == 2)
        assert lines[-2].startswith("Traceback (most recent call last):")
        assert lines[-2].endswith("RuntimeError: a bug in the build")
        assert lines[-1].startswith("This is a bug in warcrime-archive, not a problem with your archive")
        status, _, body = get(state, "/a/" + PAGE)
        assert status == 200 and f"<title>{HEADLINE} · Test archive</title>" in body
        assert 'role="alert"><strong>Rebuilding failed with a bug in warcrime-archive</strong>' in body
        monkeypatch.undo()
        edit(root, "category: killing", "category: killing")  # saved again, unchanged
        wait_until(lambda: state.generation == 3)
        status, _, body = get(state, "/a/" + PAGE)
        assert "retitled" in body and 'role="alert"' not in body


def run_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "warcrime_archive", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_the_command_serves_on_a_free_port_and_stops_cleanly_on_ctrl_c(root: Path, stop: signal.Signals):
    process = run_cli("--root", str(root), "--port", "0")
    try:
        first: list[str] = []
        reader = threading.Thread(target=lambda: first.append(process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout=30)
        match = re.fullmatch(
            r"Serving (http://127\.0\.0\.1:(\d+)/a/) \(built in (.+)\); press Ctrl-C to stop\n", first[0]
        )
        assert match and match.group(2) != "0"
        folder = Path(match.group(3))
        assert (folder / "site" / "index.html").is_file()
        connection = http.client.HTTPConnection("127.0.0.1", int(match.group(2)), timeout=10)
        connection.request("GET", "/a/")
        assert connection.getresponse().status == 200
        connection.close()
        process.send_signal(stop)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert out == "Stopped.\n"
    assert "Built 36 pages from 1 records" in err and "Traceback" not in err
    assert not folder.exists()


def test_the_command_refuses_a_port_in_use(root: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = run_cli("--root", str(root), "--port", str(port))
        out, err = process.communicate(timeout=30)
    assert process.returncode == 1
    assert out == ""
    assert err.endswith(f"--port: cannot serve on 127.0.0.1:{port}: Address already in use\n")


def test_a_built_site_has_no_trace_of_the_preview(sample_site: Path):
    files = [p for p in sample_site.rglob("*") if p.is_file()]
    assert len(files) > 50
    for path in files:
        data = path.read_bytes()
        assert b"__serve__" not in data and b"reload.js" not in data and b"EventSource" not in data, path


def test_an_open_page_reloads_by_itself_after_an_edit_and_after_a_fix(root: Path):
    with running(root) as (state, _), chromium() as browser:
        page = browser.new_page()
        refused: list[str] = []
        page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
        failed: set[tuple[int, str]] = set()
        page.on("response", lambda r: failed.add((r.status, urlsplit(r.url).path)) if r.status >= 400 else None)
        page.goto(state.url + PAGE)
        assert page.title() == f"{HEADLINE} · Test archive"
        page.wait_for_function("() => document.readyState === 'complete'")
        time.sleep(0.5)  # let the page open its event stream
        edit(root, f"title: {TITLE}", "title: Captured soldier shot near Dmytrivka, retitled")
        page.wait_for_function("() => document.title.includes('retitled')", timeout=20000)
        edit(root, "category: killing", "category: killings")
        page.wait_for_function("() => document.title.startsWith('The archive has problems')", timeout=20000)
        assert page.locator("pre").inner_text() == BROKEN
        edit(root, "category: killings", "category: killing")
        page.wait_for_function("() => document.title.includes('retitled')", timeout=20000)
        assert refused == []  # the reload script and its event stream pass the Content-Security-Policy
        # the error page, and perhaps chromium's own guess at an icon
        assert failed - {(404, "/favicon.ico")} == {(500, "/a/" + PAGE)}


def test_a_bug_in_the_first_build_is_an_error_page_with_the_traceback(root: Path, monkeypatch: pytest.MonkeyPatch):
    def broken_build(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a <bug> in the build")

    monkeypatch.setattr(serve, "rebuild", broken_build)
    with running(root) as (state, lines):
        assert lines[0].endswith("RuntimeError: a <bug> in the build")
        status, _, body = get(state, "/a/")
        assert status == 500
        assert "<h1>warcrime-archive hit a bug while building</h1>" in body
        assert "RuntimeError: a &lt;bug&gt; in the build\n</pre>" in body
        assert SCRIPT.search(body).group(1) == "1"


def test_the_error_page_and_the_bug_notice_are_in_the_sites_language(root: Path, monkeypatch: pytest.MonkeyPatch):
    write_pseudo_catalog(root)
    (root / "archive.yaml").write_text((root / "archive.yaml").read_text("utf-8") + f"language: {PSEUDO}\n", "utf-8")
    edit(root, "category: killing", "category: killings")
    with running(root) as (state, lines):
        status, _, body = get(state, "/a/")
        assert status == 500 and '<html lang="qps">' in body
        counts = "⟦⟦1 error⟧, ⟦0 warnings⟧ in ⟦1 file⟧⟧"
        assert f"<title>⟦The archive has problems: {counts}⟧ · warcrime-archive serve</title>" in body
        assert "<p>⟦The site cannot be built until they are fixed." in body
        assert f"<pre>{html.escape(BROKEN)}</pre>" in body  # problems read as the terminal prints them
        edit(root, "category: killings", "category: killing")
        wait_until(lambda: state.generation == 2)

        def broken_build(*args: object, **kwargs: object) -> None:
            raise RuntimeError("a bug in the build")

        monkeypatch.setattr(serve, "rebuild", broken_build)
        edit(root, f"title: {TITLE}", "title: Captured soldier shot near Dmytrivka, retitled")
        wait_until(lambda: state.generation == 3)
        body = get(state, "/a/" + PAGE)[2]
        assert 'role="alert">⟦<strong>Rebuilding failed with a bug in warcrime-archive</strong> (the traceback' in body


def test_the_error_page_is_in_english_when_archive_yaml_names_a_language_without_a_catalog(root: Path):
    (root / "archive.yaml").write_text((root / "archive.yaml").read_text("utf-8") + "language: xx\n", "utf-8")
    with running(root) as (state, lines):
        status, _, body = get(state, "/a/")
        assert status == 500 and '<html lang="en">' in body
        assert "<title>The archive has problems: 1 error, 1 warning in 2 files · warcrime-archive serve</title>" in body
        assert "language: there is no interface translation for &#x27;xx&#x27;" in body


def test_the_error_page_lists_the_errors_first_and_each_kind_of_warning_once(root: Path):
    errors = [Problem(f"incidents/e{i}.yaml", 3, 11, "category", f"bad {i}") for i in range(3)]
    warning = Problem("incidents/w.yaml", 12, 18, "sources[0].url", "no copy", severity=Severity.WARNING)
    many = [dataclasses.replace(warning, path=f"incidents/w{i:04}.yaml") for i in range(1000)]
    with running(root) as (state, _lines):
        page = state.error_page(many + errors, "", 1).decode()
    text = html.unescape(page.split("<pre>")[1].split("</pre>")[0]).splitlines()
    assert text[:3] == [e.text() for e in errors]
    assert text[3] == "1000 warnings like this (sources[].url): no copy"
    assert text[-1] == "  and 997 more (`validate --verbose` lists every one)"
    assert "3 errors, 1000 warnings in 1003 files" in page
