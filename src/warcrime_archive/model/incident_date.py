"""When an incident happened: a known day, month or year, or a window of them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, StrictBool, field_validator, model_validator
from pydantic_core import PydanticCustomError

from warcrime_archive.i18n import gettext
from warcrime_archive.model.claims import sources_field
from warcrime_archive.model.config import Strict
from warcrime_archive.model.dates import PartialDate, not_future, window_words


class IncidentDate(Strict):
    """When it happened: a known day, month or year (`at`), or a window (`from` .. `to`)."""

    at: PartialDate | None = Field(None, description="The date, as precisely as known (day, month or year).")
    from_: PartialDate | None = Field(None, alias="from", description="The earliest it can have happened.")
    to: PartialDate | None = Field(None, description="The latest it can have happened.")
    approximate: StrictBool = Field(False, description="True when even the window is an estimate.")
    note: str = Field("", description="Where the date comes from, or why it is uncertain.")
    sources: list[str] = sources_field()

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        return {"at": value} if isinstance(value, (str, int)) and not isinstance(value, bool) else value

    _future_at = field_validator("at", "from_", "to")(not_future)

    @model_validator(mode="after")
    def _one_form(self) -> IncidentDate:
        if self.at is not None and (self.from_ is not None or self.to is not None):
            raise PydanticCustomError("date_form", "give either `at` or `from` and `to`, not both")
        if self.at is None and (self.from_ is None or self.to is None):
            raise PydanticCustomError("date_form", "a window needs both `from` and `to` (or give `at`)")
        if self.from_ is not None and self.to is not None and self.to.end < self.from_.start:
            raise PydanticCustomError(
                "date_order",
                "`to` ({to}) is before `from` ({start})",
                {"to": self.to.iso(), "start": self.from_.iso(), "field": "to"},
            )
        return self

    @property
    def start(self) -> PartialDate:
        return self.at or self.from_  # type: ignore[return-value]  # `_one_form`: `at`, or `from` and `to`

    @property
    def end(self) -> PartialDate:
        return self.at or self.to  # type: ignore[return-value]  # `_one_form`: `at`, or `from` and `to`

    @property
    def is_window(self) -> bool:
        return self.at is None

    def words(self) -> str:
        text = window_words(self.start, None if self.at else self.end)
        return gettext("%(date)s (approximate)") % {"date": text} if self.approximate else text

    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.start.start, self.end.end)
