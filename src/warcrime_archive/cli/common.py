"""What the commands share: the options every command takes, and how problems are printed."""

from __future__ import annotations

import os
from pathlib import Path

import click

from warcrime_archive.commands import report
from warcrime_archive.problems import Problem

ROOT_HELP = "The archive's folder: the one holding archive.yaml and incidents/. Default: the current folder."
STRICT_HELP = "Treat warnings (such as a source with no archived copy) as errors."
FORMAT_HELP = (
    "How to print problems: text (FILE:LINE:COLUMN: FIELD: MESSAGE), github (GitHub Actions annotations, "
    "shown on a pull request's lines) or json (a list of objects, for tools)."
)
root_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), help=ROOT_HELP
)


def report_problems(problems: list[Problem]) -> None:
    """Print each problem on a line of stderr, in one write (thousands of warnings cost one call, not one each)."""
    if problems:
        click.echo("\n".join(problem.text() for problem in problems), err=True)


def _prefix(root: Path) -> str:
    """The archive's folder as a path from the current folder (where CI runs: the repository's root)."""
    relative = os.path.relpath(root.resolve(), Path.cwd().resolve())
    return "" if relative == "." else Path(relative).as_posix()


def emit(problems: list[Problem], fmt: str, root: Path) -> None:
    if fmt == report.Format.json:
        click.echo(report.as_json(problems))
    elif fmt == report.Format.github:
        prefix = _prefix(root)
        for problem in problems:
            click.echo(report.github_line(problem, prefix))
    else:
        report_problems(problems)
