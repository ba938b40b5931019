"""What the commands share: the options every command takes, and how problems are printed."""

from __future__ import annotations

import os
from pathlib import Path

import click

from warcrime_archive.commands import report
from warcrime_archive.problems import Problem, Severity

ROOT_HELP = "The archive's folder: the one holding archive.yaml and incidents/. Default: the current folder."
STRICT_HELP = "Treat warnings (such as a source with no archived copy) as errors."
FORMAT_HELP = (
    "How to print problems: text (FILE:LINE:COLUMN: FIELD: MESSAGE), github (GitHub Actions annotations, "
    "shown on a pull request's lines) or json (a list of objects, for tools)."
)
root_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), help=ROOT_HELP
)


VERBOSE_HELP = "List every warning on its own line, instead of each kind of warning once with its first places."
ERRORS_ONLY_HELP = "Print only the errors (the warnings are still counted in the summary)."
verbose_option = click.option("--verbose", "-v", is_flag=True, help=VERBOSE_HELP)
errors_only_option = click.option("--errors-only", is_flag=True, help=ERRORS_ONLY_HELP)


def report_problems(problems: list[Problem], *, verbose: bool = False, errors_only: bool = False) -> None:
    """Print the problems on stderr, errors first and warnings grouped by kind (`report.text_lines`), in one
    write (thousands of warnings cost one call, not one each)."""
    lines = report.text_lines(problems, verbose=verbose, errors_only=errors_only)
    if lines:
        click.echo("\n".join(lines), err=True)


def _prefix(root: Path) -> str:
    """The archive's folder as a path from the current folder (where CI runs: the repository's root)."""
    relative = os.path.relpath(root.resolve(), Path.cwd().resolve())
    return "" if relative == "." else Path(relative).as_posix()


def emit(problems: list[Problem], fmt: str, root: Path, *, verbose: bool = False, errors_only: bool = False) -> None:
    """Print the problems in the format asked for; JSON lists every one (but the warnings, `errors_only`)."""
    if errors_only:
        problems = [p for p in problems if p.severity is Severity.ERROR]
    if fmt == report.Format.json:
        click.echo(report.as_json(problems))
    elif fmt == report.Format.github:
        lines = report.github_lines(problems, _prefix(root), verbose=verbose)
        if lines:
            click.echo("\n".join(lines))
    else:
        report_problems(problems, verbose=verbose)
