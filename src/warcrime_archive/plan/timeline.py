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
from warcrime_archive.model.dates import month_words, short_month_name

WIDTH = 960  # SVG user units
LEFT, RIGHT = 12, 12
AXIS = 34  # height of the axis band at the top
LANE = 24
LABEL_LIMIT = 150  # above this many records, marks are not labelled (the table below names each)
MARK_LIMIT = 300  # above this many records, the timeline is a histogram of records by month (`histogram`)
BAR_HEIGHT = 160  # the tallest bar of the histogram
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


def _short(title: str, chars: int = LABEL_CHARS) -> str:
    """The title cut to `chars` at the end of a word, with an ellipsis: the visible label is then words of the mark's
    name, as assistive technology expects of a link named otherwise than by its text."""
    if len(title) <= chars:
        return title
    cut = title[: max(0, chars - 1)]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"


def chronological(entries: Sequence[Entry]) -> list[Entry]:
    """Oldest first, by the start of the date window, then its end, then the id."""
    return sorted(entries, key=lambda e: e.sort_key)


@dataclass(frozen=True)
class _Axis:
    """The span of time a timeline shows, whole months, and where each day is along it."""

    first: dt.date
    last: dt.date  # the first day after the last month
    months: int

    @property
    def scale(self) -> float:
        return (WIDTH - LEFT - RIGHT) / (self.last - self.first).days

    def x_of(self, day: dt.date) -> float:
        return LEFT + (day - self.first).days * self.scale


def _axis(ordered: Sequence[Entry]) -> _Axis:
    starts = [e.incident.date.start.start for e in ordered]
    ends = [e.incident.date.end.end for e in ordered]
    first = _month_add(min(starts), 0)  # the first day of the first month
    last = _month_add(max(ends), 1)  # the first day after the last month
    months = (last.year - first.year) * 12 + last.month - first.month
    if months < MIN_MONTHS:  # a short archive is shown over a few months, with its marks in the middle
        first = _month_add(first, -((MIN_MONTHS - months) // 2))
        last = _month_add(first, MIN_MONTHS)
        months = MIN_MONTHS
    return _Axis(first, last, months)


def _label_place(label: str, x: float, x2: float) -> tuple[str, bool]:
    """The label as drawn and whether it sits left of the mark (text-anchor end): right of it if it fits, else left
    if it fits there, else on the roomier side, shortened to fit (never cut off by the picture's edge)."""
    if not label:
        return "", False
    room_right, room_left = WIDTH - RIGHT - (x2 + 8), x - 8 - LEFT
    width = len(label) * CHAR_WIDTH
    if width <= room_right:
        return label, False
    if width <= room_left:
        return label, True
    chars = int(max(room_right, room_left) / CHAR_WIDTH)
    return (_short(label, chars) if chars >= 8 else ""), room_left > room_right


def build(entries: Sequence[Entry]) -> Timeline | None:
    """The timeline of `entries`, or None when there are none."""
    ordered = chronological(entries)
    if not ordered:
        return None
    axis = _axis(ordered)
    scale, x_of = axis.scale, axis.x_of
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
        label, label_end = _label_place(_short(entry.incident.title) if labelled else "", x, x2)
        label_w = len(label) * CHAR_WIDTH + 8 if label else 0
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
    ticks = _ticks(axis.first, axis.last, axis.months, x_of)
    height = AXIS + LANE * max(1, len(lanes)) + 8
    return Timeline(WIDTH, height, tuple(marks), tuple(ticks), axis.first, axis.last - dt.timedelta(days=1))


@dataclass(frozen=True)
class Bar:
    """The records whose date window starts in one month: a bar of the histogram."""

    x: float
    y: float
    width: float
    height: float
    count: int
    month: dt.date  # its first day
    url: str  # the page of its year

    @property
    def label(self) -> str:
        return ngettext("%(month)s: %(num)d incident", "%(month)s: %(num)d incidents", self.count) % {
            "month": month_words(self.month),
            "num": self.count,
        }


@dataclass(frozen=True)
class Histogram:
    """The timeline of an archive too large to draw each record: how many records start in each month."""

    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    first: dt.date
    last: dt.date
    total: int

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def histogram(entries: Sequence[Entry], year_url: Callable[[int], str]) -> Histogram | None:
    """The records counted by the month their date window starts in, each month's bar linking its year's page."""
    if not entries:
        return None
    axis = _axis(entries)
    counts: dict[dt.date, int] = {}
    for entry in entries:
        month = _month_add(entry.incident.date.start.start, 0)
        counts[month] = counts.get(month, 0) + 1
    tallest = max(counts.values())
    bars = []
    for month, count in sorted(counts.items()):
        x, x2 = axis.x_of(month), axis.x_of(_month_add(month, 1))
        height = max(2.0, BAR_HEIGHT * count / tallest)
        bar_top = AXIS + BAR_HEIGHT - height
        bars.append(
            Bar(
                round(x, 1),
                round(bar_top, 1),
                round(max(1.0, x2 - x - 1), 1),
                round(height, 1),
                count,
                month,
                year_url(month.year),
            )
        )
    ticks = _ticks(axis.first, axis.last, axis.months, axis.x_of)
    return Histogram(
        WIDTH,
        AXIS + BAR_HEIGHT + 8,
        tuple(bars),
        tuple(ticks),
        axis.first,
        axis.last - dt.timedelta(days=1),
        len(entries),
    )


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
