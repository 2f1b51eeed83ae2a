from __future__ import annotations

import time
from typing import Any

import pyotp
import pytest
from django.conf import settings
from django.test import Client, override_settings

from reverie import settings as reverie_settings
from reverie.clinic.models import AuditEvent, Entry
from reverie.clinic.services import audit, journal, people
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"


def _login(client: Client, name: str, password: str = PASSWORD, **extra: str) -> Any:
    return client.post("/login/", {"username": name, "password": password, **extra})


def test_security_login_is_throttled_per_account(make_user: Any) -> None:
    make_user("nina")
    web = Client()
    for _ in range(5):
        assert _login(web, "nina", "wrong password!").status_code == 401
    response = _login(web, "nina")  # right password, but locked for now
    assert response.status_code == 401 and b"Too many attempts" in response.content


def test_security_login_is_throttled_per_address(make_user: Any) -> None:
    make_user("omar")
    web = Client()
    for i in range(20):
        _login(web, f"nobody-{i}", "wrong password!")
    assert b"Too many attempts" in _login(web, "omar").content


def test_security_session_key_rotates_at_login(make_user: Any) -> None:
    make_user("pia")
    web = Client()
    web.get("/login/")
    web.session["probe"] = 1
    before = web.session.session_key
    _login(web, "pia")
    assert web.session.session_key != before


def test_security_logout_kills_the_session(make_user: Any) -> None:
    make_user("quin")
    web = Client()
    _login(web, "quin")
    cookie = web.cookies["sessionid"].value
    web.post("/logout/")
    stale = Client()
    stale.cookies["sessionid"] = cookie
    assert stale.get("/journal/").status_code == 302


def test_security_get_never_writes(make_user: Any) -> None:
    alice = make_user("rae")
    entry = journal.create_entry(alice, EntryDraft(kind="dream", body="x"))
    web = Client()
    web.force_login(alice)
    for path in (
        f"/journal/{entry.id}/share/",
        f"/journal/{entry.id}/trash/",
        f"/trash/{entry.id}/purge/",
    ):
        assert web.get(path).status_code == 405
    assert web.get("/logout/").status_code == 200 and web.get("/journal/").status_code == 200
    assert Entry.objects.get().deleted_at is None and not Entry.objects.get().shared


def test_security_therapists_must_set_up_two_step_sign_in(make_user: Any) -> None:
    make_user("sam", role="therapist")
    web = Client()
    _login(web, "sam")
    assert web.get("/journal/").url == "/account/2fa/"
    page = web.get("/account/2fa/")
    secret = page.context["secret"]
    assert web.post("/account/2fa/", {"code": "000000"}).status_code == 400
    first_code = pyotp.TOTP(secret).now()
    turned_on = web.post("/account/2fa/", {"code": first_code, "password": PASSWORD})
    # On: the recovery codes are shown, once.
    assert turned_on.status_code == 200 and len(turned_on.context["codes"]) == 10
    assert web.get("/journal/").status_code == 200
    web.post("/logout/")
    again = Client()
    response = _login(again, "sam")
    assert b"6-digit code" in response.content
    assert again.get("/journal/").status_code == 302  # not signed in until the code
    assert again.post("/login/code/", {"code": "123456"}).status_code == 401
    # The code used to turn it on cannot be used again (no replays): the next one can.
    assert again.post("/login/code/", {"code": first_code}).status_code == 401
    assert again.post("/login/code/", {"code": pyotp.TOTP(secret).at(time.time() + 30)}).status_code == 302
    assert again.get("/journal/").status_code == 200


def test_security_idle_timeout_signs_out_and_the_draft_survives(make_user: Any) -> None:
    alice = make_user("tess")
    web = Client()
    _login(web, "tess")
    session = web.session
    session["last_seen"] = 0  # long ago
    session.save()
    text = "Written while the session ran out — ünïcode kept"
    response = web.post("/write/", {"kind": "dream", "body": text, "feel_love": "1", "int_love": "4"})
    # the writer is known (the idle timeout signed them out): the words travel sealed for them, never readable in the
    # sign-in page (r135 fault 5, h194)
    assert response.status_code == 401 and text.encode() not in response.content
    assert Entry.objects.count() == 0
    draft = {k: v for k, v in response.context["draft"].items()}
    saved = _login(web, "tess", **draft)
    assert saved.status_code == 302
    view = journal.list_entries(alice)[0]
    assert view.body == text and [(f.name, f.intensity) for f in view.feelings] == [("love", 4)]


def test_security_audit_chain_detects_tampering_and_clients_see_their_log(make_user: Any) -> None:
    alice = make_user("uma")
    journal.create_entry(alice, EntryDraft(kind="dream", body="secret dream"))
    assert audit.verify().ok
    web = Client()
    web.force_login(alice)
    page = web.get("/account/audit/")
    assert b"You wrote a journal entry." in page.content and b"secret dream" not in page.content
    assert b"entry.create" not in page.content  # plain words, never the code (brief u32)
    first = AuditEvent.objects.order_by("id").first()
    assert first is not None
    AuditEvent.objects.filter(pk=first.pk).update(action="entry.read")
    check = audit.verify()
    assert not check.ok and check.first_bad_id == first.pk


def test_security_clinic_mode_refuses_without_tls_or_with_default_secret() -> None:
    from reverie.cli.admin import check_safe_to_serve
    from reverie.errors import ConfigurationError

    values = dict(settings.REVERIE.values)
    original = settings.REVERIE
    try:
        settings.REVERIE = reverie_settings.Config({**values, "REVERIE_MODE": "clinic", "REVERIE_TLS": False})
        with pytest.raises(ConfigurationError, match="TLS"):
            check_safe_to_serve("0.0.0.0")
        settings.REVERIE = reverie_settings.Config({**values, "REVERIE_MODE": "embedded"})
        with pytest.raises(ConfigurationError, match=r"127\.0\.0\.1"):
            check_safe_to_serve("0.0.0.0")
    finally:
        settings.REVERIE = original


def test_security_passwords_are_argon2id(make_user: Any) -> None:
    """Production's settings hash passwords with Argon2id at Django's full cost (100 MiB, 2 passes, 8 lanes). The
    test suite's own settings hash at the smallest cost (tests/settings_module): this test uses production's."""
    from reverie.clinic import settings as production

    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS):
        user = make_user("vic")
        assert user.password.startswith("argon2$argon2id$v=19$m=102400,t=2,p=8$")
        assert people.authenticate("vic", PASSWORD) == user
        with pytest.raises(Exception, match="Wrong"):
            people.authenticate("vic", "not it at all")
