"""JSON Schemas of an incident record and of archive.yaml, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.dates import PATTERN as DATE_PATTERN
from warcrime_archive.model.record import Incident

DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: File names of the schemas: in the repository's schema/ folder and in a built site's schema/ folder.
FILES = {"incident": "incident.schema.json", "archive": "archive.schema.json"}
FOLDER = "schema"


def _date() -> dict[str, Any]:
    return {
        "anyOf": [
            {"type": "string", "pattern": DATE_PATTERN},
            {"type": "integer", "minimum": 1000, "maximum": 9999},
        ]
    }


def incident_schema() -> dict[str, Any]:
    """The schema of incidents/<id>.yaml. Vocabulary keys are plain strings: archive.yaml defines them."""
    schema = Incident.model_json_schema(by_alias=True)
    props = schema["properties"]
    # `date: 2022-03-30` is short for `date: {at: 2022-03-30}`.
    props["date"] = {"description": props["date"]["description"], "anyOf": [_date(), {"$ref": "#/$defs/IncidentDate"}]}
    # An IncidentDate has either `at`, or both `from` and `to`.
    schema["$defs"]["IncidentDate"]["oneOf"] = [
        {"required": ["at"], "not": {"anyOf": [{"required": ["from"]}, {"required": ["to"]}]}},
        {"required": ["from", "to"], "not": {"required": ["at"]}},
    ]
    count = schema["$defs"]["VictimGroup"]["properties"]["count"]
    count["anyOf"] = [{"type": "integer", "minimum": 1}, {"$ref": "#/$defs/CountRange"}, {"type": "null"}]
    return _finish(schema, "incident", "An incident record of a warcrime-archive archive (incidents/<id>.yaml).")


def archive_schema() -> dict[str, Any]:
    """The schema of archive.yaml."""
    return _finish(
        ArchiveConfig.model_json_schema(by_alias=True), "archive", "The settings and vocabularies of an archive."
    )


def _finish(schema: dict[str, Any], name: str, title: str) -> dict[str, Any]:
    return {"$schema": DIALECT, **schema, "title": title}


def schemas() -> dict[str, str]:
    """File name -> the schema as stable, pretty JSON text (what is committed and served)."""
    return {
        FILES["incident"]: json.dumps(incident_schema(), indent=2, ensure_ascii=False) + "\n",
        FILES["archive"]: json.dumps(archive_schema(), indent=2, ensure_ascii=False) + "\n",
    }


def write_schemas(folder: Path) -> list[Path]:
    """Write both schemas into `folder`; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
