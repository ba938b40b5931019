"""Checks of values against the vocabularies that an archive defines in archive.yaml."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationInfo
from pydantic_core import PydanticCustomError


def did_you_mean(value: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "allowed: " + ", ".join(allowed)


NAMES = {
    "verification": "grades of `verification`",
    "victim_statuses": "victim statuses",
    "object_kinds": "object kinds (`object_kinds`)",
}


def check_key(value: str, info: ValidationInfo, vocabulary: str) -> str:
    """Raise a reported error unless `value` is a key of `vocabulary` in the archive's settings."""
    context: Mapping[str, Any] | None = info.context
    config = context.get("config") if context else None
    if config is None:
        return value
    allowed = list(getattr(config, vocabulary))
    if value not in allowed:
        raise PydanticCustomError(
            "vocabulary",
            "'{value}' is not one of the {vocabulary} in archive.yaml ({hint})",
            {"value": value, "vocabulary": NAMES.get(vocabulary, vocabulary), "hint": did_you_mean(value, allowed)},
        )
    return value
