"""The command line: a thin layer that calls one pipeline function per command.

Exit status: 0 success; 1 the archive has problems (or the command was mistyped); 2 a bug in
warcrime-archive itself (a traceback is printed so it can be reported).
"""

from __future__ import annotations

import signal
import sys
import traceback
from pathlib import Path

import click

from warcrime_archive import __version__, pipeline, serve, sources_report
from warcrime_archive.problems import ArchiveError, Problem, summary

ROOT_HELP = "The archive's folder: the one holding archive.yaml and incidents/. Default: the current folder."
STRICT_HELP = "Treat warnings (such as a source with no archived copy) as errors."


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(problem.text(), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="warcrime-archive")
def cli() -> None:
    """Build and check an archive of documented alleged war-crime incidents.

    An archive is a folder with archive.yaml (settings and vocabularies), incidents/ (one YAML
    record per incident), pages/ (about, methodology) and optionally templates/ and static/.

    \b
    Check every record:   warcrime-archive validate
    Build the site:       warcrime-archive build
    Preview it:           warcrime-archive serve
    """


@cli.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), help=ROOT_HELP)
@click.option("--strict", is_flag=True, help=STRICT_HELP)
def validate(root: Path, strict: bool) -> None:
    """Check every record and archive.yaml, and list every problem at once.

    Each problem is printed as FILE:LINE:COLUMN: FIELD: MESSAGE (HINT). Nothing is written.
    Exits with status 1 when there are errors (or warnings, with --strict).
    """
    try:
        loaded = pipeline.check(root, strict=strict)
    except ArchiveError as exc:
        _report(exc.problems)
        click.echo(summary(exc.problems), err=True)
        sys.exit(1)
    _report(loaded.warnings)
    records = len(loaded.archive.records) if loaded.archive else 0
    click.echo(f"OK: {records} record{'s' * (records != 1)} checked; {summary(loaded.warnings)}")


@cli.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), help=ROOT_HELP)
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
def build(root: Path, out: Path | None, base_url: str | None, strict: bool) -> None:
    """Check the archive, then build its website.

    If any record has an error, the problems are listed and nothing is written: the previous
    site in the output folder stays as it was.
    """
    out = out if out is not None else root / "build"
    try:
        result = pipeline.build(root, out, base_url=base_url, strict=strict)
    except ArchiveError as exc:
        _report(exc.problems)
        click.echo(summary(exc.problems) + "; nothing was written", err=True)
        sys.exit(1)
    _report(result.warnings)
    click.echo(
        f"Built {result.pages} pages from {result.records} records into {result.out} ({summary(result.warnings)})"
    )


@cli.command(name="serve")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), help=ROOT_HELP)
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


@cli.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), help=ROOT_HELP)
@click.option("--missing", is_flag=True, help="List only the sources that have no archived copy.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csv", "json"]),
    default="text",
    show_default=True,
    help="text for reading, csv for a spreadsheet, json for other tools.",
)
@click.option("--strict", is_flag=True, help="Exit with status 1 when any source has no archived copy.")
def sources(root: Path, missing: bool, fmt: str, strict: bool) -> None:
    """Report every source by outlet, with its archived copy (which service) or its absence.

    The archive is checked first; if it has errors, they are listed instead and the status is 1.
    Exits with status 0, or 1 with --strict when any source has no archived copy.
    """
    try:
        loaded = pipeline.check(root)
    except ArchiveError as exc:
        _report(exc.problems)
        click.echo(summary(exc.problems), err=True)
        sys.exit(1)
    assert loaded.archive is not None
    text, totals = sources_report.report(loaded.archive, fmt=fmt, missing_only=missing)
    click.echo(text, nl=False)
    if strict and totals["missing"]:
        click.echo(f"{totals['missing']} of {totals['sources']} sources have no archived copy", err=True)
        sys.exit(1)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `warcrime-archive` command."""
    try:
        cli.main(args=argv, prog_name="warcrime-archive", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(1)
    except SystemExit:
        raise
    except Exception:  # a bug of ours: say so, with the traceback to report
        traceback.print_exc()
        click.echo(
            "\nThis is a bug in warcrime-archive, not a problem with your archive. "
            "Please report it with the traceback above.",
            err=True,
        )
        sys.exit(2)
