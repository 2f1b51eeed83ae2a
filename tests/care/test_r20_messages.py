"""r20 adversarial review: times named in refusals. Only the clock is mocked."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.care.services.course import CourseDraft, create_course
from reverie.errors import Conflict

pytestmark = [pytest.mark.django_db, pytest.mark.db]
NEW_YORK = ZoneInfo("America/New_York")


def test_an_overlap_refusal_names_the_clashing_session_at_the_therapists_hour(
    paired: Any, make_user: Any, monkeypatch: Any
) -> None:
    """A New York therapist's second course at Monday 10:00 is refused naming the clash at 10:00, not 15:00 (UTC)."""
    from reverie.clinic.services import people

    client, therapist = paired
    therapist.time_zone = "America/New_York"
    therapist.save(update_fields=["time_zone"])
    other = make_user(role="client")
    people.accept_invitation(therapist, people.issue_invitation(other))
    monkeypatch.setattr("django.utils.timezone.now", lambda: datetime(2026, 2, 1, 12, tzinfo=UTC))
    draft = {"programme": "dit", "start": datetime(2026, 3, 2, 10, 0), "timezone": "America/New_York"}
    create_course(therapist, CourseDraft(client=other.username, **draft))  # type: ignore[arg-type]
    with pytest.raises(Conflict) as refused:
        create_course(therapist, CourseDraft(client=client.username, **draft))  # type: ignore[arg-type]
    assert "10:00" in refused.value.message, refused.value.message
