"""The commands that build the site: build, and serve (the live preview)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

# Only light modules here: the rest is imported by the command that needs it, so that a build with
# nothing to do (see incremental/uptodate.py) is over before pydantic, Jinja and the rest are even loaded.
from warcrime_archive.cli.common import STRICT_HELP, errors_only_option, report_problems, root_option, verbose_option
from warcrime_archive.commands.progress import ProgressDisplay
from warcrime_archive.incremental import uptodate
from warcrime_archive.problems import ArchiveError, summary

TIMINGS_VARIABLE = "WARCRIME_ARCHIVE_TIMINGS"
"""When set to a file name, `build` writes there, as JSON, its counts and the seconds of each stage (for bench/)."""


def _write_timings(made: dict) -> None:
    """Write a build's counts and stage times to the file named by WARCRIME_ARCHIVE_TIMINGS, if it is set."""
    target = os.environ.get(TIMINGS_VARIABLE, "").strip()
    if target:
        Path(target).write_text(json.dumps(made, indent=2) + "\n", encoding="utf-8")


@click.command()
@root_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the site. Default: build/ inside the archive's folder. It is replaced whole, "
    "and only once the new site is complete.",
)
@click.option(
    "--base-url",
    default=None,
    metavar="URL",
    help="Where the site will be published, e.g. https://org.github.io/archive/ "
    "(overrides base_url in archive.yaml). Links inside the site work under any address.",
)
@click.option("--strict", is_flag=True, help=STRICT_HELP)
@click.option(
    "--clean",
    is_flag=True,
    help="Render and write every page again, forgetting the build cache (the hidden folder beside the output, "
    "e.g. .build.cache/). Without it only what changed is made again, with the same result.",
)
@verbose_option
@errors_only_option
def build(
    root: Path, out: Path | None, base_url: str | None, strict: bool, clean: bool, verbose: bool, errors_only: bool
) -> None:
    """Check the archive, then build its website.

    If any record has an error, the problems are listed and nothing is written: the previous
    site in the output folder stays as it was. Pages whose inputs have not changed since the
    last build are kept as they are; when nothing changed, nothing is done.
    """
    out = out if out is not None else root / "build"
    cache = uptodate.cache_folder(out)
    made_from = None
    if clean:
        import shutil

        shutil.rmtree(cache, ignore_errors=True)
    elif cache.is_dir() and not (out.exists() and not out.is_dir()):
        made_from = uptodate.snapshot(root, out, base_url=base_url, strict=strict, history=True)
        known = uptodate.current(cache, made_from)
        if known is not None:  # nothing changed: the last build's result, without loading the rest
            _write_timings({**{k: known[k] for k in ("pages", "files", "records")}, "rendered": 0, "timings": {}})
            if verbose and not errors_only:
                report_problems(uptodate.warnings(known), verbose=True)
            elif known["report"] and not errors_only:  # the warnings' text as printed (decoding them costs more)
                click.echo(known["report"], err=True)
            click.echo(
                f"Built {known['pages']} pages from {known['records']} records into {out} "
                f"({known['summary']}; nothing changed)"
            )
            return
    from warcrime_archive.incremental.rebuild import rebuild

    display = ProgressDisplay(sys.stderr)  # looked up now: the stream click's test runner puts in place
    try:
        result = rebuild(root, out, cache=cache, base_url=base_url, strict=strict, progress=display, checked=made_from)
    except ArchiveError as exc:
        display.close()
        report_problems(exc.problems, verbose=verbose, errors_only=errors_only)
        click.echo(summary(exc.problems) + "; nothing was written", err=True)
        sys.exit(1)
    finally:
        display.close()
    counts = {"pages": result.pages, "files": result.files, "records": result.records, "rendered": result.rendered}
    _write_timings({**counts, "timings": result.timings})
    report_problems(result.warnings, verbose=verbose, errors_only=errors_only)
    made = "nothing changed" if result.rendered == 0 else f"{result.rendered} rendered"
    click.echo(
        f"Built {result.pages} pages from {result.records} records into {result.out} "
        f"({summary(result.warnings)}; {made})"
    )


@click.command(name="serve")
@root_option
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="The address to listen on (keep it to this machine)."
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="The port to listen on; 0 picks a free one (the address is printed).",
)
@click.option(
    "--base-url",
    default=None,
    metavar="URL",
    help="Build as for this address (overrides base_url in archive.yaml); the preview is served under its "
    "path, e.g. /archive/ for https://org.github.io/archive/.",
)
def serve_command(root: Path, host: str, port: int, base_url: str | None) -> None:
    """Preview the site: build it, serve it, and rebuild and reload the browser on every change.

    Watches archive.yaml, incidents/, pages/, templates/ and static/. A record with problems lists
    them here and as an error page in the browser; the preview recovers once they are fixed. The site
    is built into a temporary folder (not build/), removed on Ctrl-C (or kill).
    """

    def say(line: str) -> None:
        click.echo(line, err=True)

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # `kill` stops the preview as cleanly as Ctrl-C

    import signal

    from warcrime_archive.commands import serve

    signal.signal(signal.SIGTERM, stop)
    try:
        with serve.preview(root, host=host, port=port, base_url=base_url, say=say) as (state, server):
            click.echo(f"Serving {state.url} (built in {state.folder}); press Ctrl-C to stop")
            try:
                server.serve_forever()
            except KeyboardInterrupt:
                click.echo("Stopped.")
    except serve.ServeError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
