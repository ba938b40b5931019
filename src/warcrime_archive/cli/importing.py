"""The command that brings an existing data set in: import."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from warcrime_archive.cli.common import report_problems, root_option

SHOWN = 20
"""How many rows that cannot be imported are printed without --verbose."""


@click.command(name="import")
@root_option
@click.argument("export", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mapping",
    "mapping_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="The mapping file (YAML): which column gives which field, and how (docs/editing.md#11-importing-your-data).",
)
@click.option("--dry-run", is_flag=True, help="Check every row and report; write nothing.")
@click.option("--overwrite", is_flag=True, help="Also overwrite records edited by hand since the last import.")
@click.option("--verbose", "-v", is_flag=True, help="List every row that cannot be imported, not only the first 20.")
def import_command(root: Path, export: Path, mapping_file: Path, dry_run: bool, overwrite: bool, verbose: bool) -> None:
    """Import a CSV or JSON export: one record per row, written to incidents/<id>.yaml.

    Each row is checked as a record; every row that cannot be imported is reported with its row number (the
    header is row 1) and why, and is not written. Importing again updates the records by id, leaves unchanged
    ones alone and never overwrites a record edited by hand (without --overwrite). Exits with status 1 when a
    row cannot be imported.
    """
    from warcrime_archive.commands import import_files, importer
    from warcrime_archive.commands.import_mapping import read_mapping
    from warcrime_archive.validate.config import read_config

    config, problems = read_config(root)
    if config is None:
        report_problems(problems)
        sys.exit(1)
    try:
        mapping = read_mapping(mapping_file)
        rows = importer.read_rows(export, mapping)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    plan = importer.plan_import(rows, mapping, config)
    lines = [f"{export.name}: row {row}: {message}" for row, message in plan.problems]
    shown = lines if verbose else lines[:SHOWN]
    if len(lines) > len(shown):
        shown.append(f"and {len(lines) - len(shown)} more (--verbose lists every one)")
    if shown:
        click.echo("\n".join(shown), err=True)
    bad = len({row for row, _ in plan.problems})
    made = len(plan.records)
    summary = (
        f"{len(rows)} row{'s' * (len(rows) != 1)}: {made} record{'s' * (made != 1)}, "
        f"{bad} row{'s' * (bad != 1)} that cannot be imported"
    )
    if dry_run:
        click.echo(f"{summary}; nothing written (--dry-run).")
    else:
        done = import_files.write_records(root, plan.records, export.name, overwrite=overwrite)
        for record_id in done.edited:
            verb = "overwritten (--overwrite)" if overwrite else "not overwritten (--overwrite would)"
            click.echo(f"incidents: {record_id}: edited by hand since the last import: {verb}", err=True)
        click.echo(
            f"{summary}; {len(done.created)} created, {len(done.updated)} updated, {len(done.unchanged)} unchanged, "
            f"{len(done.edited)} edited by hand. Next: warcrime-archive validate"
        )
    if plan.problems:
        sys.exit(1)
