"""The command line: a thin layer that calls one pipeline function per command.

Exit status: 0 success; 1 the archive has problems (or the command was mistyped); 2 a bug in
warcrime-archive itself (a traceback is printed so it can be reported).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

# Only light modules here: the rest is imported by the command that needs it, so that a build with
# nothing to do (see uptodate.py) is over before pydantic, Jinja and the rest are even loaded.
from warcrime_archive import __version__
from warcrime_archive.commands import report
from warcrime_archive.commands.private_cli import private
from warcrime_archive.commands.progress import ProgressDisplay
from warcrime_archive.incremental import uptodate
from warcrime_archive.problems import ArchiveError, Problem, summary

ROOT_HELP = "The archive's folder: the one holding archive.yaml and incidents/. Default: the current folder."
STRICT_HELP = "Treat warnings (such as a source with no archived copy) as errors."
FORMAT_HELP = (
    "How to print problems: text (FILE:LINE:COLUMN: FIELD: MESSAGE), github (GitHub Actions annotations, "
    "shown on a pull request's lines) or json (a list of objects, for tools)."
)
root_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), help=ROOT_HELP
)


TIMINGS_VARIABLE = "WARCRIME_ARCHIVE_TIMINGS"
"""When set to a file name, `build` writes there, as JSON, its counts and the seconds of each stage (for bench/)."""


def _write_timings(made: dict) -> None:
    """Write a build's counts and stage times to the file named by WARCRIME_ARCHIVE_TIMINGS, if it is set."""
    target = os.environ.get(TIMINGS_VARIABLE, "").strip()
    if target:
        Path(target).write_text(json.dumps(made, indent=2) + "\n", encoding="utf-8")


def _report(problems: list[Problem]) -> None:
    """Print each problem on a line of stderr, in one write (thousands of warnings cost one call, not one each)."""
    if problems:
        click.echo("\n".join(problem.text() for problem in problems), err=True)


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


def _prefix(root: Path) -> str:
    """The archive's folder as a path from the current folder (where CI runs: the repository's root)."""
    relative = os.path.relpath(root.resolve(), Path.cwd().resolve())
    return "" if relative == "." else Path(relative).as_posix()


def _emit(problems: list[Problem], fmt: str, root: Path) -> None:
    if fmt == report.Format.json:
        click.echo(report.as_json(problems))
    elif fmt == report.Format.github:
        prefix = _prefix(root)
        for problem in problems:
            click.echo(report.github_line(problem, prefix))
    else:
        _report(problems)


@cli.command()
@root_option
@click.option("--strict", is_flag=True, help=STRICT_HELP)
@click.option("--format", "fmt", type=click.Choice([f.value for f in report.Format]), default="text", help=FORMAT_HELP)
@click.option(
    "--since",
    metavar="REV",
    default=None,
    help="Also compare each record with its version at git revision REV (e.g. origin/main): a changed grade, "
    "alleged perpetrator side or victim count needs a new `corrections` entry.",
)
def validate(root: Path, strict: bool, fmt: str, since: str | None) -> None:
    """Check every record and archive.yaml, and list every problem at once.

    Each problem is printed as FILE:LINE:COLUMN: FIELD: MESSAGE (HINT). Nothing is written.
    Exits with status 1 when there are errors (or warnings, with --strict).
    """
    from warcrime_archive.validate.check import check
    from warcrime_archive.validate.revisions import RevisionError

    try:
        loaded = check(root, strict=strict, since=since)
    except RevisionError as exc:
        raise click.ClickException(f"--since: {exc}") from None
    except ArchiveError as exc:
        _emit(exc.problems, fmt, root)
        if fmt != report.Format.json:
            click.echo(summary(exc.problems), err=True)
        sys.exit(1)
    _emit(loaded.reported, fmt, root)
    records = len(loaded.archive.records) if loaded.archive else 0
    if fmt != report.Format.json:
        click.echo(
            f"OK: {records} record{'s' * (records != 1)} checked; {summary(loaded.reported)}",
            err=fmt == report.Format.github,
        )


@cli.command()
@root_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The folder to write incident.schema.json and archive.schema.json into. Default: schema/ inside "
    "the archive's folder.",
)
def schema(root: Path, out: Path | None) -> None:
    """Write the JSON Schemas of a record and of archive.yaml, generated from the record format.

    Editors such as VS Code (with the YAML extension) use them to complete and check records as you type.
    """
    from warcrime_archive.model.schema import FOLDER, write_schemas

    for path in write_schemas(out if out is not None else root / FOLDER):
        click.echo(f"Wrote {path}")


def _interactive() -> bool:
    """Whether someone is at a terminal to answer questions."""
    return sys.stdin.isatty()


def _ask(value: str | None, option: str, prompt: str) -> str:
    if value is not None and value.strip():
        return value.strip()
    if not _interactive():
        raise click.UsageError(f"{option} is missing (there is no terminal to ask on): give {option}")
    return str(click.prompt(prompt)).strip()


@cli.command()
@root_option
@click.option("--date", default=None, help="When it happened: YYYY-MM-DD, YYYY-MM or YYYY. Asked for when missing.")
@click.option("--place", default=None, help="The place, e.g. Robotyne. Asked for when missing.")
@click.option("--title", default=None, help="A short neutral title, e.g. 'Two prisoners shot'. Asked for when missing.")
@click.option("--country", default="", help="ISO 3166-1 alpha-2 code of the country, e.g. UA.")
def new(root: Path, date: str | None, place: str | None, title: str | None, country: str) -> None:
    """Start a new record: write incidents/<id>.yaml with every field present and commented.

    The id is made from the date, place and title (2024-06-01-robotyne-two-prisoners-shot). An existing
    file is never overwritten.
    """
    from pydantic_core import PydanticCustomError

    from warcrime_archive.commands import scaffold
    from warcrime_archive.model.dates import PartialDate
    from warcrime_archive.model.schema import FILES, FOLDER
    from warcrime_archive.validate.config import read_config

    date = _ask(date, "--date", "Date (YYYY-MM-DD, YYYY-MM or YYYY)")
    try:
        PartialDate.parse(date)
    except PydanticCustomError as exc:
        raise click.UsageError(f"--date: {exc}") from None
    place = _ask(place, "--place", "Place")
    title = _ask(title, "--title", "Short title")
    record_id = scaffold.propose_id(date, place, title)
    path = root / "incidents" / f"{record_id}.yaml"
    if path.exists():
        raise click.ClickException(f"{path} already exists; it is not overwritten (choose another title)")
    config, problems = read_config(root)
    if config is None:
        _report(problems)
        sys.exit(1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold.scaffold(record_id, date, place, title, country.upper(), config), encoding="utf-8")
    click.echo(f"Wrote {path} (id {record_id}). Fill it in, then run: warcrime-archive validate")
    if not (root / FOLDER / FILES["incident"]).is_file():
        click.echo(f"Tip: run `warcrime-archive schema` to write {FOLDER}/, so editors can check records as you type.")


@cli.command()
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
def build(root: Path, out: Path | None, base_url: str | None, strict: bool, clean: bool) -> None:
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
            if known["report"]:  # the warnings' text as `_report` printed it (decoding them costs more)
                click.echo(known["report"], err=True)
            click.echo(
                f"Built {known['pages']} pages from {known['records']} records into {out} "
                f"({known['summary']}; nothing changed)"
            )
            return
    from warcrime_archive.build import build_site

    display = ProgressDisplay(click.get_text_stream("stderr"))
    try:
        result = build_site(
            root, out, base_url=base_url, strict=strict, progress=display, cache=cache, made_from=made_from
        )
    except ArchiveError as exc:
        display.close()
        _report(exc.problems)
        click.echo(summary(exc.problems) + "; nothing was written", err=True)
        sys.exit(1)
    finally:
        display.close()
    counts = {"pages": result.pages, "files": result.files, "records": result.records, "rendered": result.rendered}
    _write_timings({**counts, "timings": result.timings})
    _report(result.warnings)
    made = "nothing changed" if result.rendered == 0 else f"{result.rendered} rendered"
    click.echo(
        f"Built {result.pages} pages from {result.records} records into {result.out} "
        f"({summary(result.warnings)}; {made})"
    )


@cli.command(name="serve")
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


@cli.command()
@root_option
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
    from warcrime_archive.commands import sources_report
    from warcrime_archive.validate.check import check

    try:
        loaded = check(root)
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


cli.add_command(private)


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
    interpreter's ordinary exit frees them one by one and runs a last pass of the cyclic collector over them:
    about 0.6 s at 10,000 records, after the work is done. Every file is closed by then and the streams are
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
