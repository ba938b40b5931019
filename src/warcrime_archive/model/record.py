"""The incident record (one YAML file in incidents/) as validated models: the incident, its grade and its
correction log, with its parts from the modules beside this one.

Every field has a description: the JSON Schema, the editors' reference and the scaffold come from
them. Vocabulary keys (sides, categories, statuses, grades) are checked against archive.yaml through
the validation context; cross-record rules live in `validate` and the grade rules in `grading`.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from warcrime_archive.model.claims import sources_field
from warcrime_archive.model.config import Strict
from warcrime_archive.model.damage import Casualties, Damage
from warcrime_archive.model.dates import PartialDate, not_future
from warcrime_archive.model.enums import Checked, Sensitivity
from warcrime_archive.model.incident_date import IncidentDate
from warcrime_archive.model.location import Location
from warcrime_archive.model.people import AllegedPerpetrator, VictimGroup
from warcrime_archive.model.responses import Investigation, Response
from warcrime_archive.model.sources import Evidence, Source
from warcrime_archive.model.vocabulary import check_key
from warcrime_archive.richtext import markdown_too_complex

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$"


class Verifier(Strict):
    """Who independently verified the evidence, what they checked, and the sources that report it."""

    who: str = Field(min_length=1, description="The organisation or person that verified it, e.g. The New York Times.")
    checked: list[Checked] = Field(
        default_factory=list,
        description="What they verified: authenticity (the material is what it seems), place, time, identity "
        "(of the people in it).",
    )
    sources: list[str] = sources_field()

    def checked_words(self) -> str:
        """What was checked, in the site's language: 'authenticity, place'."""
        return ", ".join(c.words() for c in self.checked)


class Verification(Strict):
    """The record's grade on the archive's verification scale, and why."""

    status: str = Field(description="A key of `verification` in archive.yaml (the grade).")
    by: list[Verifier] = Field(
        default_factory=list, description="Who independently verified the evidence, and what they checked."
    )
    note: str = Field("", description="Why this grade: what was verified, by whom, and what was not.")
    sources: list[str] = sources_field()

    @field_validator("status")
    @classmethod
    def _status(cls, value: str, info: ValidationInfo) -> str:
        return check_key(value, info, "verification")


class Correction(Strict):
    """An entry in the record's public correction log."""

    date: PartialDate = Field(description="When the correction was made.")
    note: str = Field(min_length=1, description="What changed and why.")
    sources: list[str] = sources_field()

    _future = field_validator("date")(not_future)


class Withdrawal(Strict):
    """Why and when a published record was withdrawn: its address stays, as a notice saying so."""

    date: PartialDate = Field(description="When the record was withdrawn.")
    reason: str = Field(min_length=1, description="Why, for readers: shown at the record's address.")

    _future = field_validator("date")(not_future)


class Incident(Strict):
    """One incident: a file incidents/**/<id>.yaml."""

    language: str | None = Field(
        None,
        pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$",
        description="The language its texts are written in (a BCP 47 tag: 'uk', 'ar'); by default the archive's. "
        "Pages mark the texts with it, and with its direction (right to left for Arabic).",
    )
    title: str = Field(min_length=1, max_length=200, description="A short neutral headline.")
    summary: str = Field(min_length=1, description="One to three neutral sentences: what is alleged, by whom.")
    category: str = Field(description="A key of `categories` in archive.yaml.")
    date: IncidentDate = Field(
        description="When it happened: a date, {at, note} or a window {from, to, approximate, note}."
    )
    first_reported: PartialDate | None = Field(None, description="When it was first reported publicly.")
    location: Location = Field(description="Where it happened.")
    alleged_perpetrators: list[AllegedPerpetrator] = Field(
        description="Parties alleged to be responsible; [] when the sources attribute the incident to no party "
        "(shown 'Not attributed', filtered and downloaded as `not-attributed`)."
    )
    victims: list[VictimGroup] = Field(
        default_factory=list,
        description="Groups of people harmed; [] only with `casualties: {reported: none}` (damage only).",
    )
    casualties: Casualties | None = Field(
        None,
        description="{reported: none, sources: [...]} when the sources report no casualties; the record then lists "
        "no victims.",
    )
    damage: list[Damage] = Field(
        default_factory=list, description="Objects damaged or destroyed: [{kind, description, sources}]."
    )
    verification: Verification = Field(description="The grade and why.")
    responses: list[Response] = Field(default_factory=list, description="What parties said.")
    investigations: list[Investigation] = Field(default_factory=list, description="Official investigations.")
    sources: list[Source] = Field(min_length=1, description="Every statement in the record rests on one of these.")
    evidence: list[Evidence] = Field(default_factory=list, description="Withheld material proven by its hash.")
    content_warning: str = Field("", description="Shown before the narrative when it describes graphic violence.")
    tags: list[str] = Field(default_factory=list, description="Free keywords, lowercase with hyphens.")
    related: list[str] = Field(default_factory=list, description="Ids of related incidents; each must exist.")
    same_as: list[str] = Field(
        default_factory=list,
        description="Ids of records of the same incident, kept apart on purpose: no 'possible duplicate' warning.",
    )
    not_same_as: list[str] = Field(
        default_factory=list,
        description="Ids of records that look alike (same day, same place) but are other incidents: no warning.",
    )
    narrative: str = Field("", description="The account in Markdown; rendered, then sanitised.")
    corrections: list[Correction] = Field(
        default_factory=list, description="The public correction log; required when the grade, side or a count changes."
    )
    aliases: list[str] = Field(default_factory=list, description="Former ids of this record; their URLs redirect here.")
    sensitivity: list[Sensitivity] = Field(
        default_factory=list,
        description="personal-information: names of people and coordinates finer than the settlement "
        "are not published.",
    )
    private: Any = Field(
        None,
        description="Anything at all for the editors; never published anywhere, and stored encrypted "
        "(`warcrime-archive private encrypt`).",
    )
    status: Literal["published", "withdrawn"] = Field(
        "published",
        description="published | withdrawn. A withdrawn record keeps its address as a notice (its title, dates and "
        "the public reason) and leaves every list, map, feed, search and download but the withdrawals.",
    )
    withdrawn: Withdrawal | None = Field(None, description="When and why it was withdrawn; required when withdrawn.")

    @field_validator("category")
    @classmethod
    def _category(cls, value: str, info: ValidationInfo) -> str:
        return check_key(value, info, "categories")

    _future = field_validator("first_reported")(not_future)

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str]) -> list[str]:
        for tag in value:
            if not re.match(r"^[a-z0-9][a-z0-9-]*$", tag):
                raise PydanticCustomError(
                    "tag", "tag '{tag}' must be lowercase letters, digits and hyphens", {"tag": tag}
                )
        return value

    @field_validator("narrative")
    @classmethod
    def _narrative(cls, value: str) -> str:
        found = markdown_too_complex(value)
        if found:
            raise PydanticCustomError(
                "markdown",
                "{what} (at line {line} of the narrative) is more complex Markdown than the build renders safely",
                {"line": found[0], "what": found[1]},
            )
        return value

    @field_validator("related", "aliases", "same_as", "not_same_as")
    @classmethod
    def _ids(cls, value: list[str]) -> list[str]:
        for item in value:
            if not re.match(ID_PATTERN, item):
                raise PydanticCustomError(
                    "id", "'{id}' is not a record id (lowercase letters, digits, hyphens)", {"id": item}
                )
        return value

    @model_validator(mode="after")
    def _withdrawal(self) -> Incident:
        if self.status == "withdrawn" and self.withdrawn is None:
            raise PydanticCustomError(
                "withdrawal",
                "a withdrawn record needs `withdrawn` with its `date` and its `reason` for readers",
                {"field": "status"},
            )
        if self.status != "withdrawn" and self.withdrawn is not None:
            raise PydanticCustomError(
                "withdrawal", "`withdrawn` is given but the record's status is not withdrawn", {"field": "withdrawn"}
            )
        return self

    @model_validator(mode="after")
    def _harm(self) -> Incident:
        if not self.victims and self.casualties is None:
            raise PydanticCustomError(
                "victims",
                "no victims are listed (list the groups of people harmed; when the sources report no casualties, "
                "write `casualties: {reported: none, sources: [...]}` and list what was damaged in `damage`)",
                {"field": "victims"},
            )
        if self.victims and self.casualties is not None:
            raise PydanticCustomError(
                "victims",
                "`casualties: {reported: none}` is given, but victims are listed (keep one of them)",
                {"field": "casualties"},
            )
        return self

    @model_validator(mode="after")
    def _not_before_incident(self) -> Incident:
        """A report or a correction cannot precede the incident (compared conservatively for partial dates)."""
        earliest = self.date.start.start
        if self.first_reported is not None and self.first_reported.end < earliest:
            raise PydanticCustomError(
                "before_incident",
                "{reported} is before the earliest date of the incident ({incident}) "
                "(a report cannot precede the incident)",
                {"reported": self.first_reported.iso(), "incident": self.date.start.iso(), "field": "first_reported"},
            )
        for i, correction in enumerate(self.corrections):
            if correction.date.end < earliest:
                raise PydanticCustomError(
                    "before_incident",
                    "{corrected} is before the earliest date of the incident ({incident}) "
                    "(a correction cannot precede the incident)",
                    {
                        "corrected": correction.date.iso(),
                        "incident": self.date.start.iso(),
                        "field": f"corrections.{i}.date",
                    },
                )
        return self

    @property
    def is_withdrawn(self) -> bool:
        return self.status == "withdrawn"

    @property
    def personal(self) -> bool:
        return Sensitivity.personal_information in self.sensitivity
