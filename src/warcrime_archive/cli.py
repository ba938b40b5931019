"""The command line: a thin layer that calls one pipeline function per command.

Exit status: 0 success; 1 the archive has problems (or the command was mistyped); 2 a bug in
warcrime-archive itself (a traceback is printed so it can be reported).
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import click

from warcrime_archive import __version__, pipeline
from warcrime_archive.problems import ArchiveError, Problem
from warcrime_archive.progress import ProgressDisplay

ROOT_HELP = "The archive's folder: the one holding archive.yaml and incidents/. Default: the current folder."
STRICT_HELP = "Treat warnings (such as a source with no archived copy) as errors."


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(problem.text(), err=True)


def _summary(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity.value == "error")
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    return (
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
        f"in {files} file{'s' * (files != 1)}"
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="warcrime-archive")
def cli() -> None:
    """Build and check an archive of documented alleged war-crime incidents.

    An archive is a folder with archive.yaml (settings and vocabularies), incidents/ (one YAML
    record per incident), pages/ (about, methodology) and optionally templates/ and static/.

    \b
    Check every record:   warcrime-archive validate
    Build the site:       warcrime-archive build
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
        click.echo(_summary(exc.problems), err=True)
        sys.exit(1)
    _report(loaded.warnings)
    records = len(loaded.archive.records) if loaded.archive else 0
    click.echo(f"OK: {records} record{'s' * (records != 1)} checked; {_summary(loaded.warnings)}")


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
    display = ProgressDisplay(click.get_text_stream("stderr"))
    try:
        result = pipeline.build(root, out, base_url=base_url, strict=strict, progress=display)
    except ArchiveError as exc:
        display.close()
        _report(exc.problems)
        click.echo(_summary(exc.problems) + "; nothing was written", err=True)
        sys.exit(1)
    finally:
        display.close()
    _report(result.warnings)
    click.echo(
        f"Built {result.pages} pages from {result.records} records into {result.out} ({_summary(result.warnings)})"
    )


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
