"""A therapist's progress note typed while the session ran out: carried through both steps of the sign-in (password,
then the code) and saved by one press, into the same account only (docs/security.md "Words typed while the
session ran out")."""

from __future__ import annotations

from typing import Any

import pyotp
import pytest

from reverie.care.models import ProgressNote
from web_client import signed_in

pytestmark = pytest.mark.django_db
NOTE = "Fifty minutes of notes: the pattern with her mother came up again, in the room with me"


def test_a_progress_note_survives_the_idle_timeout_and_the_two_step_sign_in(dit: Any) -> None:
    _, therapist, course = dit
    secret = pyotp.random_base32()
    therapist.totp_secret = secret
    therapist.save(update_fields=["totp_secret"])
    web = signed_in(therapist)
    path = f"/courses/{course.id}/sessions/1/"
    assert web.get(path).status_code == 200
    session = web.session
    session["last_seen"] = 0  # the idle timeout signs the therapist out at the next request
    session.save()
    expired = web.post(path, {"action": "progress", "text": NOTE, "base_version": "0"})
    # The note travels sealed (r13 point 1): carried, but not readable in either sign-in page's source.
    assert expired.status_code == 401 and NOTE.encode() not in expired.content
    draft = dict(expired.context["draft"])
    assert draft.get("draft__sealed")
    step = web.post("/login/", {"username": therapist.username, "password": "a long test password", **draft})
    assert step.status_code == 200 and NOTE.encode() not in step.content  # the code page carries it on
    assert dict(step.context["draft"]).get("draft__sealed") == draft["draft__sealed"]
    back = web.post("/login/code/", {"code": pyotp.TOTP(secret).now(), **dict(step.context["draft"])})
    assert back.status_code == 200 and NOTE.encode() in back.content and b"Save it now" in back.content
    assert ProgressNote.objects.count() == 0  # nothing saved without the press
    saved = web.post(path, {**dict(back.context["hidden"]), "text": NOTE})
    assert saved.status_code == 302 and ProgressNote.objects.count() == 1
