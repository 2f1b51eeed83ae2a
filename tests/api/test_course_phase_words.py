"""The course over the API speaks to the client in the client's words, as the web page and the CLI do."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from reverie.care.services.course import CourseDraft, create_course
from reverie.programmes import formats

pytestmark = pytest.mark.django_db


def test_api_course_phase_purpose_for_the_client_has_no_ipaf(paired: tuple[Any, Any], web_as: Any) -> None:
    """The client's GET /api/v1/courses/{id} gives the phase's client_purpose (no "IPAF"); the therapist's the clinical.

    docs/course.md: "The client reads the course in plain words: a phase's `client_purpose` ... say 'the pattern you
    and your therapist agreed to work on' where the therapist's pages ... say IPAF" (DOMAIN.md §1, DIT initial phase).
    """
    client, therapist = paired
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=datetime(2030, 3, 4, 10))
    )
    initial = formats.DIT.phase("initial")
    mine = web_as(client).get(f"/api/v1/courses/{course.id}").json()
    theirs = web_as(therapist).get(f"/api/v1/courses/{course.id}").json()
    assert theirs["phase_purpose"] == initial.purpose
    assert "IPAF" not in mine["phase_purpose"], mine["phase_purpose"]
    assert mine["phase_purpose"] == initial.client_purpose
