"""The timeline's geometry: every incident placed in time, drawn at build time as SVG by a template.

A record known to the day is a point; any other date (a month, a year, a window from .. to) is a span
covering every day it may have happened. Marks are packed into lanes so that none overlaps another or
another's label; the page also carries the same data as a table (the text alternative).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from warcrime_archive.catalog.nodes import Entry
from warcrime_archive.i18n import gettext, ngettext
from warcrime_archive.model.dates import short_month_name

WIDTH = 960  # SVG user units
LEFT, RIGHT = 12, 12
AXIS = 34  # height of the axis band at the top
LANE = 24
LABEL_LIMIT = 150  # above this many records, marks are not labelled (the table below names each)
LABEL_CHARS = 48
CHAR_WIDTH = 6.6  # average advance of the label font (12px system-ui), for packing
MIN_SPAN = 6.0  # a window is never drawn narrower than this, so it still reads as a span
MIN_MONTHS = 3
STEPS = (1, 2, 3, 6, 12, 24, 60, 120)  # months between axis ticks


@dataclass(frozen=True)
class Mark:
    entry: Entry
    kind: str  # point | span
    x: float  # the point, or the span's start
    x2: float  # the span's end (== x for a point)
    y: float  # the lane's middle
    label: str  # shortened title (empty when there are too many records to label)
    label_x: float
    label_end: bool  # the label sits left of the mark (text-anchor end)

    @property
    def width(self) -> float:
        return round(self.x2 - self.x, 1)


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    iso: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    marks: tuple[Mark, ...]
    ticks: tuple[Tick, ...]
    first: dt.date
    last: dt.date

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def _month_add(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def _short(title: str) -> str:
    return title if len(title) <= LABEL_CHARS else title[: LABEL_CHARS - 1].rstrip() + "…"


def chronological(entries: Sequence[Entry]) -> list[Entry]:
    """Oldest first, by the start of the date window, then its end, then the id."""
    return sorted(entries, key=lambda e: e.sort_key)


def build(entries: Sequence[Entry]) -> Timeline | None:
    """The timeline of `entries`, or None when there are none."""
    ordered = chronological(entries)
    if not ordered:
        return None
    starts = [e.incident.date.start.start for e in ordered]
    ends = [e.incident.date.end.end for e in ordered]
    first = _month_add(min(starts), 0)  # the first day of the first month
    last = _month_add(max(ends), 1)  # the first day after the last month
    months = (last.year - first.year) * 12 + last.month - first.month
    if months < MIN_MONTHS:  # a short archive is shown over a few months, with its marks in the middle
        first = _month_add(first, -((MIN_MONTHS - months) // 2))
        last = _month_add(first, MIN_MONTHS)
        months = MIN_MONTHS
    days = (last - first).days
    scale = (WIDTH - LEFT - RIGHT) / days

    def x_of(day: dt.date) -> float:
        return LEFT + (day - first).days * scale

    labelled = len(ordered) <= LABEL_LIMIT
    lanes: list[float] = []  # the right-most x taken in each lane
    marks = []
    for entry in ordered:
        date = entry.incident.date
        if not date.is_window and date.at is not None and date.at.day:
            kind, x = "point", x_of(date.at.start) + scale / 2
            x2 = x
        else:
            kind, x = "span", x_of(date.start.start)
            x2 = max(x_of(date.end.end + dt.timedelta(days=1)), x + MIN_SPAN)
        label = _short(entry.incident.title) if labelled else ""
        label_w = len(label) * CHAR_WIDTH + 8 if label else 0
        label_end = bool(label) and x2 + label_w > WIDTH - RIGHT
        taken = (x - label_w - 6, x2 + 6) if label_end else (x - 6, x2 + label_w + 6)
        for i, right in enumerate(lanes):
            if right < taken[0]:
                lane = i
                lanes[i] = taken[1]
                break
        else:
            lane = len(lanes)
            lanes.append(taken[1])
        label_x = x - 8 if label_end else x2 + 8
        marks.append(
            Mark(
                entry,
                kind,
                round(x, 1),
                round(x2, 1),
                AXIS + LANE * lane + LANE / 2,
                label,
                round(label_x, 1),
                label_end,
            )
        )

    ticks = _ticks(first, last, months, x_of)
    height = AXIS + LANE * max(1, len(lanes)) + 8
    return Timeline(WIDTH, height, tuple(marks), tuple(ticks), first, last - dt.timedelta(days=1))


def _ticks(first: dt.date, last: dt.date, months: int, x_of: Callable[[dt.date], float]) -> list[Tick]:
    """The axis's ticks from `first` to `last` (months apart), each month or year as the span allows."""
    step = next((s for s in STEPS if months / s <= 12), STEPS[-1])
    ticks = []
    tick = first if step < 12 else dt.date(first.year, 1, 1)
    while tick <= last:
        if first <= tick < last and x_of(tick) < WIDTH - RIGHT - 50:  # room for the tick's label
            label = str(tick.year) if tick.month == 1 else f"{short_month_name(tick.month)} {tick.year}"
            ticks.append(Tick(round(x_of(tick), 1), label, tick.isoformat()[: 7 if step < 12 else 4]))
        tick = _month_add(tick, step)
    return ticks


def date_kind(entry: Entry) -> str:
    """How precisely the date is known, in words, for the table."""
    date = entry.incident.date
    if not date.is_window and date.at is not None and date.at.day:
        return gettext("known day")
    days = (date.end.end - date.start.start).days + 1
    words = ngettext("window of %(num)d day", "window of %(num)d days", days) % {"num": days}
    if days == 1:
        words = gettext("known day")
    return gettext("%(precision)s, approximate") % {"precision": words} if date.approximate else words
