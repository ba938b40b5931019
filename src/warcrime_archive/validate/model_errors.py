"""Map pydantic's validation errors back to the YAML file, line and column an editor can fix."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from warcrime_archive.model import claims, dates
from warcrime_archive.problems import Problem
from warcrime_archive.read.yaml_reader import Document, Loc

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "list_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
}

KEY_HINT = "a key is lowercase letters, digits and hyphens, e.g. 'attack-on-civilians'"

# Every `pattern=` in the models, in words: (what the value is not, hint).
PATTERN_WORDS = {
    r"^[a-z0-9][a-z0-9-]*$": ("is not a valid key", KEY_HINT),
    r"^https?://": ("is not an http(s) URL", ""),
    r"^https?://[^\s/$.?#][^\s]*$": ("is not an http(s) URL", ""),
    r"^[a-z]{2,3}$": ("is not a language code", "an ISO 639 code of two or three lowercase letters, e.g. 'en', 'uk'"),
    r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$": ("is not a language tag", "a BCP 47 tag, e.g. 'en', 'uk' or 'pt-BR'"),
    r"^[A-Z]{2}$": ("is not a country code", "an ISO 3166-1 alpha-2 code in capitals, e.g. 'UA'"),
    dates.PATTERN: ("is not a date", "a day '2022-03-30', a month '2022-03' or a year '2022', in quotes"),
    r"^[0-9a-f]{64}$": ("is not a SHA-256 hash", "64 characters 0-9 and a-f, as `sha256sum FILE` prints them"),
    claims.SOURCE_ID_PATTERN: (
        "is not a source id",
        "lowercase letters, digits and hyphens, at most 40 characters, e.g. 'itv' or 'al-jazeera'",
    ),
}

_BOUND_NAMES = {"lat": ("latitude", -90, 90), "lon": ("longitude", -180, 180)}


def _bound_message(kind: str, loc: Loc, ctx: dict[str, Any], value: Any) -> str:
    """A number outside its range, in words: 'latitude must be between -90 and 90, not 95.0'."""
    name = loc[-1] if loc else None
    if isinstance(name, str) and name in _BOUND_NAMES:
        word, low, high = _BOUND_NAMES[name]
        return f"{word} must be between {low} and {high}, not {_shown(value)}"
    words = {"greater_than_equal": "at least", "greater_than": "more than", "less_than_equal": "at most"}
    limit = next(iter(ctx.values()), "?")
    return f"must be {words.get(kind, 'less than')} {limit}, not {_shown(value)}"


def _data_loc(loc: tuple[Any, ...], data: Any, *, open_end: bool = True) -> Loc:
    """The error's location in the file's data: pydantic's union tags and model names are dropped."""
    out: list[str | int] = []
    current = data
    for i, part in enumerate(loc):
        if (
            isinstance(current, dict)
            and part in current
            or isinstance(current, list)
            and isinstance(part, int)
            and 0 <= part < len(current)
        ):
            current = current[part]
            out.append(part)
        elif open_end and i == len(loc) - 1 and isinstance(part, str) and isinstance(current, dict):
            out.append(part)  # a missing or unknown field
    return tuple(out)


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "..."


def _model_at(model: type[BaseModel] | None, loc: Loc) -> type[BaseModel] | None:
    """The model class that a location points into, for the list of allowed field names."""
    for part in loc:
        if model is None or isinstance(part, int):
            continue
        info = next((f for n, f in model.model_fields.items() if (f.alias or n) == part), None)
        if info is None:
            return None
        model = _inner_model(info.annotation)
    return model


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def pydantic_problems(exc: ValidationError, doc: Document, model: type[BaseModel] | None = None) -> list[Problem]:
    """One problem per pydantic error, at the YAML position of the field it concerns."""
    problems: list[Problem] = []
    seen: set[tuple[Loc, str]] = set()
    for error in exc.errors(include_url=False):
        ctx = error.get("ctx") or {}
        loc = _data_loc(tuple(error["loc"]), doc.data, open_end="field" not in ctx)
        if "field" in ctx:  # a model's rule names the field it concerns, e.g. 'to' or 'corrections.0.date'
            loc = (*loc, *(int(p) if p.isdigit() else p for p in str(ctx["field"]).split(".")))
        kind = error["type"]
        message = error["msg"].removeprefix("Value error, ")
        hint = ""
        key = False
        if kind == "extra_forbidden":
            name = loc[-1] if loc else "?"
            parent = _model_at(model, loc[:-1]) if model else None
            allowed = sorted((f.alias or n) for n, f in parent.model_fields.items()) if parent else []
            message = f"unknown field '{name}'"
            close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else ("allowed: " + ", ".join(allowed) if allowed else "")
            key = True
        elif kind == "missing":
            message = "is required"
            key = True
        elif kind in _TYPE_WORDS:
            message = f"should be {_TYPE_WORDS[kind]}, not {_shown(error.get('input'))}"
        elif kind in ("enum", "literal_error"):
            message = f"{_shown(error.get('input'))} is not allowed: {message[0].lower()}{message[1:]}"
        elif kind in ("bool_type", "bool_parsing"):
            message = f"should be true or false, not {_shown(error.get('input'))}"
            hint = "write true or false"
        elif kind == "string_pattern_mismatch":
            what, hint = PATTERN_WORDS.get(ctx.get("pattern", ""), ("is not in the expected form", ""))
            message = f"{_shown(error.get('input'))} {what}"
        elif kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
            message = _bound_message(kind, loc, ctx, error.get("input"))
        elif kind == "string_too_long":
            message = f"is {len(str(error.get('input')))} characters long; at most {ctx.get('max_length')}"
        elif kind == "too_long":
            message = f"has {ctx.get('actual_length')} items; at most {ctx.get('max_length')}"
        elif kind in ("too_short",) and isinstance(error.get("input"), (list, dict)) or kind == "string_too_short":
            message = "must not be empty"
        if (loc, message) in seen:
            continue
        seen.add((loc, message))
        problems.append(doc.problem(loc, message, hint, key=key))
    return problems
