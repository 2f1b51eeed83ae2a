"""h78 item 4: the change-password page showed every refusal at the top of the page only; the box it is about
carried no ``aria-invalid`` and no ``aria-describedby``, unlike the sign-up and journal forms (h75). Each refusal now
sits on its box, and the summary at the top names it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from field_errors import field_error

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"


def _signed_in(make_user: Any) -> Client:
    make_user("pia")
    web = Client()
    assert web.post("/login/", {"username": "pia", "password": PASSWORD}).status_code == 302
    return web


@pytest.mark.parametrize(
    ("current", "new", "again", "field", "words", "status"),
    [
        ("not the password", "a brand new passphrase 42", None, "id_current_password", "not right", 401),
        (PASSWORD, "a brand new passphrase 42", "something else", "id_new_password_again", "differ", 400),
        (PASSWORD, "tiny7", None, "id_new_password", "too short", 400),
        (PASSWORD, PASSWORD, None, "id_new_password", "not the current one", 400),
    ],
    ids=["wrong-current", "differ", "too-short", "same"],
)
def test_a_refused_password_change_is_said_on_its_box(
    make_user: Any, current: str, new: str, again: str | None, field: str, words: str, status: int
) -> None:
    web = _signed_in(make_user)
    form = {"current_password": current, "new_password": new, "new_password_again": again or new}
    page = web.post("/account/password/", form)
    assert page.status_code == status
    html = page.content.decode()
    invalid, described = field_error(html, field)
    assert invalid and words in described, (invalid, described)
    assert 'role="alert"' in html  # the summary at the top still says it
    assert current not in html and new not in html  # passwords are never sent back
