"""The command line: a thin layer that calls one function per command (`checking`, `records`, `building`,
`private`).

Exit status: 0 success; 1 the archive has problems (or the command was mistyped); 2 a bug in
warcrime-archive itself (a traceback is printed so it can be reported).
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import click

from warcrime_archive import __version__
from warcrime_archive.cli import building, checking, importing, private, records


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


for command in (
    checking.validate,
    building.build,
    building.serve_command,
    records.new,
    importing.import_command,
    checking.sources,
    checking.field_report,
    checking.schema,
    checking.upgrade,
    private.private,
):
    cli.add_command(command)


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
        import traceback

        traceback.print_exc()
        click.echo(
            "\nThis is a bug in warcrime-archive, not a problem with your archive. "
            "Please report it with the traceback above.",
            err=True,
        )
        sys.exit(2)


def run() -> NoReturn:
    """The `warcrime-archive` command as a process: `main`, then exit at once.

    A build leaves hundreds of megabytes of objects behind (every record, the catalog, the plan), and an
    interpreter's ordinary exit frees them one by one and runs a last pass of the cyclic collector over them,
    after the work is done (docs/performance.md). Every file is closed by then and the streams are
    flushed here, so nothing is lost by leaving without it. `main` itself returns normally (tests call it).
    """
    try:
        main()
        code = 0
    except SystemExit as exc:  # as the interpreter reads sys.exit's argument
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe, as when the output goes through `head`
            code = code or 1
    os._exit(code)
