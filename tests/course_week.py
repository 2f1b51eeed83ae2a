"""A course in its seventh week, for the tests of the therapist's week (review r26): its clock (the only thing
mocked) and the hidden fields of a form as the browser would send them. A module of its own: test modules import it
by a unique name."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from course_clock import START

LONDON = ZoneInfo("Europe/London")


class Clock:
    def __init__(self, monkeypatch: Any, at: datetime) -> None:
        self.at = at
        monkeypatch.setattr("django.utils.timezone.now", lambda: self.at.astimezone(UTC))


def running_course(paired: Any, monkeypatch: Any) -> tuple[Any, Any, Any, Clock]:
    """A 16-session weekly DIT course from Monday 5 January 2026, 10:00 London; now Tuesday 10 February, noon
    (sessions 1-6 are over, session 7 is on Monday 16 February)."""
    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = paired
    clock = Clock(monkeypatch, datetime(2026, 1, 2, 9, tzinfo=LONDON))
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=START, timezone="Europe/London")
    )
    clock.at = datetime(2026, 2, 10, 12, tzinfo=LONDON)
    return client, therapist, course, clock


def hidden_fields(html: str, action: str) -> dict[str, str]:
    """The hidden inputs of the form on ``html`` that posts ``action`` (the ``action`` field) or to ``action``
    (the URL), as the browser would send them."""
    for form in re.findall(r"<form\b.*?</form>", html, flags=re.S):
        if f'value="{action}"' in form or f'action="{action}"' in form:
            return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    raise AssertionError(f"no form for {action}")
