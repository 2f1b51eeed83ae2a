"""r22: ical.js 2.2.1 (the vendored reader of tests/browser/test_calendar_icaljs.py, run here by Node on the same file)
places a weekly rule's occurrence, or a moved session's override, at London's repeated hour (01:30 on 25 Oct 2026)
at the *second* 01:30 (GMT, 01:30 UTC), an hour after Reverie holds it (the first, BST: 00:30 UTC, docs/course.md
"Clock changes"). Skipped hours were written as overrides for exactly this kind of disagreement; repeated ones were
not (the same in New York, Sydney, Santiago, Lord Howe, Chatham, Havana, Gaza, Cairo). Now an occurrence in a repeated
hour is an override too, its DTSTART in UTC. Moved from tests/review_r22 (Node, not a browser: it runs wherever
Node is). Nothing is mocked."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reverie.programmes.calendar import CalendarCourse, course_to_ics, occurrences

LONDON = ZoneInfo("Europe/London")
VENDOR = Path(__file__).resolve().parents[1] / "vendor" / "icaljs" / "ical.min.js"
EXPAND = """
import ICAL from "./ical.mjs";
import fs from "fs";
const root = new ICAL.Component(ICAL.parse(fs.readFileSync(process.argv[2], "utf8")));
root.getAllSubcomponents("vtimezone").forEach((v) => ICAL.TimezoneService.register(new ICAL.Timezone(v)));
const vevents = root.getAllSubcomponents("vevent");
const overrides = vevents.filter((v) => v.hasProperty("recurrence-id"));
const seen = [];
for (const master of vevents.filter((v) => !v.hasProperty("recurrence-id"))) {
  const uid = master.getFirstPropertyValue("uid");
  const event = new ICAL.Event(master, {exceptions: overrides.filter((v) => v.getFirstPropertyValue("uid") === uid)});
  const it = event.iterator();
  for (let next = it.next(), n = 0; next && n < 500; next = it.next(), n++) {
    seen.push(event.getOccurrenceDetails(next).startDate.toUnixTime());
  }
}
console.log(JSON.stringify(seen.sort((a, b) => a - b)));
"""


def _icaljs(course: CalendarCourse, folder: Path) -> list[datetime]:
    shutil.copy(VENDOR, folder / "ical.mjs")
    (folder / "expand.mjs").write_text(EXPAND)
    (folder / "course.ics").write_bytes(course_to_ics(course))
    out = subprocess.run(
        ["node", str(folder / "expand.mjs"), str(folder / "course.ics")],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return [datetime.fromtimestamp(second, UTC) for second in json.loads(out)]


NEEDS_NODE = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node to run the vendored ical.js")


@NEEDS_NODE
def test_icaljs_shows_a_session_in_the_repeated_hour_at_the_first_half_past_one(tmp_path: Path) -> None:
    """Sundays 01:30 London from 18 Oct 2026 (3 sessions): ical.js shows 25 Oct at 00:30 UTC (01:30 BST), as stored."""
    course = CalendarCourse(
        uid="course-r22@reverie",
        start=datetime(2026, 10, 18, 1, 30, tzinfo=LONDON),
        sessions=3,
        stamp=datetime(2026, 10, 1, tzinfo=UTC),
    )
    expected = [moment.astimezone(UTC) for moment in occurrences(course)]
    assert datetime(2026, 10, 25, 0, 30, tzinfo=UTC) in expected
    assert _icaljs(course, tmp_path) == expected


@NEEDS_NODE
def test_icaljs_shows_a_session_moved_into_the_repeated_hour_at_the_first_half_past_one(
    tmp_path: Path,
) -> None:
    """Sundays 10:00 London from 18 Oct 2026; session 2 moved to 01:30 on 25 Oct (the first, BST): ical.js applies the
    override at 00:30 UTC, as stored."""
    course = CalendarCourse(
        uid="course-r22@reverie",
        start=datetime(2026, 10, 18, 10, tzinfo=LONDON),
        sessions=3,
        moved=((datetime(2026, 10, 25, 10, tzinfo=LONDON), datetime(2026, 10, 25, 1, 30, tzinfo=LONDON)),),
        stamp=datetime(2026, 10, 1, tzinfo=UTC),
    )
    expected = [moment.astimezone(UTC) for moment in occurrences(course)]
    assert datetime(2026, 10, 25, 0, 30, tzinfo=UTC) in expected
    assert _icaljs(course, tmp_path) == expected


SECOND = datetime(2026, 10, 25, 1, 30, tzinfo=UTC).astimezone(
    LONDON
)  # 01:30 GMT: London's second 01:30 (fold 1)


@NEEDS_NODE
def test_icaljs_shows_a_course_starting_at_the_second_half_past_one_at_that_instant(tmp_path: Path) -> None:
    """h8: a course whose first session is at the second 01:30 (01:30 UTC): its rule's DTSTART can't say which
    01:30, so that session is written as an override in UTC; the next ones (01:30 GMT) follow the rule."""
    course = CalendarCourse(
        uid="course-h8@reverie", start=SECOND, sessions=3, stamp=datetime(2026, 10, 1, tzinfo=UTC)
    )
    expected = [moment.astimezone(UTC) for moment in occurrences(course)]
    assert expected[0] == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert _icaljs(course, tmp_path) == expected


@NEEDS_NODE
def test_icaljs_shows_a_session_moved_to_the_second_half_past_one_at_that_instant(tmp_path: Path) -> None:
    """h8: Sundays 10:00 London from 18 Oct 2026; session 2 moved to the second 01:30 on 25 Oct (01:30 UTC): its
    override's DTSTART is written in UTC, so ical.js shows it at 01:30 UTC."""
    course = CalendarCourse(
        uid="course-h8@reverie",
        start=datetime(2026, 10, 18, 10, tzinfo=LONDON),
        sessions=3,
        moved=((datetime(2026, 10, 25, 10, tzinfo=LONDON), SECOND),),
        stamp=datetime(2026, 10, 1, tzinfo=UTC),
    )
    expected = [moment.astimezone(UTC) for moment in occurrences(course)]
    assert datetime(2026, 10, 25, 1, 30, tzinfo=UTC) in expected
    assert _icaljs(course, tmp_path) == expected


def test_every_repeated_hour_dtstart_in_the_file_is_in_utc() -> None:
    """h8 (no Node needed): the file never writes a wall time of the repeated hour as a DTSTART with a TZID, except
    the rule's own (its first session is then an override in UTC)."""
    course = CalendarCourse(
        uid="course-h8@reverie", start=SECOND, sessions=3, stamp=datetime(2026, 10, 1, tzinfo=UTC)
    )
    text = course_to_ics(course).decode()
    assert "DTSTART:20261025T013000Z" in text
    assert text.count("RECURRENCE-ID;TZID=Europe/London:20261025T013000") == 1
