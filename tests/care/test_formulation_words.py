"""The formulation in words and shared with care (brief q3, QA qa33 points 9 and 13): field keys never reach a
page or an error; an empty formulation cannot be shared; the client sees the version current when it was shared
and the versions saved while shared, never the drafts before."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from reverie.care.services import formulation
from reverie.errors import InvalidInput

pytestmark = pytest.mark.django_db


def _as(user: Any) -> Client:
    web = Client()
    web.force_login(user)
    session = web.session
    session["otp"] = True
    session.save()
    return web


def test_formulation_change_list_names_fields_in_words(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "small"})
    formulation.save_formulation(
        therapist, course.id, {"ipaf_self": "smaller", "ccrt_w": "5", "ccrt_ro": "3"}
    )
    formulation.share(therapist, course.id, True)
    formulation.save_formulation(
        therapist, course.id, {"ipaf_self": "smaller", "ccrt_w": "5", "ccrt_ro": "4", "past": "father"}
    )
    for who in (client, therapist):
        page = _as(who).get(f"/courses/{course.id}/formulation/").content.decode()
        changed = [line for line in page.splitlines() if "Changed:" in line]
        assert changed and all("ccrt_" not in line and "ipaf_" not in line for line in changed)
        assert "How others respond (RO), In the past" in page
    assert [v.changed_labels for v in formulation.versions(therapist, course.id)][1] == (
        "How the person sees themselves",
        "Wishes in relationships (W)",
        "How others respond (RO)",
    )


def test_formulation_too_long_field_is_named_in_words(dit: tuple[Any, Any, Any]) -> None:
    _, therapist, course = dit
    response = _as(therapist).post(f"/courses/{course.id}/formulation/", {"ipaf_self": "x" * 2001})
    text = response.content.decode()
    assert response.status_code == 400
    assert "How the person sees themselves" in text and "ipaf self" not in text
    with pytest.raises(InvalidInput, match="How the person sees themselves"):
        formulation.save_formulation(therapist, course.id, {"ipaf_self": "x" * 2001})
    formulation.save_formulation(
        therapist, course.id, {"ipaf_self": "x" * 2000}
    )  # the near miss: at the limit
