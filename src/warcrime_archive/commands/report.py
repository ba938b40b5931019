"""Problems in the form the reader wants: text for people, GitHub annotations for CI, JSON for tools."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable, Sequence
from enum import StrEnum

from warcrime_archive.problems import Problem, Severity

SHOWN = 3
"""How many places of a kind of warning are shown when warnings are grouped."""
REPEATED = 10
"""How many errors are repeated at the end, after the warnings."""
APART = 10
"""The errors are repeated at the end when more lines of warnings than this come after them."""


class Format(StrEnum):
    text = "text"
    github = "github"
    json = "json"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(problem: Problem, prefix: str = "") -> str:
    """One GitHub Actions workflow command (`::error file=...,line=...::message`) for the problem.

    `prefix` is the archive's folder relative to the repository's root ('' when they are the same),
    because GitHub places annotations by the path from the repository's root.
    """
    path = posixpath.normpath(posixpath.join(prefix, problem.path)) if prefix else problem.path
    props = [f"file={_escape_property(path)}", f"line={problem.line}", f"col={problem.column}"]
    if problem.field:
        props.append(f"title={_escape_property(problem.field)}")
    message = problem.message + (f" ({problem.hint})" if problem.hint else "")
    return f"::{problem.severity.value} {','.join(props)}::{_escape_data(message)}"


def as_json(problems: list[Problem]) -> str:
    """A JSON list of objects: path, line, column, field, message, hint, severity."""
    return json.dumps(
        [
            {
                "path": p.path,
                "line": p.line,
                "column": p.column,
                "field": p.field,
                "message": p.message,
                "hint": p.hint,
                "severity": p.severity.value,
            }
            for p in problems
        ],
        indent=2,
        ensure_ascii=False,
    )


def kind(problem: Problem) -> tuple[str, str, str]:
    """What a problem is, without where: its severity, its field without the indexes (`sources[].url`), and its
    message with the quoted values left out, so that the same warning about different values is one kind."""
    field = re.sub(r"\[\d+\]", "[]", problem.field)
    return problem.severity.value, field, re.sub(r"'[^']*'", "'…'", problem.message)


def grouped(problems: Iterable[Problem]) -> list[list[Problem]]:
    """The problems by kind, each kind's problems in order, the kinds in the order of their first problem."""
    groups: dict[tuple[str, str, str], list[Problem]] = {}
    for problem in problems:
        groups.setdefault(kind(problem), []).append(problem)
    return list(groups.values())


def _group_lines(group: list[Problem]) -> list[str]:
    if len(group) == 1:
        return [group[0].text()]
    severity, field, message = kind(group[0])
    label = {"warning": "warnings", "notice": "notes"}.get(severity, "problems")
    lines = [f"{len(group)} {label} like this" + (f" ({field})" if field else "") + f": {message}"]
    lines += ["  " + problem.text() for problem in group[:SHOWN]]
    if len(group) > SHOWN:
        lines.append(f"  and {len(group) - SHOWN} more (`validate --verbose` lists every one)")
    return lines


def text_lines(problems: Sequence[Problem], *, verbose: bool = False, errors_only: bool = False) -> list[str]:
    """The problems for people: the errors first, every one; then the warnings grouped by kind (each kind once,
    with its count and its first places) or, `verbose`, one a line; none with `errors_only`. When many lines
    of warnings follow the errors, the errors are repeated at the end, so that the last screen shows them."""
    errors = sorted(p for p in problems if p.severity is Severity.ERROR)
    others = sorted(p for p in problems if p.severity is not Severity.ERROR)
    lines = [p.text() for p in errors]
    if errors_only:
        return lines
    after = [p.text() for p in others] if verbose else [line for g in grouped(others) for line in _group_lines(g)]
    lines += after
    if errors and len(after) > APART:
        count = len(errors)
        head = (
            f"The {count} error{'s' * (count != 1)} again"
            if count <= REPEATED
            else (f"The first {REPEATED} of the {count} errors again (all are listed above)")
        )
        lines += [head + ":"] + ["  " + p.text() for p in errors[:REPEATED]]
    return lines


def github_lines(problems: Sequence[Problem], prefix: str = "", *, verbose: bool = False) -> list[str]:
    """GitHub annotations: every error; of each kind of warning the first few places (every one, `verbose`),
    and a note at the next saying how many more there are of that kind."""
    errors = sorted(p for p in problems if p.severity is Severity.ERROR)
    lines = [github_line(p, prefix) for p in errors]
    for group in grouped(sorted(p for p in problems if p.severity is not Severity.ERROR)):
        shown = group if verbose else group[:SHOWN]
        lines += [github_line(p, prefix) for p in shown]
        if len(group) > len(shown):
            more = group[len(shown)]
            note = Problem(
                more.path,
                more.line,
                more.column,
                more.field,
                f"and {len(group) - len(shown)} more like this: {kind(more)[2]}",
                "`warcrime-archive validate --verbose` lists every one",
                Severity.NOTICE,
            )
            lines.append(github_line(note, prefix))
    return lines
