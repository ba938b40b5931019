"""Live preview: build into a temporary folder, serve it on this machine, rebuild on change, reload the browser.

The site is built by `incremental.rebuild`, exactly as `build` does. The reload script (data/reload.js) is
added to HTML responses by this server only, so it never reaches a built site.
"""

from __future__ import annotations

import gc
import gettext as gettext_module
import html
import http.server
import mimetypes
import re
import shutil
import socket
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

import watchfiles

from warcrime_archive import i18n, layout
from warcrime_archive.commands import report
from warcrime_archive.i18n import gettext as _
from warcrime_archive.i18n import ngettext
from warcrime_archive.incremental.rebuild import rebuild
from warcrime_archive.problems import ArchiveError, Problem, Severity, display_path, summary
from warcrime_archive.validate.config import read_config

RESERVED = "__serve__/"
RELOAD_SCRIPT = layout.DATA / "reload.js"
HEARTBEAT = 10.0  # seconds between keep-alive comments on an idle event stream
ERROR_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'"


def problem_counts(problems: list[Problem]) -> str:
    """'1 error, 0 warnings in 1 file' (as `problems.summary` says it), in the active language."""
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    return _("%(errors)s, %(warnings)s in %(files)s") % {
        "errors": ngettext("%(num)d error", "%(num)d errors", errors) % {"num": errors},
        "warnings": ngettext("%(num)d warning", "%(num)d warnings", warnings) % {"num": warnings},
        "files": ngettext("%(num)d file", "%(num)d files", files) % {"num": files},
    }


class ServeError(Exception):
    """The preview cannot start (the port is taken, the host is unknown); the message says why."""


def sub_path(root: Path, base_url: str | None) -> str:
    """The path the preview is served under (decoded): that of --base-url, else archive.yaml's base_url, else '/'."""
    if not base_url:
        config, _ = read_config(root)
        base_url = config.base_url if config else "/"
    path = unquote(urlsplit(base_url).path) or "/"
    return path if path.endswith("/") else path + "/"


class _Watched(watchfiles.DefaultFilter):
    """Only archive.yaml and the files under the folders a build reads (`layout.FOLDERS`; no editor swap files)."""

    def __init__(self, root: Path):
        super().__init__()
        self.root = root

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        try:
            parts = Path(path).relative_to(self.root).parts
        except ValueError:
            return False
        return bool(parts) and parts[0] in layout.INPUTS and super().__call__(change, path)


class Preview:
    """The preview's state: the last good site, what is wrong now, and a count of rebuilds."""

    def __init__(self, root: Path, base_url: str | None, say: Callable[[str], None]):
        self.root = root
        self.base_url = base_url
        self.say = say
        self.sub = sub_path(root, base_url)
        self.folder = Path(tempfile.mkdtemp(prefix="warcrime-archive-serve-"))
        self.site = self.folder / "site"
        self.problems: list[Problem] = []
        self.bug = ""
        self.generation = 0
        self.lock = threading.Lock()  # held while the site is rebuilt, and while a file of it is read
        self.changed = threading.Condition()
        self.stopping = threading.Event()
        self.watching = threading.Event()
        self.url = ""

    def rebuild(self) -> None:
        """Build the site again; on failure keep the last good site and remember what went wrong."""
        with self.lock:
            problems: list[Problem] = []
            bug = ""
            try:
                # incremental: only the pages whose inputs changed are rendered again
                result = rebuild(self.root, self.site, base_url=self.base_url, cache=self.folder / "cache")
            except ArchiveError as exc:
                problems = exc.problems
                self.say("\n".join(report.text_lines(problems)))
                self.say(summary(problems) + "; the preview shows them until they are fixed")
            except Exception:  # a bug of ours: say so, and keep serving the last good site
                bug = traceback.format_exc()
                self.say(bug.rstrip())
                self.say(
                    "This is a bug in warcrime-archive, not a problem with your archive; "
                    "the preview keeps the last good site. Please report it with the traceback above."
                )
            else:
                if result.warnings:
                    self.say("\n".join(report.text_lines(result.warnings)))
                self.say(
                    f"Built {result.pages} pages from {result.records} records "
                    f"({summary(result.warnings)}; {result.rendered} rendered)"
                )
            with self.changed:
                self.problems, self.bug = problems, bug
                self.generation += 1
                self.changed.notify_all()
        # A build leaves reference cycles behind (Jinja's environment with its extensions, each page's render
        # context with its macros) holding parts of the archive, once the environment has let go of the rest
        # (`render.environment`). Only a full pass of the cyclic collector frees them, which may come several
        # builds later, in the middle of one; they are collected now, while the preview waits for the next change.
        gc.collect()

    def watch(self) -> None:
        """Rebuild whenever a watched file changes, until the preview stops; `watching` is set once ready.

        The whole archive folder is watched (and changes outside `layout.INPUTS` ignored), so a file an editor
        saves by replacing it, such as archive.yaml, and a folder made later are seen too.
        """
        changes_seen = watchfiles.watch(
            self.root.resolve(),
            watch_filter=_Watched(self.root.resolve()),
            stop_event=self.stopping,
            debounce=400,
            step=50,
            rust_timeout=200,
            yield_on_timeout=True,  # an empty set now and then: the first one says the watch is set up
            raise_interrupt=False,
        )
        for changes in changes_seen:
            self.watching.set()
            if not changes:
                continue
            names = sorted({display_path(Path(path), self.root.resolve()) for _, path in changes})
            self.say("Changed: " + ", ".join(names))
            self.rebuild()

    def wait_for_change(self, since: int, timeout: float) -> int:
        """The rebuild count once it differs from `since` (or when the timeout passes, or on stopping)."""
        with self.changed:
            self.changed.wait_for(lambda: self.generation != since or self.stopping.is_set(), timeout=timeout)
            return self.generation

    def snapshot(self) -> tuple[list[Problem], str, int]:
        """What is wrong now and the rebuild count, read together (a page must not miss its reload)."""
        with self.changed:
            return self.problems, self.bug, self.generation

    def stop(self) -> None:
        self.stopping.set()
        with self.changed:
            self.changed.notify_all()

    def read(self, relative: str) -> tuple[bytes, Path, int] | str | None:
        """A file of the site with the rebuild count it belongs to; a URL to redirect to; or None."""
        with self.lock:
            site = self.site.resolve()
            try:
                target = (site / relative).resolve()
                if not target.is_relative_to(site):
                    return None
                if target.is_dir():
                    if relative and not relative.endswith("/"):
                        return self.sub + relative + "/"
                    target = target / "index.html"
                if not target.is_file():
                    return None
                return target.read_bytes(), target, self.generation
            except (OSError, ValueError):
                return None

    def script_tag(self, generation: int) -> str:
        return f'<script src="{html.escape(quote(self.sub))}{RESERVED}reload.js?since={generation}" defer></script>'

    def language(self) -> tuple[str, gettext_module.NullTranslations]:
        """The site's language and its messages, for the preview's own words; English when archive.yaml
        is broken or names a language without a catalog (the error page then says so, in English)."""
        try:
            config, _problems = read_config(self.root)
            if config is not None:
                return config.language, i18n.load(self.root, config.language)
        except (LookupError, OSError, ValueError):
            pass
        return i18n.SOURCE_LANGUAGE, gettext_module.NullTranslations()

    def error_page(self, problems: list[Problem], bug: str, generation: int) -> bytes:
        """A page listing what is wrong, in the site's language, that reloads itself once a rebuild succeeds."""
        language, translations = self.language()
        with i18n.activated(translations):
            if problems:
                title = _("The archive has problems: %(summary)s") % {"summary": problem_counts(problems)}
                lead = _("The site cannot be built until they are fixed. This page reloads by itself when they are.")
                text = "\n".join(report.text_lines(problems))  # the errors first, each kind of warning once
            else:
                title = _("warcrime-archive hit a bug while building")
                lead = _(
                    "This is a bug in warcrime-archive, not a problem with your archive. "
                    "Please report it with the traceback below. This page reloads by itself after the next change."
                )
                text = bug
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{html.escape(language)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{ERROR_POLICY}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)} · warcrime-archive serve</title>\n"
            f'<link rel="stylesheet" href="{html.escape(quote(self.sub))}static/style.css">\n'
            f"{self.script_tag(generation)}\n</head>\n"
            f'<body>\n<main id="main">\n<h1>{html.escape(title)}</h1>\n<p>{html.escape(lead)}</p>\n'
            f"<pre>{html.escape(text)}</pre>\n</main>\n</body>\n</html>\n"
        ).encode()

    def decorate(self, page: bytes, generation: int) -> bytes:
        """Add the reload script to a page of the site and, after a bug, a notice that it is the last good one."""
        text = page.decode("utf-8")
        text = text.replace("</head>", self.script_tag(generation) + "\n</head>", 1)
        if self.bug:
            with i18n.activated(self.language()[1]):
                message = _(
                    "<strong>Rebuilding failed with a bug in warcrime-archive</strong> "
                    "(the traceback is in the terminal): this is the last good site."
                )
            notice = f'<p class="serve-error" role="alert">{message}</p>'
            text = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + "\n" + notice, text, count=1)
        return text.encode("utf-8")


class _Handler(http.server.BaseHTTPRequestHandler):
    preview: Preview
    server_version = "warcrime-archive-serve"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def _send(self, status: int, body: bytes, content_type: str, with_body: bool, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self._send(302, b"", "text/plain; charset=utf-8", False, Location=quote(location))

    def _answer(self, with_body: bool) -> None:
        preview = self.preview
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        if path != preview.sub and path in ("/", preview.sub.rstrip("/")):
            return self._redirect(preview.sub)
        relative = path[len(preview.sub) :] if path.startswith(preview.sub) else None
        if relative == RESERVED + "reload.js":
            return self._send(200, RELOAD_SCRIPT.read_bytes(), "text/javascript; charset=utf-8", with_body)
        if relative == RESERVED + "events" and with_body:
            return self._events(parts.query)
        is_page = relative is None or relative == "" or relative.endswith(("/", ".html"))
        problems, bug, generation = preview.snapshot()
        if is_page and (problems or (bug and not preview.site.is_dir())):
            page = preview.error_page(problems, bug, generation)
            return self._send(500, page, "text/html; charset=utf-8", with_body)
        found = preview.read(relative) if relative is not None else None
        if isinstance(found, str):
            return self._redirect(found)
        if found is None:
            return self._not_found(with_body)
        body, target, generation = found
        if target.suffix == ".html":
            return self._send(200, preview.decorate(body, generation), "text/html; charset=utf-8", with_body)
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type in ("application/json", "image/svg+xml"):
            content_type += "; charset=utf-8"
        self._send(200, body, content_type, with_body)

    def _not_found(self, with_body: bool) -> None:
        found = self.preview.read("404.html")
        if isinstance(found, tuple):
            body, _, generation = found
            return self._send(404, self.preview.decorate(body, generation), "text/html; charset=utf-8", with_body)
        self._send(404, b"Not found\n", "text/plain; charset=utf-8", with_body)

    def _events(self, query: str) -> None:
        """Server-Sent Events: a 'reload' event after every rebuild later than the page's own."""
        preview = self.preview
        try:
            since = int(parse_qs(query).get("since", [""])[0])
        except ValueError:
            since = preview.generation
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            self.wfile.write(b"retry: 1000\n\n")
            self.wfile.flush()
            while not preview.stopping.is_set():
                generation = preview.wait_for_change(since, HEARTBEAT)
                if preview.stopping.is_set():
                    return
                if generation != since:
                    self.wfile.write(f"event: reload\ndata: {generation}\n\n".encode())
                    since = generation
                else:
                    self.wfile.write(b": still here\n\n")
                self.wfile.flush()
        except OSError:  # the browser went away
            return


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        """A browser that goes away mid-answer (a reload, a closed tab) is no error worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def preview(
    root: Path, *, host: str, port: int, base_url: str | None, say: Callable[[str], None]
) -> Iterator[tuple[Preview, http.server.HTTPServer]]:
    """Build once, start watching, and bind the server (the caller runs serve_forever).

    On leaving: stop watching, close the server and remove the temporary folder.
    """
    state = Preview(root, base_url, say)
    server: _Server | None = None
    watcher: threading.Thread | None = None
    try:
        state.rebuild()
        handler = type("Handler", (_Handler,), {"preview": state})
        try:
            server = _Server((host, port), handler)
        except OSError as exc:
            raise ServeError(f"--port: cannot serve on {host}:{port}: {exc.strerror or exc}") from exc
        state.url = f"http://{host}:{server.server_address[1]}{quote(state.sub)}"
        watcher = threading.Thread(target=state.watch, name="warcrime-archive-watch", daemon=True)
        watcher.start()
        if not state.watching.wait(timeout=30):
            raise ServeError("cannot watch the archive's files for changes")
        yield state, server
    finally:
        state.stop()
        if server is not None:
            server.server_close()
        if watcher is not None:
            watcher.join(timeout=5)
        shutil.rmtree(state.folder, ignore_errors=True)
