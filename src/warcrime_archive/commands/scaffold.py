"""A new record's file, every field present and commented from the model's own descriptions."""

from __future__ import annotations

import posixpath
import types
import typing
from enum import Enum
from typing import Any, Literal

import yaml
from pydantic import BaseModel

from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.damage import Damage
from warcrime_archive.model.dates import PartialDate
from warcrime_archive.model.people import AllegedPerpetrator, VictimGroup
from warcrime_archive.model.record import Incident, Verification
from warcrime_archive.model.responses import Response
from warcrime_archive.model.schema import FILES, FOLDER
from warcrime_archive.slugs import slugify

MAX_ID = 80

#: Fields whose values are keys of a vocabulary in archive.yaml.
VOCABULARY = {
    (Incident, "category"): "categories",
    (AllegedPerpetrator, "side"): "sides",
    (VictimGroup, "side"): "sides",
    (VictimGroup, "status"): "victim_statuses",
    (Verification, "status"): "verification",
    (Response, "side"): "sides",
    (Damage, "kind"): "object_kinds",
}
#: Lists of which the scaffold has one item to fill (the record needs at least one).
ONE_ITEM = {"alleged_perpetrators", "victims", "sources"}
#: Fields shown only as comments: the other form of a date.
COMMENTED = {("date", "from"), ("date", "to")}


def propose_id(date: str, place: str, title: str) -> str:
    """'2024-06-01', 'Robotyne', 'Two prisoners shot' -> '2024-06-01-robotyne-two-prisoners-shot'."""
    iso = PartialDate.parse(date).iso()
    text = f"{iso}-{slugify(place)}-{slugify(title)}"
    return text[:MAX_ID].rstrip("-")


def _models(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model inside an annotation (through Optional, list, Annotated), and whether it is a list."""
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    if origin is list:
        inner, _ = _models(typing.get_args(annotation)[0])
        return inner, True
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            inner, many = _models(arg)
            if inner is not None:
                return inner, many
    return None, False


def _allowed(model: type[BaseModel], name: str, annotation: Any, config: ArchiveConfig) -> list[str]:
    vocabulary = VOCABULARY.get((model, name))
    if vocabulary:
        return list(getattr(config, vocabulary))
    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, Enum):
            return [str(m.value) for m in arg]
        if typing.get_origin(arg) is Literal:
            return [str(a) for a in typing.get_args(arg)]
    return []


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value == []:
        return "[]"
    return (
        yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1000)
        .strip()
        .removesuffix("...")
        .strip()
    )


def _fields(
    model: type[BaseModel], config: ArchiveConfig, values: dict[tuple[str, ...], Any], path: tuple[str, ...]
) -> list[str]:
    """The lines of a mapping of `model`'s fields (without indentation of its own)."""
    lines: list[str] = []
    for name, info in model.model_fields.items():
        key = info.alias or name
        here = (*path, key)
        allowed = _allowed(model, name, info.annotation, config)
        comment = info.description or ""
        if allowed and " | ".join(allowed) not in comment:
            comment += f" Allowed: {' | '.join(allowed)}."
        lines.append(f"# {comment}")
        inner, many = _models(info.annotation)
        if here in values:
            lines.append(f"{key}: {_scalar(values[here])}")
        elif (
            inner is not None
            and (not many or key in ONE_ITEM)
            and key not in ("coordinates", "count", "withdrawn", "casualties")
        ):
            body = _fields(inner, config, values, here)
            if many:
                lines.append(f"{key}:")
                lines += [f"  - {body[0]}"] + [f"    {line}" for line in body[1:]]
            else:
                lines.append(f"{key}:")
                lines += [f"  {line}" for line in body]
        elif inner is not None and not many:
            lines.append(f"{key}: null")
            lines += [f"#  {line}" for line in _fields(inner, config, values, here)]
        elif inner is not None and many:
            lines.append(f"{key}: []")
            body = _fields(inner, config, values, here)
            lines += [f"#  - {body[0]}"] + [f"#    {line}" for line in body[1:]]
        else:
            default = None if info.is_required() else info.get_default(call_default_factory=True)
            if info.is_required() and not allowed and info.annotation is str:
                default = ""
            if info.is_required() and allowed:
                default = ""
            line = f"{key}: {_scalar(default)}"
            lines.append(f"# {line}" if here in COMMENTED else line)
    return lines


def scaffold(record_id: str, date: str, place: str, title: str, country: str, config: ArchiveConfig) -> str:
    """The text of incidents/<id>.yaml for a new record, ready to fill."""
    values: dict[tuple[str, ...], Any] = {
        ("title",): title,
        ("date", "at"): PartialDate.parse(date).iso(),
        ("location", "place"): place,
        ("location", "country"): country,
        ("location", "admin1"): "",  # optional only for a place known just to its country: asked for
    }
    schema_path = posixpath.join("..", FOLDER, FILES["incident"])
    head = [
        f"# yaml-language-server: $schema={schema_path}",
        f"# Incident record {record_id}: fill every empty value, then run `warcrime-archive validate`.",
        "# Fields with a default may be left as they are or removed. docs/record-format.md explains each one.",
        "",
    ]
    return "\n".join(head + _fields(Incident, config, values, ())) + "\n"
