"""`warcrime-archive upgrade`: rewrite archive.yaml and every record from format 1 to format 2 in place, keeping
comments, key order and line layout (ruamel.yaml's round trip), then list the claims left without a source.

What is converted is only what is mechanical (`validate.format1`): no source is ever credited with a claim.
"""

from __future__ import annotations

import copy
import difflib
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.record import Incident
from warcrime_archive.problems import Problem, Severity
from warcrime_archive.read.yaml_reader import parse_text
from warcrime_archive.validate.claims import UNSOURCED, claim_problems
from warcrime_archive.validate.files import record_files
from warcrime_archive.validate.format1 import upgrade_config, upgrade_record
from warcrime_archive.validate.load import today

# `- # comment` then the item's first key on the next line: ruamel.yaml moves such a comment above the dash.
_DASH_COMMENT = re.compile(r"^(\s*)- (#.*)$")


@dataclass
class Upgrade:
    """What the upgrade did, or would do: each file's old and new text, and what is left for the editors."""

    changed: dict[str, tuple[str, str]] = field(default_factory=dict)  # shown path -> (old text, new text)
    problems: list[Problem] = field(default_factory=list)  # the claims without a source, and URLs left alone
    unchecked: list[str] = field(default_factory=list)  # records that do not validate yet

    @property
    def unsourced(self) -> list[Problem]:
        return [p for p in self.problems if p.message == UNSOURCED]

    def diff(self) -> str:
        return "".join(
            "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"a/{name}", f"b/{name}"))
            for name, (old, new) in self.changed.items()
        )


def _indents(text: str) -> tuple[int, int]:
    """(sequence, offset) of ruamel.yaml's `indent` for the file's block lists: `- ` under their key or indented."""
    previous = ""
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if stripped.startswith("- ") and previous.rstrip().endswith(":"):
            offset = (len(line) - len(stripped)) - (len(previous) - len(previous.lstrip(" ")))
            return (2, 0) if offset <= 0 else (offset + 2, offset)
        if stripped and not stripped.startswith("#"):
            previous = line
    return 4, 2


def _yaml(text: str) -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a line that was not folded
    sequence, offset = _indents(text)
    yaml.indent(mapping=2, sequence=sequence, offset=offset)
    yaml.representer.add_representer(type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", "null"))
    return yaml


def _dash_comments(old: str, new: str) -> str:
    """Put back each `- # comment` of the old text that the round trip moved above its dash."""
    comments = {m.group(2) for line in old.splitlines() if (m := _DASH_COMMENT.match(line))}
    if not comments:
        return new
    lines = new.split("\n")
    for i in range(len(lines) - 1):
        comment, item = lines[i].strip(), lines[i + 1]
        dash = re.match(r"^(\s*)- (.*)$", item)
        if comment in comments and dash and len(lines[i]) - len(lines[i].lstrip()) == len(dash.group(1)) + 2:
            lines[i] = f"{dash.group(1)}- {comment}"
            lines[i + 1] = " " * (len(dash.group(1)) + 2) + dash.group(2)
    return "\n".join(lines)


def rewrite(text: str, change: Callable[[Any], Iterable[str] | None]) -> tuple[str, list[str]]:
    """The text with `change` (a function of the data, returning notes) applied, comments and layout kept."""
    yaml = _yaml(text)
    data = yaml.load(text)
    if not isinstance(data, dict):
        return text, []
    notes = change(data)
    out = io.StringIO()
    yaml.dump(data, out)
    return _dash_comments(text, out.getvalue()), list(notes or [])


def upgrade_archive(root: Path) -> Upgrade:
    """Work out the upgrade of the archive at `root` (nothing is written: see `write`)."""
    result = Upgrade()
    config_path = root / "archive.yaml"
    old = config_path.read_text("utf-8")
    new, _ = rewrite(old, upgrade_config)
    if new != old:
        result.changed["archive.yaml"] = (old, new)
    config_doc, _ = parse_text(new, config_path, "archive.yaml")
    config: ArchiveConfig | None = None
    if config_doc is not None:
        try:
            config = ArchiveConfig.model_validate(config_doc.data or {})
        except ValidationError:
            config = None
    context = {"config": config, "today": today()}
    files, _ = record_files(root)
    for path, shown in files:
        old = path.read_text("utf-8")
        try:
            new, left = rewrite(old, upgrade_record)
        except YAMLError:
            result.unchecked.append(shown)
            continue
        if new != old:
            result.changed[shown] = (old, new)
        doc, found = parse_text(new, path, shown)
        if doc is None or found or not isinstance(doc.data, dict):
            result.unchecked.append(shown)
            continue
        data = copy.deepcopy(doc.data)
        for note in left:
            where = note.split(":", 1)[0]
            parts = tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\[\]]+", where) if p)
            result.problems.append(doc.problem(parts, note.split(": ", 1)[1], severity=Severity.WARNING))
            data[parts[0]][parts[1]].pop(parts[2], None)  # left for the editor: the claims are listed without it
        try:
            incident = Incident.model_validate(data, context=context)
        except ValidationError:
            result.unchecked.append(shown)
            continue
        found = claim_problems(incident, doc, None, lambda new=new: new)  # type: ignore[misc]  # mypy: lambda with defaults
        result.problems += [p for p in found if p.message == UNSOURCED]
    result.problems.sort()
    return result


def write(root: Path, upgrade: Upgrade) -> None:
    """Write the upgraded files in place."""
    for shown, (_, new) in upgrade.changed.items():
        (root / shown).write_text(new, encoding="utf-8")
