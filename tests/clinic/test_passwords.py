"""Issue 11 item 3: passwords can be changed (web, API, CLI) with the current one, which ends the person's other
sessions and revokes their API tokens; the operator resets one from the CLI and the person must change it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from reverie.api import tokens
from reverie.api.models import ApiToken
from reverie.clinic.models import User
from reverie.clinic.services import passwords, people
from reverie.errors import AuthenticationFailed, InvalidInput

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"
NEW = "a brand new passphrase 42"


def _signed_in(name: str, password: str = PASSWORD) -> Client:
    web = Client()
    assert web.post("/login/", {"username": name, "password": password}).status_code == 302
    return web


def _change(web: Client, current: str, new: str = NEW, again: str | None = None) -> Any:
    form = {"current_password": current, "new_password": new, "new_password_again": again or new}
    return web.post("/account/password/", form)


def test_passwords_web_change_needs_the_current_one_and_ends_every_other_way_in(make_user: Any) -> None:
    user = make_user("pat")
    here, elsewhere = _signed_in("pat"), _signed_in("pat")
    token = tokens.issue(user, "laptop").secret
    wrong = _change(here, "not the password")
    assert wrong.status_code == 401 and b"current password is not right" in wrong.content
    assert _change(here, PASSWORD, again="something else entirely").status_code == 400
    assert _change(here, PASSWORD, new="short").status_code == 400  # the usual validators
    assert _change(here, PASSWORD, new="password123").status_code == 400  # a common password
    assert elsewhere.get("/journal/").status_code == 200  # nothing changed yet
    done = _change(here, PASSWORD)
    assert done.status_code == 200 and b"signed out everywhere else" in done.content
    assert here.get("/journal/").status_code == 200  # this session stays
    assert elsewhere.get("/journal/").status_code == 302  # every other session ended
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    assert not ApiToken.objects.filter(user=user).exists()
    with pytest.raises(AuthenticationFailed):
        people.authenticate("pat", PASSWORD)
    assert people.authenticate("pat", NEW).pk == user.pk


def test_passwords_api_change_is_session_only_and_revokes_tokens(make_user: Any) -> None:
    user = make_user("api-ann")
    token = tokens.issue(user, "script").secret
    body = json.dumps({"current_password": PASSWORD, "new_password": NEW})
    by_token = Client().post(
        "/api/v1/account/password",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert by_token.status_code == 401  # a token cannot change the password
    web = Client()  # the signed-in session (the test client sends the CSRF check as passed)
    web.post("/login/", {"username": "api-ann", "password": PASSWORD})
    wrong = json.dumps({"current_password": "nope nope nope", "new_password": NEW})
    refused = web.post("/api/v1/account/password", wrong, content_type="application/json")
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "E401"
    changed = web.post("/api/v1/account/password", body, content_type="application/json")
    assert changed.status_code == 200 and changed.json() == {"revoked_tokens": 1}
    assert web.get("/api/v1/me").status_code == 200  # this session stays signed in
    assert people.authenticate("api-ann", NEW).pk == user.pk


def test_passwords_change_is_throttled_like_a_sign_in(make_user: Any) -> None:
    user = make_user("tia")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed, match="not right"):
            passwords.change_password(user, "a wrong guess!", NEW, address="10.7.0.1")
    with pytest.raises(AuthenticationFailed, match="Too many"):
        passwords.change_password(user, PASSWORD, NEW, address="10.7.0.2")


def test_passwords_operator_reset_forces_a_change_at_next_sign_in(make_user: Any) -> None:
    user = make_user("rex")
    tokens.issue(user, "phone")
    before = _signed_in("rex")
    one_time = passwords.reset_password("rex")
    assert len(one_time) == passwords.GENERATED_LENGTH
    assert before.get("/journal/").status_code == 302  # the old session ended
    assert not ApiToken.objects.filter(user=user).exists()
    web = _signed_in("rex", one_time)
    assert web.get("/journal/").url == "/account/password/"  # nothing else until they choose their own
    assert b"reset by the operator" in web.get("/account/password/").content
    assert web.get("/api/v1/me").status_code == 403
    assert _change(web, one_time).url == "/"
    assert web.get("/journal/").status_code == 200
    assert not User.objects.get(pk=user.pk).must_change_password


def test_passwords_reset_validates_a_given_password_and_refuses_unknown_people(make_user: Any) -> None:
    make_user("val")
    with pytest.raises(InvalidInput):
        passwords.reset_password("val", "short")
    from reverie.errors import NotFound

    with pytest.raises(NotFound):
        passwords.reset_password("nobody-here")


def test_passwords_generated_passwords_always_pass_the_validators(make_user: Any) -> None:
    user = make_user("abcdefghjkmnpqrstuvwxyz")  # a name made of the very characters the generator uses
    for _ in range(30):
        passwords.generate_password(user)  # never refused by chance (it retries)


def test_passwords_cli_change_and_operator_reset(cli: Any) -> None:
    cli("user", "create", "cleo")
    _, out, _ = cli("token", "create", "laptop", "--user", "cleo")
    assert "rv_" in out
    code, _, err = cli(
        "user",
        "passwd",
        "--user",
        "cleo",
        REVERIE_PASSWORD="wrong one!",
        REVERIE_NEW_PASSWORD=NEW,
        check=False,
    )
    assert code == 3 and "not right" in err
    _, out, _ = cli("user", "passwd", "--user", "cleo", REVERIE_NEW_PASSWORD=NEW)
    assert "1 API tokens revoked" in out
    _, out, _ = cli("token", "list", "--user", "cleo", REVERIE_PASSWORD=NEW)
    assert out.strip() == ""
    _, out, _ = cli("user", "reset-password", "cleo")
    one_time = out.strip().splitlines()[-1]
    code, _, err = cli("token", "list", "--user", "cleo", REVERIE_PASSWORD=one_time, check=False)
    assert code == 3 and "reverie user passwd" in err  # must choose their own first
    cli("user", "passwd", "--user", "cleo", REVERIE_PASSWORD=one_time, REVERIE_NEW_PASSWORD=PASSWORD + "!")
    cli("token", "list", "--user", "cleo", REVERIE_PASSWORD=PASSWORD + "!")
    _, out, _ = cli("user", "reset-password", "cleo", "--stdin", input="a chosen one-time pass\n")
    assert "must change it" in out and "a chosen one-time pass" not in out
    code, _, _ = cli(
        "token", "list", "--user", "cleo", REVERIE_PASSWORD="a chosen one-time pass", check=False
    )
    assert code == 3


# qa34 point 1: a password is exactly what was typed, at change, sign-up, sign-in, CLI and API alike.
SPACED = "  nico horse battery 2 "


def test_passwords_spaces_at_either_end_sign_in_exactly_as_set_at_change(make_user: Any) -> None:
    make_user("sol")
    assert _change(_signed_in("sol"), PASSWORD, new=SPACED).status_code == 200
    assert _signed_in("sol", SPACED)  # exactly the new password, spaces and all
    trimmed = Client().post("/login/", {"username": "sol", "password": SPACED.strip()})
    assert trimmed.status_code == 401  # the near miss: without its spaces it is another password
    assert people.authenticate("sol", SPACED).username == "sol"  # the CLI's and the API's check


def test_passwords_only_spaces_are_refused_at_change_with_a_plain_message(make_user: Any) -> None:
    make_user("ola")
    web = _signed_in("ola")
    refused = _change(web, PASSWORD, new=" " * 12)
    assert refused.status_code == 400 and b"cannot be only spaces" in refused.content
    assert people.authenticate("ola", PASSWORD).username == "ola"  # nothing changed
    body = json.dumps({"current_password": PASSWORD, "new_password": "\t" * 3 + " " * 9})
    api = web.post("/api/v1/account/password", body, content_type="application/json")
    assert api.status_code == 400 and "only spaces" in api.json()["error"]["message"]
    with pytest.raises(InvalidInput, match="only spaces"):
        passwords.reset_password("ola", " " * 10)
    with pytest.raises(InvalidInput, match="only spaces"):
        people.create_user("ola-two", " " * 16)


def test_passwords_sign_up_keeps_the_spaces_and_an_older_trimmed_account_still_signs_in(db: Any) -> None:
    from reverie.clinic.services import keys

    keys.ensure_key_file()
    web = Client()
    form = {"username": "sid", "password": SPACED, "role": "client"}
    assert web.post("/signup/", form).status_code == 302
    assert people.authenticate("sid", SPACED).username == "sid"
    with pytest.raises(AuthenticationFailed):
        people.authenticate("sid", SPACED.strip())
    # An account made when sign-up trimmed: its stored password has no spaces; its person types them.
    people.create_user("old", SPACED.strip())
    assert _signed_in("old", SPACED) and _signed_in("old", SPACED.strip())
