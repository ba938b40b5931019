"""Dates as precise as the sources allow: a day, a month or a year, and windows of them in words."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_FORM = re.compile(PATTERN)
MONTHS = list(calendar.month_name)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A day (2022-03-30), a month (2022-03) or a year (2022); a month or year means some time in it."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise PydanticCustomError("date_type", "a date must be written as YYYY-MM-DD, YYYY-MM or YYYY")
        text = str(value).strip()
        if not _FORM.match(text):
            raise PydanticCustomError(
                "date_format", "'{value}' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY", {"value": text}
            )
        parts = [int(p) for p in text.split("-")]
        try:
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            raise PydanticCustomError("date_impossible", "'{value}' is not a real date", {"value": text}) from None
        return cls(*parts)  # type: ignore[arg-type]

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def end(self) -> dt.date:
        if self.day:
            return self.start
        if self.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text

    def words(self) -> str:
        if self.day:
            return f"{self.day} {MONTHS[self.month or 1]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month]} {self.year}"
        return str(self.year)

    def __str__(self) -> str:
        return self.iso()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(lambda d: d.iso())
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {
            "anyOf": [{"type": "string", "pattern": PATTERN}, {"type": "integer", "minimum": 1000, "maximum": 9999}],
            "description": "A day (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY).",
        }


def window_words(start: PartialDate, end: PartialDate | None) -> str:
    """'30 December 2022', 'some time in June 2024', 'between 29 and 30 March 2022', ..."""
    if end is None or end == start:
        return start.words() if start.day else f"some time in {start.words()}"
    if start.day and end.day:
        if (start.year, start.month) == (end.year, end.month):
            return f"between {start.day} and {end.words()}"
        if start.year == end.year:
            return f"between {start.day} {MONTHS[start.month or 1]} and {end.words()}"
    if start.month and end.month and not start.day and not end.day and start.year == end.year:
        return f"between {MONTHS[start.month]} and {end.words()}"
    first = start.words() if start.month else f"the start of {start.year}"
    last = end.words() if end.month else f"the end of {end.year}"
    return f"between {first} and {last}"
