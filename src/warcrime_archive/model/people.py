"""Who: the parties alleged to be responsible and the people harmed, in groups."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, StrictInt, Tag, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from warcrime_archive.i18n import gettext
from warcrime_archive.model.claims import sources_field
from warcrime_archive.model.config import Strict
from warcrime_archive.model.enums import Harm
from warcrime_archive.model.vocabulary import check_key

NOT_ATTRIBUTED = "not-attributed"
"""The key of an incident no source attributes (`alleged_perpetrators: []`) in filters and downloads: a state, not a
side (no side may have this key)."""


class AllegedPerpetrator(Strict):
    """A party alleged to be responsible. Never stated as fact unless `attribution` is known."""

    side: str = Field(description="A key of `sides` in archive.yaml.")
    unit: str | None = Field(None, description="The unit, as the sources name it; null when unknown.")
    attribution: Literal["suspected", "known"] = Field(
        "suspected", description="suspected | known (known = the party accepted responsibility)."
    )
    basis: str = Field("", description="On what the allegation rests, and who makes it.")
    sources: list[str] = sources_field()

    @field_validator("side")
    @classmethod
    def _side(cls, value: str, info: ValidationInfo) -> str:
        return check_key(value, info, "sides")


class CountRange(Strict):
    """A count known only within bounds."""

    min: StrictInt = Field(ge=1, description="The lowest count a source gives.")
    max: StrictInt = Field(ge=1, description="The highest count a source gives.")

    @model_validator(mode="after")
    def _order(self) -> CountRange:
        if self.min > self.max:
            raise PydanticCustomError(
                "range", "min ({min}) is greater than max ({max})", {"min": self.min, "max": self.max, "field": "min"}
            )
        return self


class Person(Strict):
    """A named victim. Never published for records marked `personal-information`."""

    name: str = Field(min_length=1, description="The name as the latest reliable source gives it.")
    also_reported_as: list[str] = Field(
        default_factory=list, description="Other names under which the person was reported."
    )
    unit: str | None = Field(None, description="Military unit, if any.")
    rank: str | None = Field(None, description="Rank, if any.")
    note: str = Field("", description="How the identification was made or changed.")


class VictimGroup(Strict):
    """People harmed alike: same side, status and harm."""

    side: str | None = Field(None, description="A key of `sides` in archive.yaml, or null when unknown.")
    status: str = Field(description="A key of `victim_statuses` in archive.yaml.")
    harm: Harm = Field(description="killed | wounded | tortured | ill-treated | missing.")
    count: (
        Annotated[
            Annotated[StrictInt, Tag("number")] | Annotated[CountRange, Tag("range")],
            Discriminator(lambda v: "range" if isinstance(v, (dict, CountRange)) else "number"),
        ]
        | None
    ) = Field(description="How many: a number, {min, max}, or null when unknown.")
    description: str = Field("", description="Who they were and what happened to them, as the sources say.")
    people: list[Person] = Field(default_factory=list, description="Named people in the group.")
    sources: list[str] = sources_field()

    @field_validator("count", mode="before")
    @classmethod
    def _count(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and value < 1:
            raise PydanticCustomError("count", "a count must be at least 1 (write null when unknown)")
        return value

    @field_validator("side")
    @classmethod
    def _side(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else check_key(value, info, "sides")

    @field_validator("status")
    @classmethod
    def _status(cls, value: str, info: ValidationInfo) -> str:
        return check_key(value, info, "victim_statuses")

    def count_words(self) -> str:
        if self.count is None:
            return gettext("unknown number")
        if isinstance(self.count, CountRange):
            if self.count.min == self.count.max:
                return f"{self.count.min}"
            return gettext("%(min)d to %(max)d") % {"min": self.count.min, "max": self.count.max}
        return str(self.count)
