"""Harm without victims: a record whose sources report no casualties, and the objects damaged (homes, a hospital,
infrastructure), each with the sources that state it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from warcrime_archive.model.claims import sources_field
from warcrime_archive.model.config import Strict
from warcrime_archive.model.vocabulary import check_key


class Casualties(Strict):
    """What the sources say of casualties when they report none: the record then lists no victims."""

    reported: Literal["none"] = Field(
        description="none: the sources report no casualties (damage only). Not a count of zero: a statement of "
        "the sources, with its own `sources`."
    )
    sources: list[str] = sources_field()


class Damage(Strict):
    """An object damaged or destroyed, as the sources describe it."""

    kind: str = Field(description="A key of `object_kinds` in archive.yaml (home, hospital, infrastructure...).")
    description: str = Field("", description="What was damaged and how, as the sources say.")
    sources: list[str] = sources_field()

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str, info: ValidationInfo) -> str:
        return check_key(value, info, "object_kinds")
