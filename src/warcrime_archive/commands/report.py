"""Problems in the form the reader wants: text for people, GitHub annotations for CI, JSON for tools."""

from __future__ import annotations

import json
import posixpath
from enum import StrEnum

from warcrime_archive.problems import Problem


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
