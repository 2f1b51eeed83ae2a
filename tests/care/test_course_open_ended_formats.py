"""Review r100: an open-ended course (long-term, art therapy…) given a number of sessions, on the form or as the COUNT
of its recurrence rule, silently became fixed-length: "Session 15 of 26 · ending phase" seven weeks into a long-term
therapy, and no sessions planned after the count. The format decides whether a course has a total: a number for an
open-ended format is refused on its box in plain words, and a course stored with one before reads open-ended
(real SQLite; the clock, a process edge, frozen)."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from course_week import Clock
from field_errors import field_error
from reverie.care.models import Course
from reverie.care.services import course as courses
from reverie.care.services.course import CourseDraft, create_course
from reverie.errors import InvalidInput
from web_client import signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.db]
LONDON = ZoneInfo("Europe/London")


def _position_on(html: bytes) -> str:
    found = re.search(r"(Session \d+(?: of \d+)? · [^<]+)", html.decode())
    return found.group(1).strip() if found else "(none)"


@pytest.mark.parametrize(
    ("programme", "how", "box"),
    [
        ("long_term", {"rrule": "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=26"}, "rrule"),  # docs/course.md's old example
        ("long_term", {"rrule": "FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20260401T000000Z"}, "rrule"),
        ("art_therapy", {"total_sessions": 10}, "total_sessions"),
        ("medium_term", {"total_sessions": 20, "rrule": "FREQ=WEEKLY"}, "total_sessions"),  # never dropped
    ],
    ids=["long-term-count", "long-term-until", "art-number", "medium-number-next-to-a-rule"],
)
def test_a_count_for_an_open_ended_format_is_refused(
    paired: tuple[Any, Any], programme: str, how: dict[str, Any], box: str
) -> None:
    """Long-term, art, medium-term and music therapy have no set number of sessions: a number typed on the form (even
    next to a rule, where it was dropped), or a COUNT or UNTIL in the rule, is refused on its box in plain words that
    point to ending the course when an end is agreed; never used as the total, never dropped. Nothing is stored."""
    client, therapist = paired
    draft = CourseDraft(
        client=client.username,
        programme=programme,
        start=datetime(2030, 3, 4, 18, 0),
        timezone="Europe/London",
    )
    with pytest.raises(InvalidInput, match="has no set number of sessions") as refused:
        create_course(therapist, dataclasses.replace(draft, **how))
    assert refused.value.field == box
    form = {
        "client": client.username,
        "programme": programme,
        "start": "2030-03-04T18:00",
        "timezone": "Europe/London",
        "weekly": "1",
        "measure_schedule": "every_session",
        **{key: str(value) for key, value in how.items()},
    }
    page = signed_in(therapist).post("/courses/new/", form)
    assert page.status_code == 400
    invalid, described = field_error(page.content.decode(), box)
    assert invalid and "has no set number of sessions" in described and "End the course" in described, (
        described
    )
    assert not Course.objects.exists()


@pytest.mark.parametrize(
    ("programme", "how", "stored", "day", "number"),
    [
        # Mondays and Thursdays, stored with the count of docs/course.md's old example; session 15 is Monday 23 Feb
        ("long_term", {"rrule": "FREQ=WEEKLY;BYDAY=MO,TH"}, 26, datetime(2026, 2, 23, 12, tzinfo=LONDON), 15),
        # weekly; session 7 is Monday 16 February
        ("art_therapy", {}, 10, datetime(2026, 2, 16, 12, tzinfo=LONDON), 7),
    ],
)
def test_an_open_ended_course_stored_with_a_count_stays_open_ended(
    paired: tuple[Any, Any],
    monkeypatch: Any,
    programme: str,
    how: dict[str, Any],
    stored: int,
    day: datetime,
    number: int,
) -> None:
    """A therapist sets up a long-term course twice a week with the recurrence rule docs/course.md shows
    (``FREQ=WEEKLY;BYDAY=MO,TH;COUNT=26``), or an art-therapy course with a number of sessions typed in. Both are
    open-ended formats (DOMAIN.md: long-term is at least 2 years; their ending phase exists "once an end is
    agreed"). The set-up is accepted and the count silently becomes the course's fixed length: seven weeks into a
    long-term therapy the client and the therapist read "Session 15 of 26 · ending phase" (the art course, at its
    seventh week, "Session 7 of 10 · ending phase"), no end having been agreed; the rolling horizon stops and the
    "long-term" course runs out after 13 weeks (a count of 2 even puts session 1 in the ending phase). They should
    read "Session 15 · long-term, open-ended" in the middle phase, the course kept planned ahead (or the count
    refused for an open-ended format, as the page offers no way to agree one).

    The count is refused now (above); a course stored with one before still reads open-ended: its position ignores a
    total for an open-ended format (``formats.course_total``)."""
    client, therapist = paired
    clock = Clock(monkeypatch, datetime(2026, 1, 2, 9, tzinfo=LONDON))
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme=programme,
            start=datetime(2026, 1, 5, 18, 0),
            timezone="Europe/London",
            **how,
        ),
    )
    Course.objects.filter(pk=course.pk).update(
        total_sessions=stored
    )  # a row set up before the count was refused
    course.refresh_from_db()
    clock.at = day  # the day of session ``number``, before it
    assert courses.position(course).phase.key != "ending", courses.position(course).text
    for reader in (therapist, client):
        shown = _position_on(signed_in(reader).get(f"/courses/{course.id}/").content)
        assert shown.startswith(f"Session {number}"), shown
        assert " of " not in shown and "ending phase" not in shown, shown
