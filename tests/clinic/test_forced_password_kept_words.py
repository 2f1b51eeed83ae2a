"""The forced password change after an operator's reset, and the kept-words pass-through."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from reverie.clinic.models import Entry
from reverie.clinic.services import passwords

pytestmark = pytest.mark.django_db

PASSWORD = "a long test password"


def _signed_in(name: str, password: str) -> Client:
    web = Client()
    assert web.post("/login/", {"username": name, "password": password}).status_code == 302
    return web


def test_a_reset_password_cannot_be_skipped_by_posting_words_with_an_old_pages_mark(make_user: Any) -> None:
    """The operator resets a password (``reverie user reset-password``): docs/security.md says the person "must
    choose their own password before anything else", the one exception being the **Save it now** of words carried
    through the sign-in. Now: any POST to a text form carrying a ``writer`` mark of that account passes, and the mark
    never expires for this check (``ignore_age``), so the Write page's mark from before the reset lets the person
    (or whoever holds the one-time password) keep writing entries, one after another, and never change the
    password. They should be sent to the password change: only words carried through this sign-in pass."""
    user = make_user("ned")
    before = _signed_in("ned", PASSWORD)
    page = before.get("/write/").content.decode()
    mark = re.search(r'name="writer" value="([^"]+)"', page)
    assert mark is not None, "the Write page carries the writer mark"
    one_time = passwords.reset_password("ned")
    web = _signed_in("ned", one_time)
    assert web.get("/write/").url == "/account/password/"  # the forced change, as before
    saved = []
    for n in range(3):
        answer = web.post(
            "/write/",
            {"kind": "reflection", "body": f"Written without changing the password, {n}.", "writer": mark[1]},
        )
        saved.append(answer.status_code)
    entries = Entry.objects.filter(client=user).count()
    assert entries == 0, (
        f"{entries} entries were saved with the one-time password still in place (answers {saved}); "
        "the password change was never made"
    )


def test_the_kept_words_pass_is_for_one_press_of_this_sign_ins_words(make_user: Any) -> None:
    """Words carried through the sign-in with the one-time password are saved by their **Save it now** (r73); the
    same press sent again (the pass is used up), or the password page's own forms, pass no more words."""
    user = make_user("ned")
    web = _signed_in("ned", PASSWORD)
    form = web.get("/write/").content.decode()
    mark = re.search(r'name="writer" value="([^"]+)"', form)
    assert mark is not None
    one_time = passwords.reset_password("ned")  # ends the session: the next Save is kept through the sign-in
    words = {"kind": "reflection", "body": "Kept through the sign-in.", "writer": mark[1]}
    kept = web.post("/write/", words)
    assert kept.status_code == 401
    back = web.post("/login/", {**dict(kept.context["draft"]), "username": "ned", "password": one_time})
    assert back.status_code == 200 and b"Save it now" in back.content
    hidden = dict(back.context["hidden"])
    assert hidden.get("carried_once")
    press = {**hidden, "kind": "reflection", "body": "Kept through the sign-in."}
    assert web.post("/write/", press).status_code == 302
    assert Entry.objects.filter(client=user).count() == 1
    again = web.post("/write/", {**press, "body": "A second entry on the same pass."})
    assert again.status_code == 302 and again["Location"] == "/account/password/"
    assert Entry.objects.filter(client=user).count() == 1
    password_page = web.get("/account/password/").content.decode()
    assert 'name="writer"' not in password_page and 'name="carried_once"' not in password_page


def test_i_need_help_now_from_the_password_pages_banner_is_recorded(make_user: Any) -> None:
    """A check-in is waiting when the operator resets the password: the banner on the forced password page has no
    writer mark now, and its "I need help now" still reaches the therapist (a safety answer, like /safety/)."""
    from django.utils import timezone

    from reverie.care.models import CheckIn
    from reverie.care.services import alerts

    user = make_user("ned")
    alert = alerts.signal(user, "phq9_item9", "ideation", "r75-test", written_at=timezone.now())
    check_in = CheckIn.objects.get(client=user, alert=alert, answered_at__isnull=True)
    web = _signed_in("ned", passwords.reset_password("ned"))
    page = web.get("/account/password/").content.decode()
    assert "I need help now" in page and 'name="writer"' not in page
    web.post("/check-in/", {"check_in": str(check_in.pk), "answer": "need_help"})
    check_in.refresh_from_db()
    assert check_in.answer == "need_help"
