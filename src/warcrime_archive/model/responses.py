"""What followed: the parties' responses and the official investigations."""

from __future__ import annotations

from pydantic import Field, ValidationInfo, field_validator

from warcrime_archive.model.claims import sources_field
from warcrime_archive.model.config import Strict
from warcrime_archive.model.dates import PartialDate, not_future
from warcrime_archive.model.enums import InvestigationStatus, Stance
from warcrime_archive.model.vocabulary import check_key


class Response(Strict):
    """What a party or official said about the incident."""

    by: str = Field(min_length=1, description="Who responded (a person, office or body).")
    side: str | None = Field(None, description="The side they speak for: a key of `sides`, or null.")
    stance: Stance = Field(
        description="denies | acknowledges | blames-other-side | promised-investigation | no-comment."
    )
    date: PartialDate | None = Field(None, description="When, as precisely as known.")
    quote: str = Field("", description="Their words, verbatim from a listed source.")
    sources: list[str] = sources_field()

    @field_validator("side")
    @classmethod
    def _side(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else check_key(value, info, "sides")

    _future = field_validator("date")(not_future)


class Investigation(Strict):
    """An official investigation or proceeding."""

    authority: str = Field(min_length=1, description="Who investigates (a prosecutor, court, commission).")
    status: InvestigationStatus = Field(
        description="requested | opened | ongoing | charges-filed | trial | verdict | closed."
    )
    date: PartialDate | None = Field(None, description="When it reached that status.")
    reference: str | None = Field(None, description="Case number, or null when not published.")
    note: str = Field("", description="What is known about it.")
    sources: list[str] = sources_field()

    _future = field_validator("date")(not_future)
