"""r128 fault 3: every time a person is shown is in their own zone, the ones Python words too.

A template converts ``{{ value }}`` and ``|date`` to the zone the request activated; Django's ``date`` filter called
in Python does not, so "Earlier versions" said when a version happened in UTC ("7 Nov 2026, 08:10" for the 2 a.m.
entry of a person in Chicago). Such wording goes through ``local_time.shown``, the one conversion: the history page
and the goodbye letter's refusal are checked here for a person in America/Chicago."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from course_week import LONDON, running_course
from reverie.care.services import course as courses
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import Conflict

pytestmark = [pytest.mark.django_db, pytest.mark.db]

CHICAGO = "America/Chicago"
TWO_AM = datetime(2026, 11, 7, 8, 10, tzinfo=UTC)  # 02:10 in Chicago (CST, UTC-6)


def _in_chicago(person: Any) -> Any:
    person.time_zone = CHICAGO
    person.save(update_fields=["time_zone"])
    return person


def test_earlier_versions_say_when_it_happened_in_the_readers_zone(make_user: Any, web_as: Any) -> None:
    maya = _in_chicago(make_user())
    draft = EntryDraft(kind="free_association", body="Awake at two again.", happened_at=TWO_AM)
    entry = journal.create_entry(maya, draft)
    journal.update_entry(
        maya, entry.id, replace(draft, body="Awake at two again, then slept."), base_revision=1
    )
    browser = web_as(maya)
    assert "7 Nov 2026, 02:10" in browser.get(f"/journal/{entry.id}/").content.decode()
    page = browser.get(f"/journal/{entry.id}/history/").content.decode()
    assert "7 Nov 2026, 02:10" in page
    assert "08:10" not in page


def test_a_given_letters_day_is_the_therapists_day(paired: Any, monkeypatch: Any) -> None:
    _client, therapist, course, clock = running_course(paired, monkeypatch)
    _in_chicago(therapist)
    clock.at = datetime(2026, 4, 7, 12, tzinfo=LONDON)  # session 13 is over: the ending phase
    courses.write_letter(therapist, course.id, "Dear A, the letter as given.")
    clock.at = datetime(2026, 4, 8, 2, tzinfo=UTC)  # 7 April, 21:00 in Chicago
    courses.give_letter(therapist, course.id)
    with pytest.raises(Conflict, match="given to the client on 7 Apr 2026"):
        courses.write_letter(therapist, course.id, "Dear A, rewritten.")
