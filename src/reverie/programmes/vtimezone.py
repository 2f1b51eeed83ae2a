"""A conventional, RRULE-based VTIMEZONE (RFC 5545 §3.6.5) for an IANA zone, as calendar programs expect it.

One STANDARD and one DAYLIGHT sub-component, each with a yearly rule ("last Sunday of March at 01:00") derived
from the zone's transitions, when every year the calendar covers has the same two. Readers that do not expand
long lists of explicit dates (vobject, ical.js) then place every session at the right hour. A zone without a
change in those years gets one STANDARD component with its fixed offset; one whose changes differ from year to
year (Africa/Casablanca) or change rules within them gets each change of those years as a component of its own.
"""

from __future__ import annotations

import calendar as monthdays
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class Onset:
    """One yearly change: the wall time it happens (in the offset before it), and the offsets around it."""

    month: int
    byday: str  # e.g. "-1SU", "2SU"
    wall: datetime  # local wall time of the change, in the year it was found
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool


def _transitions(zone: ZoneInfo, year: int) -> list[tuple[datetime, datetime]]:
    """(UTC instant just before, just after) of each offset change in ``year``, found by bisection."""
    found = []
    start = datetime(year, 1, 1, tzinfo=UTC)
    step = timedelta(days=1)
    moment = start
    while moment.year == year:
        after = moment + step
        if moment.astimezone(zone).utcoffset() != after.astimezone(zone).utcoffset():
            low, high = moment, after
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                if low.astimezone(zone).utcoffset() == middle.astimezone(zone).utcoffset():
                    low = middle
                else:
                    high = middle
            found.append((low, high))
        moment = after
    return found


def _byday(day: datetime) -> str:
    code = DAY_CODES[day.weekday()]
    last_day = monthdays.monthrange(day.year, day.month)[1]
    if day.day + 7 > last_day:
        return f"-1{code}"
    return f"{(day.day - 1) // 7 + 1}{code}"


def onsets(zone: ZoneInfo, year: int) -> list[Onset]:
    out = []
    for before, after in _transitions(zone, year):
        local_before, local_after = before.astimezone(zone), after.astimezone(zone)
        offset_from, offset_to = local_before.utcoffset(), local_after.utcoffset()
        assert offset_from is not None and offset_to is not None
        change = after.replace(second=0, microsecond=0)
        wall = (change + offset_from).replace(tzinfo=None)  # the wall clock before the change
        out.append(
            Onset(
                month=wall.month,
                byday=_byday(wall),
                wall=wall,
                offset_from=offset_from,
                offset_to=offset_to,
                name=local_after.tzname() or "",
                daylight=bool(local_after.dst()),
            )
        )
    return out


def _first_in(year: int, month: int, byday: str) -> int:
    """The day of the month that ``byday`` (``-1SU``, ``2SU``) names in that month and year."""
    weekday = DAY_CODES.index(byday[-2:])
    nth = int(byday[:-2])
    days = [
        d
        for d in range(1, monthdays.monthrange(year, month)[1] + 1)
        if monthdays.weekday(year, month, d) == weekday
    ]
    return days[nth - 1] if nth > 0 else days[nth]


def _key(change: Onset) -> tuple[object, ...]:
    return (
        change.month,
        change.byday,
        change.wall.hour,
        change.wall.minute,
        change.offset_from,
        change.offset_to,
        change.name,
        change.daylight,
    )


def vtimezone(zone: ZoneInfo, year: int, last_year: int | None = None) -> icalendar.Timezone:
    """The VTIMEZONE for ``zone`` with the rules in force from ``year`` to ``last_year`` (default: ``year`` alone),
    the years a course's sessions span. The same two yearly changes every one of those years: one STANDARD and one
    DAYLIGHT component with a yearly rule. Changes that move from year to year (Africa/Casablanca's follow
    Ramadan) or a rule that changes within the span: the offset in force on 1 January of ``year``, then each
    change of the span as a component of its own, so a reader places every session at its real hour."""
    last = max(year, last_year if last_year is not None else year)
    yearly = [onsets(zone, each) for each in range(year, last + 1)]
    component = icalendar.Timezone()
    component.add("tzid", zone.key)
    if not any(yearly):  # no change in the span: the fixed offset in force
        component.add_component(_fixed(zone, year))
        return component
    if len(yearly[0]) == 2 and all([_key(c) for c in y] == [_key(c) for c in yearly[0]] for y in yearly):
        for change in yearly[0]:
            component.add_component(_yearly(change))
        return component
    component.add_component(_fixed(zone, year, at_new_year=True))
    for change in (change for changes in yearly for change in changes):
        part = icalendar.TimezoneDaylight() if change.daylight else icalendar.TimezoneStandard()
        part.add("dtstart", change.wall)
        part.add("tzoffsetfrom", change.offset_from)
        part.add("tzoffsetto", change.offset_to)
        part.add("tzname", change.name)
        component.add_component(part)
    return component


def _fixed(zone: ZoneInfo, year: int, *, at_new_year: bool = False) -> icalendar.TimezoneStandard:
    """One STANDARD component from 1970 with the offset in force at mid-``year`` (or on its 1 January)."""
    probe = datetime(year, 1 if at_new_year else 7, 1, tzinfo=UTC).astimezone(zone)
    offset = probe.utcoffset() or timedelta(0)
    standard = icalendar.TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", offset)
    standard.add("tzoffsetto", offset)
    standard.add("tzname", probe.tzname() or zone.key)
    return standard


def _yearly(change: Onset) -> icalendar.TimezoneStandard | icalendar.TimezoneDaylight:
    """The change as a yearly rule from 1970 ("last Sunday of March at 01:00"), as calendar programs expect."""
    part = icalendar.TimezoneDaylight() if change.daylight else icalendar.TimezoneStandard()
    base = 1970
    first = datetime(
        base,
        change.month,
        _first_in(base, change.month, change.byday),
        change.wall.hour,
        change.wall.minute,
    )
    part.add("dtstart", first)
    part.add("tzoffsetfrom", change.offset_from)
    part.add("tzoffsetto", change.offset_to)
    part.add("tzname", change.name)
    part.add("rrule", {"freq": "yearly", "bymonth": change.month, "byday": change.byday})
    return part
