"""Hostile and odd input on web forms answers a plain 400 page, never a 500 incident, and changes nothing.

Found by review r52 (probing every form with odd input)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from hostile_input import MALFORMED_MULTIPART, state_of

pytestmark = pytest.mark.django_db


# --- malformed multipart: a Content-Type of multipart/form-data with no usable boundary -------------------------


@pytest.mark.parametrize("content_type", MALFORMED_MULTIPART)
@pytest.mark.parametrize("path", ["/login/", "/write/", "/account/settings/", "/pair/"])
def test_web_post_with_a_multipart_body_lacking_its_boundary_is_a_plain_400(
    paired: tuple[Any, Any], web_as: Any, path: str, content_type: str
) -> None:
    """A form post whose multipart Content-Type has no boundary is refused as malformed (400), never a 500."""
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft

    user, _ = paired
    before = journal.create_entry(user, EntryDraft(kind="dream", body="written before"))
    snapshot = state_of(user)
    client = Client(raise_request_exception=False) if path == "/login/" else web_as(user)
    client.raise_request_exception = False
    response = client.generic("POST", path, data=b"title=x&body=y", content_type=content_type)
    assert response.status_code == 400, response.status_code
    assert b"Incident" not in response.content and b"MultiPartParserError" not in response.content
    assert state_of(user) == snapshot
    assert journal.get_entry(user, str(before.id)).body == "written before"


# --- NUL in a goal title: every other free-text field refuses it --------------------------------------------------


def test_goal_title_with_a_nul_character_is_refused(dit: tuple[Any, Any, Any], web_as: Any) -> None:
    """A goal proposed with a NUL in its title is refused (400, as every other free-text field is) and not stored."""
    from reverie.care.models import Goal

    client_user, therapist, course = dit
    goals_before = Goal.objects.count()
    snapshot = state_of(client_user)
    web = web_as(therapist)
    web.raise_request_exception = False
    response = web.post(f"/courses/{course.id}/goals/", {"title": "sleep\x00 better", "description": ""})
    assert response.status_code == 400, response.status_code
    assert Goal.objects.count() == goals_before
    assert state_of(client_user) == snapshot


# --- a form body in a charset Django cannot read (it raises BadRequest, which Django itself answers 400) -----------


@pytest.mark.parametrize("path", ["/login/", "/write/"])
def test_web_form_in_a_charset_that_cannot_be_read_is_a_plain_400(
    paired: tuple[Any, Any], web_as: Any, path: str
) -> None:
    """A form post declared charset=utf-16 (undecodable as a form) is refused as malformed (400), never a 500."""
    user, _ = paired
    snapshot = state_of(user)
    client = Client(raise_request_exception=False) if path == "/login/" else web_as(user)
    client.raise_request_exception = False
    response = client.generic(
        "POST",
        path,
        data="kind=dream&body=hello".encode("utf-16"),
        content_type="application/x-www-form-urlencoded; charset=utf-16",
    )
    assert response.status_code == 400, response.status_code
    assert b"Incident" not in response.content
    assert state_of(user) == snapshot


def test_a_form_that_cannot_be_read_says_its_words_cannot_be_shown_back(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    """The 400 page for a signed-in form post Reverie could not read says the typed words cannot be shown back
    (every other refused form shows them for copying): go back, where the browser may still hold them."""
    user, _ = paired
    client = web_as(user)
    client.raise_request_exception = False
    response = client.generic("POST", "/write/", data=b"body=x", content_type="multipart/form-data")
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()


def test_the_one_text_check_serves_records_and_goal_titles() -> None:
    """records.clean_text and goal titles refuse a lone surrogate and a NUL as the journal does (reverie.text)."""
    from reverie.care.services.records import clean_text
    from reverie.errors import InvalidInput
    from reverie.programmes.goals import check_title

    for bad in ("a\ud800b", "a\x00b"):
        with pytest.raises(InvalidInput):
            clean_text(bad, "note")
        with pytest.raises(InvalidInput):
            check_title(bad)


def test_safety_plan_lines_and_session_notes_refuse_text_that_is_not_text() -> None:
    """The safety plan's lines and contact names, and a session's note, skipped the text check (a NUL was sealed
    and kept); they use the one check now and say so without quoting the text."""
    from reverie.care.services.week import clean_note
    from reverie.errors import InvalidInput
    from reverie.programmes.safety import safety_plan_from_dict

    for bad in ("walk\x00", "walk\ud800"):
        with pytest.raises(InvalidInput) as refused:
            safety_plan_from_dict({"warning_signs": [bad]})
        assert "walk" not in refused.value.message
        with pytest.raises(InvalidInput):
            safety_plan_from_dict(
                {
                    "warning_signs": ["a walk"],
                    "trusted_contacts": [{"name": bad, "phone": "+44 20 7946 0000"}],
                }
            )
        with pytest.raises(InvalidInput):
            clean_note("see you " + bad)
