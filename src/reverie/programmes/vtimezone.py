"""A conventional, RRULE-based VTIMEZONE (RFC 5545 §3.6.5) for an IANA zone, as calendar programs expect it.

One STANDARD and one DAYLIGHT sub-component, each with a yearly rule ("last Sunday of March at 01:00") derived
from the zone's transitions in the years the calendar covers. Readers that do not expand long lists of explicit
dates (vobject, ical.js) then place every session at the right hour. A zone without daylight saving gets one
STANDARD component with its fixed offset.
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


def vtimezone(zone: ZoneInfo, year: int) -> icalendar.Timezone:
    """The VTIMEZONE for ``zone`` with the rules in force in ``year``."""
    component = icalendar.Timezone()
    component.add("tzid", zone.key)
    changes = onsets(zone, year)
    if len(changes) != 2:  # no daylight saving (or an irregular year): the offset in force at mid-year
        probe = datetime(year, 7, 1, tzinfo=UTC).astimezone(zone)
        offset = probe.utcoffset() or timedelta(0)
        standard = icalendar.TimezoneStandard()
        standard.add("dtstart", datetime(1970, 1, 1))
        standard.add("tzoffsetfrom", offset)
        standard.add("tzoffsetto", offset)
        standard.add("tzname", probe.tzname() or zone.key)
        component.add_component(standard)
        return component
    for change in changes:
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
        component.add_component(part)
    return component
