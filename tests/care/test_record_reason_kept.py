"""Review r129 (fault 8): downloading the course record with process notes. The form says the reason's minimum
length beforehand; a reason too short shows the same form again with the refusal beside the reason box, the box
ticked and the reason kept (before: a separate "That did not work" page with a box labelled "Include process notes"
holding a raw "1")."""

from __future__ import annotations

from typing import Any

import pytest

from web_client import signed_in

pytestmark = pytest.mark.django_db


def test_a_short_reason_shows_the_record_form_again_with_the_refusal_beside_the_box(
    dit: tuple[Any, Any, Any],
) -> None:
    _, therapist, course = dit
    web = signed_in(therapist)
    url = f"/courses/{course.id}/record/"
    assert "at least 8 characters" in web.get(url).content.decode()
    refused = web.post(url, {"include_process_notes": "1", "reason": "audit"})
    page = refused.content.decode()
    assert refused.status_code == 400
    assert "That did not work" not in page and "<h1>Course record</h1>" in page
    assert 'id="reason-error"' in page and 'aria-invalid="true"' in page
    assert 'name="include_process_notes" value="1" checked' in page
    assert 'value="audit"' in page
    done = web.post(url, {"include_process_notes": "1", "reason": "supervision review"})
    assert done.status_code == 200 and "process_notes" in done.content.decode()
