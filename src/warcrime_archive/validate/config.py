"""archive.yaml, read and validated: the settings and vocabularies every record is checked against."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from warcrime_archive import i18n
from warcrime_archive.model.config import RECORD_FORMAT, ArchiveConfig
from warcrime_archive.problems import Problem
from warcrime_archive.read.yaml_reader import read_yaml
from warcrime_archive.validate.files import leads_outside
from warcrime_archive.validate.model_errors import pydantic_problems


def read_config(root: Path) -> tuple[ArchiveConfig | None, list[Problem]]:
    """archive.yaml's settings (None when it is missing or invalid), with its problems."""
    problems: list[Problem] = []
    return _read_config(root, problems), problems


def _read_config(root: Path, problems: list[Problem]) -> ArchiveConfig | None:
    path = root / "archive.yaml"
    if leads_outside(path, root):
        return None  # reported by links_outside, and never read
    if not path.is_file():
        problems.append(
            Problem(
                "archive.yaml",
                1,
                1,
                "",
                "the archive has no archive.yaml",
                "run from the archive's folder or give --root",
            )
        )
        return None
    doc, found = read_yaml(path, "archive.yaml")
    problems.extend(found)
    if doc is None:
        return None
    try:
        config = ArchiveConfig.model_validate(doc.data if doc.data is not None else {})
    except ValidationError as exc:
        problems.extend(pydantic_problems(exc, doc, ArchiveConfig))
        return None
    if not i18n.is_source(config.language) and i18n.catalog_path(root, config.language) is None:
        problems.append(
            doc.problem(
                ("language",),
                f"there is no interface translation for '{config.language}'; "
                f"available: {', '.join(i18n.available(root))}",
                f"add locales/{config.language}/LC_MESSAGES/messages.po; see docs/translating.md",
            )
        )
    return config


UPGRADE_HINT = "run `warcrime-archive upgrade`, then source the claims it lists (docs/record-format.md#upgrading)"


def format_problem(found: int) -> Problem:
    """The one error of an archive whose records are in another format than the one this version reads."""
    if found < RECORD_FORMAT:
        return Problem(
            "archive.yaml",
            1,
            1,
            "",
            f"the records are in format {found}; this version of warcrime-archive reads format {RECORD_FORMAT}",
            UPGRADE_HINT,
        )
    return Problem(
        "archive.yaml",
        1,
        1,
        "record_format",
        f"the records are in format {found}; this version of warcrime-archive reads format {RECORD_FORMAT}",
        "install a newer version of warcrime-archive",
    )
