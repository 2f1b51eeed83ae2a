"""Review r75 (h84): the forced password change after an operator's reset, and the kept-words pass-through."""

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
