"""The commands that check an archive and convert it: validate, schema, sources, upgrade."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from warcrime_archive.cli.common import (
    FORMAT_HELP,
    STRICT_HELP,
    emit,
    errors_only_option,
    report_problems,
    root_option,
    verbose_option,
)
from warcrime_archive.commands import report
from warcrime_archive.problems import ArchiveError, summary


@click.command()
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
@verbose_option
@errors_only_option
def validate(root: Path, strict: bool, fmt: str, since: str | None, verbose: bool, errors_only: bool) -> None:
    """Check every record and archive.yaml, and list every problem at once.

    Each problem is printed as FILE:LINE:COLUMN: FIELD: MESSAGE (HINT). Nothing is written. The errors come
    first; each kind of warning is printed once with its count and its first places (--verbose prints every
    one); when many warnings follow the errors, the errors are repeated at the end, before the summary.
    Exits with status 1 when there are errors (or warnings, with --strict).
    """
    from warcrime_archive.validate.check import check
    from warcrime_archive.validate.revisions import RevisionError

    try:
        loaded = check(root, strict=strict, since=since)
    except RevisionError as exc:
        raise click.ClickException(f"--since: {exc}") from None
    except ArchiveError as exc:
        emit(exc.problems, fmt, root, verbose=verbose, errors_only=errors_only)
        if fmt != report.Format.json:
            click.echo(summary(exc.problems), err=True)
        sys.exit(1)
    emit(loaded.reported, fmt, root, verbose=verbose, errors_only=errors_only)
    records = len(loaded.archive.records) if loaded.archive else 0
    if fmt != report.Format.json:
        click.echo(
            f"OK: {records} record{'s' * (records != 1)} checked; {summary(loaded.reported)}",
            err=fmt == report.Format.github,
        )


@click.command()
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


@click.command()
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
        report_problems(exc.problems)
        click.echo(summary(exc.problems), err=True)
        sys.exit(1)
    assert loaded.archive is not None
    text, totals = sources_report.report(loaded.archive, fmt=fmt, missing_only=missing)
    click.echo(text, nl=False)
    if strict and totals["missing"]:
        click.echo(f"{totals['missing']} of {totals['sources']} sources have no archived copy", err=True)
        sys.exit(1)


@click.command()
@root_option
@click.option("--dry-run", is_flag=True, help="Print the changes as a diff instead of writing them.")
def upgrade(root: Path, dry_run: bool) -> None:
    """Rewrite archive.yaml and every record from record format 1 to format 2, in place.

    Comments, key order and layout are kept. Only what is mechanical is converted: each source gets an id,
    a response's source and an investigation's URL become `sources: [id]`, `verification.by` names become
    verifiers. No source is credited with a claim: every other claim gets `sources: []`, and the claims left
    without a source are listed (FILE:LINE:COLUMN), to be sourced by hand (docs/record-format.md#upgrading).
    """
    from warcrime_archive.commands import upgrade as upgrading

    if not (root / "archive.yaml").is_file():
        raise click.ClickException(f"{root} has no archive.yaml; run from the archive's folder or give --root")
    done = upgrading.upgrade_archive(root)
    if dry_run:
        click.echo(done.diff(), nl=False)
    else:
        upgrading.write(root, done)
    verb = "Would rewrite" if dry_run else "Rewrote"
    files = len(done.changed)
    click.echo(f"{verb} {files} file{'s' * (files != 1)} to record format 2.", err=True)
    report_problems(done.problems)
    for shown in done.unchecked:
        click.echo(f"{shown}: does not validate yet; run `warcrime-archive validate` to see why", err=True)
    count, records = len(done.unsourced), len({p.path for p in done.unsourced})
    if count:
        click.echo(
            f"{count} claim{'s' * (count != 1)} in {records} record{'s' * (records != 1)} without a source: "
            "give each the ids of the sources that state it (docs/record-format.md#upgrading).",
            err=True,
        )
    elif not done.unchecked:
        click.echo("Every claim has a source.", err=True)


@click.command(name="report")
@root_option
@click.option("--field", required=True, help="The field, as a dotted path: verification.status, victims.harm, tags.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csv", "json"]),
    default="text",
    show_default=True,
    help="text for reading, csv for a spreadsheet, json for other tools.",
)
def field_report(root: Path, field: str, fmt: str) -> None:
    """Count the values of one field across the archive's published records, most common first.

    A field inside a list (victims.harm, sources.outlet) counts each item's value; a list of words (tags) each
    word. The archive is checked first; if it has errors, they are listed instead and the status is 1.
    """
    from warcrime_archive.commands import field_report as reporting
    from warcrime_archive.validate.check import check

    try:
        loaded = check(root)
    except ArchiveError as exc:
        report_problems(exc.problems, errors_only=True)
        click.echo(summary(exc.problems), err=True)
        sys.exit(1)
    assert loaded.archive is not None
    try:
        counts, records = reporting.count(loaded.archive, field)
    except ValueError as exc:
        raise click.ClickException(f"--field: {exc}") from None
    click.echo(reporting.render(counts, records, field, fmt))
