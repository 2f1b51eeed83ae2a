"""h78 item 4: the therapist's session page (progress note, process notes) showed a refused note only at the top of
the page; the box it is about carried no ``aria-invalid`` and no ``aria-describedby``, unlike the journal's forms
(h75). The refusal is now on its box too, described by its message, with the typed text kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from field_errors import field_error
from reverie.care.services import sessions
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db
TOO_LONG = "word " * 4001  # 20,005 characters: over the course's text limit (20,000)


@pytest.mark.parametrize(
    ("action", "box", "extra"),
    [("progress", "progress", {"base_version": "0"}), ("note", "note", {"kind": "process"})],
    ids=["progress-note", "process-note"],
)
def test_a_refused_session_note_is_said_on_its_box(
    dit: tuple[Any, Any, Any], action: str, box: str, extra: dict[str, str]
) -> None:
    _, therapist, course = dit
    sessions.record_attendance(therapist, course.id, 1, "attended")
    url = reverse("care:session", kwargs={"course_id": course.id, "slot": 1})
    page = _as(therapist).post(url, {"action": action, "text": TOO_LONG, **extra})
    assert page.status_code == 400
    html = page.content.decode()
    invalid, described = field_error(html, box)
    assert invalid and "longer than the limit" in described, (invalid, described)
    assert TOO_LONG.strip() in html  # the typed text is kept in the box
