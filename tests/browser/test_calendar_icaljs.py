"""The course calendar read by a second independent parser, ical.js 2.2.1 (vendored for tests only, see
tests/vendor/icaljs/README.md), in real headless Chromium: ical.js builds its time zones from the VTIMEZONE in
Reverie's own file (nothing else is registered), expands the weekly rule and must land on the right local hour,
in London in winter and in New York just after the clock change, at a time London's clocks skip (written as an
override, applied as a calendar program does) and in Casablanca, whose changes move with Ramadan. The vobject test
(tests/programmes/) stays."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.programmes.calendar import CalendarCourse, course_to_ics

pytestmark = pytest.mark.browser

VENDOR = Path(__file__).resolve().parents[1] / "vendor" / "icaljs"
ICALJS_SHA256 = "6643f20634241dc040e02c2f10e3c48cf9bcda4b3180f4321a3d05a3a83dfe52"
ORIGIN = "http://icaljs.test"
PAGE = (
    "<!doctype html><html><head><title>ical.js</title></head><body>"
    '<script type="module">import ICAL from "/ical.min.js"; window.ICAL = ICAL;</script></body></html>'
)

# Every occurrence ical.js computes: the zone it is in, its local wall time, and its instant (seconds since 1970).
EXPAND = """(ics) => {
  const ICAL = window.ICAL;
  ICAL.TimezoneService.reset();
  const root = new ICAL.Component(ICAL.parse(ics));
  const zones = root.getAllSubcomponents("vtimezone").map((vtz) => {
    const zone = new ICAL.Timezone(vtz);
    ICAL.TimezoneService.register(zone);
    return zone.tzid;
  });
  const seen = [];
  for (const vevent of root.getAllSubcomponents("vevent")) {
    const iterator = new ICAL.Event(vevent).iterator();
    for (let next = iterator.next(), n = 0; next && n < 60; next = iterator.next(), n++) {
      seen.push([next.zone.tzid, next.toString(), next.toUnixTime()]);
    }
  }
  seen.sort((a, b) => a[2] - b[2]);
  return {version: ICAL.design ? "ok" : "missing", zones, seen};
}"""

# The same with each override (RECURRENCE-ID) applied to its occurrence, as a calendar program shows the course.
EXPAND_WITH_OVERRIDES = """(ics) => {
  const ICAL = window.ICAL;
  ICAL.TimezoneService.reset();
  const root = new ICAL.Component(ICAL.parse(ics));
  root.getAllSubcomponents("vtimezone").forEach((vtz) => ICAL.TimezoneService.register(new ICAL.Timezone(vtz)));
  const vevents = root.getAllSubcomponents("vevent");
  const overrides = vevents.filter((v) => v.hasProperty("recurrence-id"));
  const seen = [];
  for (const master of vevents.filter((v) => !v.hasProperty("recurrence-id"))) {
    const uid = master.getFirstPropertyValue("uid");
    const own = overrides.filter((v) => v.getFirstPropertyValue("uid") === uid);
    const event = new ICAL.Event(master, {exceptions: own});
    const iterator = event.iterator();
    for (let next = iterator.next(), n = 0; next && n < 60; next = iterator.next(), n++) {
      const start = event.getOccurrenceDetails(next).startDate;
      seen.push([start.zone.tzid, start.toString(), start.toUnixTime()]);
    }
  }
  seen.sort((a, b) => a[2] - b[2]);
  return {version: ICAL.design ? "ok" : "missing", zones: [], seen};
}"""


@pytest.fixture(scope="module")
def icaljs(chromium: Any) -> Iterator[Any]:
    script = (VENDOR / "ical.min.js").read_bytes()
    assert hashlib.sha256(script).hexdigest() == ICALJS_SHA256, "tests/vendor/icaljs/ical.min.js changed"
    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(20_000)

    def serve(route: Any) -> None:
        if route.request.url.endswith("/ical.min.js"):
            route.fulfill(status=200, content_type="text/javascript", body=script)
        elif route.request.url.rstrip("/") == ORIGIN:
            route.fulfill(status=200, content_type="text/html", body=PAGE)
        else:
            route.abort()

    page.route(f"{ORIGIN}/**", serve)
    page.goto(f"{ORIGIN}/")
    page.wait_for_function("() => window.ICAL !== undefined")
    yield page
    context.close()


def _expand(
    page: Any, course: CalendarCourse, script: str = EXPAND
) -> tuple[list[str], list[tuple[str, str, datetime]]]:
    result = page.evaluate(script, course_to_ics(course).decode())
    assert result["version"] == "ok"
    seen = [(zone, local, datetime.fromtimestamp(stamp, UTC)) for zone, local, stamp in result["seen"]]
    return result["zones"], seen


def test_icaljs_reads_a_london_winter_course_at_ten_gmt(icaljs: Any) -> None:
    start = datetime(2026, 1, 5, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    zones, seen = _expand(icaljs, CalendarCourse(uid="course-london-1", start=start, sessions=4, stamp=start))
    assert zones == ["Europe/London"]
    assert seen == [
        ("Europe/London", f"2026-01-{day:02d}T10:00:00", datetime(2026, 1, day, 10, 0, tzinfo=UTC))
        for day in (5, 12, 19, 26)
    ]


def test_icaljs_reads_new_york_sessions_after_the_clock_change_at_the_same_local_hour(icaljs: Any) -> None:
    start = datetime(2026, 2, 23, 18, 0, tzinfo=ZoneInfo("America/New_York"))  # clocks change Sunday 8 March
    zones, seen = _expand(
        icaljs, CalendarCourse(uid="course-newyork-1", start=start, sessions=4, stamp=start)
    )
    assert zones == ["America/New_York"]
    assert seen == [
        ("America/New_York", "2026-02-23T18:00:00", datetime(2026, 2, 23, 23, 0, tzinfo=UTC)),
        ("America/New_York", "2026-03-02T18:00:00", datetime(2026, 3, 2, 23, 0, tzinfo=UTC)),
        ("America/New_York", "2026-03-09T18:00:00", datetime(2026, 3, 9, 22, 0, tzinfo=UTC)),  # 18:00 EDT
        ("America/New_York", "2026-03-16T18:00:00", datetime(2026, 3, 16, 22, 0, tzinfo=UTC)),
    ]


def test_icaljs_reads_two_weekdays_and_a_cancelled_session_across_londons_change(icaljs: Any) -> None:
    zone = ZoneInfo("Europe/London")
    start = datetime(
        2026, 3, 23, 10, 0, tzinfo=zone
    )  # Monday 10:00 and Thursday 18:30; clocks change 29 March
    course = CalendarCourse(
        uid="course-twice-1",
        start=start,
        sessions=4,
        weekly=2,
        weekdays=(0, 3),
        day_times=((3, time(18, 30)),),
        cancelled=(datetime(2026, 3, 26, 18, 30, tzinfo=zone),),
        stamp=start,
    )
    _, seen = _expand(icaljs, course)
    assert [(local, instant) for _, local, instant in seen] == [
        ("2026-03-23T10:00:00", datetime(2026, 3, 23, 10, 0, tzinfo=UTC)),
        ("2026-03-30T10:00:00", datetime(2026, 3, 30, 9, 0, tzinfo=UTC)),  # 10:00 BST
        ("2026-04-02T18:30:00", datetime(2026, 4, 2, 17, 30, tzinfo=UTC)),
        ("2026-04-06T10:00:00", datetime(2026, 4, 6, 9, 0, tzinfo=UTC)),
    ]


def test_icaljs_places_the_session_at_a_skipped_time_after_the_gap_and_drops_it_once_cancelled(
    icaljs: Any,
) -> None:
    """Sunday 01:30 London from 22 Mar 2026: 29 Mar has no 01:30, so that session is at 01:30 UTC (02:30 BST), as
    Reverie stores it; cancelled (its stored instant given), ical.js no longer shows it."""
    zone = ZoneInfo("Europe/London")
    start = datetime(2026, 3, 22, 1, 30, tzinfo=zone)
    course = CalendarCourse(uid="course-gap-1", start=start, sessions=3, stamp=start)
    _, seen = _expand(icaljs, course, EXPAND_WITH_OVERRIDES)
    assert [instant for _, _, instant in seen] == [
        datetime(2026, 3, 22, 1, 30, tzinfo=UTC),
        datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
        datetime(2026, 4, 5, 0, 30, tzinfo=UTC),
    ]
    gone = CalendarCourse(
        uid="course-gap-2",
        start=start,
        sessions=3,
        cancelled=(datetime(2026, 3, 29, 1, 30, tzinfo=UTC),),
        stamp=start,
    )
    _, seen = _expand(icaljs, gone, EXPAND_WITH_OVERRIDES)
    assert [instant for _, _, instant in seen] == [
        datetime(2026, 3, 22, 1, 30, tzinfo=UTC),
        datetime(2026, 4, 5, 0, 30, tzinfo=UTC),
        datetime(2026, 4, 12, 0, 30, tzinfo=UTC),
    ]


def test_icaljs_reads_a_casablanca_course_into_2027_at_its_real_hours(icaljs: Any) -> None:
    """Monday 10:00 Casablanca, Dec 2026 to Mar 2027: its clock changes follow Ramadan (7 Feb to 14 Mar 2027), so
    the VTIMEZONE holds each change of those years and ical.js places every session at 10:00."""
    zone = ZoneInfo("Africa/Casablanca")
    start = datetime(2026, 12, 7, 10, 0, tzinfo=zone)
    course = CalendarCourse(uid="course-casablanca-1", start=start, sessions=16, stamp=start)
    _, seen = _expand(icaljs, course)
    wanted = [datetime(2026, 12, 7, 10, 0, tzinfo=zone) + timedelta(weeks=k) for k in range(16)]
    assert [instant for _, _, instant in seen] == [at.astimezone(UTC) for at in wanted]
