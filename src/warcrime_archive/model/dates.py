"""Dates as precise as the sources allow: a day, a month or a year, and windows of them in words."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from warcrime_archive.i18n import N_, gettext, pgettext

PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_FORM = re.compile(PATTERN)
MONTHS = (
    "",
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


def month_name(month: int) -> str:
    """The month's name in the site's language: 'March'."""
    return gettext(MONTHS[month])


def short_month_name(month: int) -> str:
    """The month's short name in the site's language, for the timeline's axis: 'Mar'."""
    names = (
        pgettext("short month", "Jan"),
        pgettext("short month", "Feb"),
        pgettext("short month", "Mar"),
        pgettext("short month", "Apr"),
        pgettext("short month", "May"),
        pgettext("short month", "Jun"),
        pgettext("short month", "Jul"),
        pgettext("short month", "Aug"),
        pgettext("short month", "Sep"),
        pgettext("short month", "Oct"),
        pgettext("short month", "Nov"),
        pgettext("short month", "Dec"),
    )
    return names[month - 1]


def day_month_name(month: int) -> str:
    """The month's name after a day's number, which some languages inflect (Ukrainian: '30 березня', March
    being 'березень'): 'March'."""
    names = (
        pgettext("after a day", "January"),
        pgettext("after a day", "February"),
        pgettext("after a day", "March"),
        pgettext("after a day", "April"),
        pgettext("after a day", "May"),
        pgettext("after a day", "June"),
        pgettext("after a day", "July"),
        pgettext("after a day", "August"),
        pgettext("after a day", "September"),
        pgettext("after a day", "October"),
        pgettext("after a day", "November"),
        pgettext("after a day", "December"),
    )
    return names[month - 1]


def day_words(day: dt.date) -> str:
    """A day in words: '30 March 2022'."""
    month = day_month_name(day.month)
    return gettext("%(day)d %(month)s %(year)d") % {"day": day.day, "month": month, "year": day.year}


def month_words(day: dt.date) -> str:
    """The month of a day in words: 'March 2022'."""
    return gettext("%(month)s %(year)d") % {"month": month_name(day.month), "year": day.year}


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
        return cls(*parts)

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
            return day_words(self.start)
        if self.month:
            return month_words(self.start)
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
        return start.words() if start.day else gettext("some time in %(date)s") % {"date": start.words()}
    between = gettext("between %(first)s and %(last)s")
    if start.day and end.day:
        if (start.year, start.month) == (end.year, end.month):
            return between % {"first": start.day, "last": end.words()}
        if start.year == end.year:
            first = gettext("%(day)d %(month)s") % {"day": start.day, "month": day_month_name(start.month or 1)}
            return between % {"first": first, "last": end.words()}
    if start.month and end.month and not start.day and not end.day and start.year == end.year:
        return between % {"first": month_name(start.month), "last": end.words()}
    first = start.words() if start.month else gettext("the start of %(year)d") % {"year": start.year}
    last = end.words() if end.month else gettext("the end of %(year)d") % {"year": end.year}
    return between % {"first": first, "last": last}


def not_future(value: PartialDate | None, info: ValidationInfo) -> PartialDate | None:
    """A validator of a date field: the date may not be after the context's `today` (when it gives one)."""
    today: dt.date | None = (info.context or {}).get("today")
    if value is not None and today is not None and value.start > today:
        raise PydanticCustomError("date_future", "{value} is in the future", {"value": value.iso()})
    return value
