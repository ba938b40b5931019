"""The docs stay true: every record field and every command-line option is documented."""

import re
from pathlib import Path

import click
from pydantic import BaseModel

from warcrime_archive import record
from warcrime_archive.cli import cli
from warcrime_archive.config import ArchiveConfig

REPO = Path(__file__).resolve().parents[1]


def test_every_record_field_is_in_the_editors_reference():
    text = (REPO / "docs" / "record-format.md").read_text()
    documented = set(re.findall(r"`([a-z_0-9.\[\]]+)`", text))
    names = {part for item in documented for part in re.split(r"[.\[\]]+", item) if part}
    models = [
        v
        for v in vars(record).values()
        if isinstance(v, type) and issubclass(v, BaseModel) and v.__module__ == record.__name__
    ] + [ArchiveConfig]
    missing = [
        f"{m.__name__}.{f.alias or n}" for m in models for n, f in m.model_fields.items() if (f.alias or n) not in names
    ]
    assert missing == []


def test_every_command_and_option_is_documented():
    text = (REPO / "README.md").read_text() + "".join(p.read_text() for p in sorted((REPO / "docs").glob("*.md")))
    missing = []
    for name, command in cli.commands.items():
        if f"warcrime-archive {name}" not in text:
            missing.append(name)
        for param in command.params:
            if isinstance(param, click.Option):
                for opt in param.opts:
                    if opt.startswith("--") and opt not in text:
                        missing.append(f"{name} {opt}")
    assert missing == []
