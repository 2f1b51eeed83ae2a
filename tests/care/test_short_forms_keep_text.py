"""The three short forms of a course (the note on moving a session, on cancelling one, a goal's words) keep what was
typed through an idle sign-out and a CSRF refusal, like the other text forms (``drafts.keeps_text``). Their words are
written for the other side of the course, so they travel sealed for their writer: never readable in the sign-in
page's source nor on the CSRF page, back on the "Save it now" page once the writer signs in, and one press does what
the first press meant."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pyotp
import pytest
from django.test import Client

from reverie.care.models import CourseSession, Goal
from reverie.care.services.course import CourseDraft, create_course
from web_client import signed_in

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"
LONDON = ZoneInfo("Europe/London")
NOTE = "Words for the other side: my mother is in hospital again, I cannot come this week"


def _future_course(client: Any, therapist: Any) -> Any:
    today = datetime.now(LONDON).date()
    monday = today + timedelta(days=7 - today.weekday())
    return create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme="dit",
            start=datetime(monday.year, monday.month, monday.day, 10, 0),
            timezone="Europe/London",
        ),
    )


def _mark(page: bytes) -> str:
    found = re.search(rb'name="writer" value="([^"]+)"', page)
    assert found is not None, "the form carries no writer mark"
    return found.group(1).decode()


def _expire(web: Client) -> None:
    session = web.session
    session["last_seen"] = 0  # the idle timeout signs out at the next request
    session.save()


def _new_day(course: Any, slot: int) -> date:
    start = CourseSession.objects.get(course=course, slot=slot).start
    return start.astimezone(LONDON).date() + timedelta(days=2)


def _forms(course: Any) -> list[tuple[str, str, dict[str, str]]]:
    """(who writes, path, the posted fields) of each short form."""
    move = f"/courses/{course.id}/sessions/2/move/"
    cancel = f"/courses/{course.id}/sessions/3/cancel/"
    goals = f"/courses/{course.id}/goals/"
    start = f"{_new_day(course, 2).isoformat()}T15:30"
    return [
        ("therapist", move, {"confirm": "yes", "start": start, "note": NOTE}),
        ("client", cancel, {"confirm": "yes", "note": NOTE}),
        ("therapist", cancel, {"confirm": "yes", "note": NOTE}),
        ("client", goals, {"template": "", "title": "Sleep before midnight", "description": NOTE}),
    ]


@pytest.mark.parametrize("which", range(4), ids=["move", "cancel-by-client", "cancel-by-therapist", "goal"])
def test_a_short_forms_words_come_back_sealed_for_their_writer_after_an_idle_sign_out(
    paired: Any, which: int
) -> None:
    client, therapist = paired
    course = _future_course(client, therapist)
    role, path, fields = _forms(course)[which]
    writer = client if role == "client" else therapist
    if writer.is_therapist:  # a therapist signs in with a second step: the draft is carried through both
        writer.totp_secret = pyotp.random_base32()
        writer.save(update_fields=["totp_secret"])
    web = signed_in(writer)
    mark = _mark(web.get(path).content)
    _expire(web)
    expired = web.post(path, {**fields, "writer": mark})
    assert expired.status_code == 401, f"{path} answered {expired.status_code}: the words were dropped"
    assert NOTE.encode() not in expired.content  # sealed: not in the sign-in page's source
    draft = expired.context["draft"]
    assert draft.get("draft__sealed")
    someone = make_other(writer)  # another account at the same computer signs in on that page: nothing shown
    other = Client().post("/login/", {"username": someone.username, "password": PASSWORD, **draft})
    assert NOTE.encode() not in other.content and b"Save it now" not in other.content
    back = _sign_in(web, writer, draft)
    assert back.status_code == 200 and NOTE.encode() in back.content and b"Save it now" in back.content
    assert f'action="{path}"'.encode() in back.content
    saved = web.post(path, _save_it_now(back.content, path))  # the one press
    assert saved.status_code in (200, 302), saved.content.decode()[:400]
    if "goals" in path:
        assert Goal.objects.filter(course=course).count() == 1
    else:
        slot = 2 if "move" in path else 3
        row = CourseSession.objects.get(course=course, slot=slot)
        assert row.moved_from is not None if "move" in path else row.attendance.startswith("cancelled")


def _sign_in(web: Client, writer: Any, draft: Any) -> Any:
    step = web.post("/login/", {"username": writer.username, "password": PASSWORD, **draft})
    if not writer.totp_secret:
        return step
    assert NOTE.encode() not in step.content  # the code page carries it on, sealed
    return web.post("/login/code/", {"code": pyotp.TOTP(writer.totp_secret).now(), **step.context["draft"]})


def make_other(writer: Any) -> Any:
    from reverie.clinic.services import people

    return people.create_user(f"other-of-{writer.username}", PASSWORD, "client")


def _save_it_now(page: bytes, path: str) -> dict[str, str]:
    """The fields the "Save it now" form posts, as a browser would."""
    text = page.decode()
    begin = text.index(f'<form method="post" action="{path}"')
    form = text[begin : text.index("</form>", begin)]
    fields = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', form))
    fields.update(re.findall(r'<input dir="auto" id="back_\d+" name="([a-z_]+)" value="([^"]*)"', form))
    fields.update(
        re.findall(r'<textarea dir="auto" id="back_\d+" name="([a-z_]+)" rows="\d+">([^<]*)</textarea>', form)
    )
    return fields


@pytest.mark.parametrize("which", range(4), ids=["move", "cancel-by-client", "cancel-by-therapist", "goal"])
def test_a_short_forms_words_are_not_shown_on_the_csrf_refusal_page(paired: Any, which: int) -> None:
    """One browser, a shared computer: the form's CSRF token no longer holds (another account signed in meanwhile).
    The refusal page must not print the note for whoever is at the keyboard: it answers the sign-in page with the
    words sealed for their writer."""
    client, therapist = paired
    course = _future_course(client, therapist)
    role, path, fields = _forms(course)[which]
    writer = client if role == "client" else therapist
    web = signed_in(writer)
    mark = _mark(web.get(path).content)
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = web.cookies
    refused = strict.post(path, {**fields, "writer": mark, "csrfmiddlewaretoken": "x" * 64})
    assert refused.status_code == 403
    assert NOTE.encode() not in refused.content, "the CSRF page shows the note to whoever is at the keyboard"
    assert refused.context["draft"].get("draft__sealed")
