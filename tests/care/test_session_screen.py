"""Session text is screened for risk like every journal entry: a content-free alert for the therapist."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.models import RiskAlert
from reverie.care.services import notes

pytestmark = pytest.mark.django_db


def test_session_note_with_ideation_raises_an_alert(dit: tuple[Any, Any, Any]) -> None:
    _client, therapist, course = dit
    notes.write_progress_note(therapist, course.id, 1, "Talked about work and her sister. Calm session.")
    assert RiskAlert.objects.count() == 0
    notes.write_progress_note(
        therapist, course.id, 2, "She said she has been thinking about killing herself and has a plan."
    )
    alert = RiskAlert.objects.get()
    assert alert.source == "session" and alert.level in ("ideation", "behavior", "attempt")
    notes.write_progress_note(therapist, course.id, 2, "Edited: she has been thinking about killing herself.")
    assert RiskAlert.objects.count() == 1  # one alert per session, however often the note is edited
