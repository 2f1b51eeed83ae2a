"""Drafts in flight survive a rotation of ``SECRET_KEY`` done Django's way (the old key kept in
``SECRET_KEY_FALLBACKS``): a sealed draft, its owner token and the form's writer mark made under the old key still
open under the new one; a draft sealed always under the current key. Without the old key among the fallbacks the
draft is refused cleanly: no server error, the words shown to no one."""

from __future__ import annotations

import re
from typing import Any

import pyotp
import pytest
from django.test import Client

from reverie.care.models import ProgressNote
from reverie.clinic.web import drafts
from web_client import signed_in

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"
OLD = "an old secret key, fifty characters long, for the tests: 0123456789"
NEW = "a new secret key, fifty characters long, for the tests: 9876543210"
NOTE = "Process note: the rotation happened while I was still typing this"


def test_a_seal_made_under_the_old_key_opens_when_the_old_key_is_a_fallback(settings: Any) -> None:
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = OLD, []
    token = drafts.seal([("text", NOTE)], 7, "/courses/c/sessions/1/")
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = NEW, [OLD]
    assert drafts.unseal(token, 7, "/courses/c/sessions/1/") == [("text", NOTE)]
    assert drafts.unseal(token, 8, "/courses/c/sessions/1/") is None  # still bound to its owner
    settings.SECRET_KEY_FALLBACKS = []
    assert drafts.unseal(token, 7, "/courses/c/sessions/1/") is None


def test_a_seal_is_always_made_under_the_current_key(settings: Any) -> None:
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = NEW, [OLD]
    token = drafts.seal([("text", NOTE)], 7, "/p/")
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = NEW, []
    assert drafts.unseal(token, 7, "/p/") == [("text", NOTE)]


def _signed_out_draft(dit: Any, settings: Any) -> tuple[Any, Client, Any, str]:
    """A therapist's process note posted after the idle timeout, under the old key: (therapist, browser, draft)."""
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = OLD, []
    _, therapist, course = dit
    therapist.totp_secret = pyotp.random_base32()
    therapist.save(update_fields=["totp_secret"])
    web = signed_in(therapist)
    path = f"/courses/{course.id}/sessions/1/"
    found = re.search(rb'name="writer" value="([^"]+)"', web.get(path).content)
    assert found is not None
    session = web.session
    session["last_seen"] = 0  # the idle timeout signs the therapist out at the next request
    session.save()
    posted = {"action": "note", "kind": "process", "text": NOTE, "writer": found.group(1).decode()}
    expired = web.post(path, posted)
    assert expired.status_code == 401 and NOTE.encode() not in expired.content
    return therapist, web, expired.context["draft"], path


def _sign_in(web: Client, therapist: Any, draft: Any) -> Any:
    step = web.post("/login/", {"username": therapist.username, "password": PASSWORD, **draft})
    assert step.status_code == 200 and NOTE.encode() not in step.content
    return web.post(
        "/login/code/", {"code": pyotp.TOTP(therapist.totp_secret).now(), **step.context["draft"]}
    )


def test_a_draft_in_flight_comes_back_after_the_key_is_rotated_with_the_old_one_kept(
    dit: Any, settings: Any
) -> None:
    therapist, web, draft, path = _signed_out_draft(dit, settings)
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = NEW, [OLD]  # the rotation, Django's way
    back = _sign_in(web, therapist, draft)
    assert back.status_code == 200, "the draft sealed under the old key was not opened"
    assert NOTE.encode() in back.content and b"Save it now" in back.content
    assert f'action="{path}"'.encode() in back.content
    assert ProgressNote.objects.count() == 0  # nothing saved without the press


def test_a_draft_sealed_under_a_key_no_longer_kept_is_refused_cleanly(dit: Any, settings: Any) -> None:
    therapist, web, draft, _ = _signed_out_draft(dit, settings)
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = NEW, []  # the old key dropped
    back = _sign_in(web, therapist, draft)
    assert (
        back.status_code == 409 and NOTE.encode() not in back.content and b"Save it now" not in back.content
    )
    other = Client().post("/login/", {"username": dit[0].username, "password": PASSWORD, **draft})
    assert other.status_code < 500 and NOTE.encode() not in other.content


def test_the_earlier_secrets_are_a_setting_an_operator_can_give(tmp_path: Any) -> None:
    """REVERIE_SECRET_KEY_FALLBACKS reaches Django's SECRET_KEY_FALLBACKS (comma-separated, spaces trimmed), so a
    rotation can keep the old secret for drafts in flight; empty by default."""
    import os
    import subprocess
    import sys

    code = "import django; from django.conf import settings; django.setup(); print(settings.SECRET_KEY_FALLBACKS)"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "reverie.clinic.settings",
        "REVERIE_DATA_DIR": str(tmp_path),
    }
    env.pop("REVERIE_SECRET_KEY_FALLBACKS", None)
    plain = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert plain.stdout.strip() == "[]"
    env["REVERIE_SECRET_KEY_FALLBACKS"] = " first-old-secret , second-old-secret ,"
    given = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert given.stdout.strip() == repr(["first-old-secret", "second-old-secret"])
