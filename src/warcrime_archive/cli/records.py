"""The command that starts a record: new."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from warcrime_archive.cli.common import report_problems, root_option


def _interactive() -> bool:
    """Whether someone is at a terminal to answer questions."""
    return sys.stdin.isatty()


def _ask(value: str | None, option: str, prompt: str) -> str:
    if value is not None and value.strip():
        return value.strip()
    if not _interactive():
        raise click.UsageError(f"{option} is missing (there is no terminal to ask on): give {option}")
    return str(click.prompt(prompt)).strip()


@click.command()
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
        report_problems(problems)
        sys.exit(1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold.scaffold(record_id, date, place, title, country.upper(), config), encoding="utf-8")
    click.echo(f"Wrote {path} (id {record_id}). Fill it in, then run: warcrime-archive validate")
    if not (root / FOLDER / FILES["incident"]).is_file():
        click.echo(f"Tip: run `warcrime-archive schema` to write {FOLDER}/, so editors can check records as you type.")
