"""Review r31: signing in, sessions and the edges of the web app, attacked from outside (failing before the fixes of brief h18)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"


def _login(client: Client, name: str, query: str = "") -> Any:
    return client.post(f"/login/{query}", {"username": name, "password": PASSWORD})


def test_r31_session_ends_twelve_hours_after_sign_in_even_when_active(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A session ends 12 hours after sign-in, whatever happens (docs/settings.md), even for a person active all along."""
    make_user("sami")
    start = time.time()
    clock = {"now": start}
    real_now = timezone.now
    monkeypatch.setattr(time, "time", lambda: clock["now"])
    monkeypatch.setattr(
        timezone, "now", lambda: real_now() + timezone.timedelta(seconds=clock["now"] - start)
    )
    web = Client()
    assert _login(web, "sami").status_code == 302
    # Active every 20 minutes (inside the 30-minute idle timeout) for 13 hours.
    for _ in range(13 * 3):
        clock["now"] += 20 * 60
        page = web.get("/journal/")
    assert page.status_code == 302 and page["Location"].startswith("/login/"), (
        "still signed in 13 hours after signing in"
    )


def test_r31_sign_up_does_not_answer_which_user_names_exist_without_limit(make_user: Any) -> None:
    """Sign-up tells one address whether a user name is taken at most 20 times a window, like sign-in's limit."""
    make_user("jane.doe")
    web = Client()
    answers = [
        web.post("/signup/", {"username": "jane.doe", "password": f"another long password {i}"})
        for i in range(25)
    ]
    said_taken = sum(b"That user name is taken" in page.content for page in answers)
    assert said_taken <= 20, f"{said_taken} of 25 sign-ups from one address said the name is taken"


def test_r31_turning_on_two_step_sign_in_needs_the_password(make_user: Any) -> None:
    """Turning two-step sign-in on needs the password: an open session alone cannot bind an authenticator."""
    import pyotp

    from reverie.clinic.models import User
    from web_client import signed_in

    client = make_user("lena")
    web = signed_in(client)  # a session left open on a shared computer
    secret = web.get("/account/2fa/").context["secret"]  # the session keeps it sealed
    web.post("/account/2fa/", {"code": pyotp.TOTP(secret).now()})  # no password given
    assert not User.objects.get(pk=client.pk).totp_secret, (
        "a passer-by bound their own authenticator to the account (and no one can remove it)"
    )


# Brief h18: the fixes' own edges.

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def test_r31_every_sign_in_path_pins_the_session_to_twelve_hours_from_sign_in(make_user: Any) -> None:
    """Password, two-step code and sign-up each store the sign-in moment; the expiry is that moment plus 12 h and
    does not move when the session is saved again (the last-seen write)."""
    import pyotp
    from django.conf import settings

    from reverie.clinic.models import User
    from reverie.clinic.web import session_limit

    def pinned(web: Client) -> None:
        session = web.session
        started = session[session_limit.SIGNED_IN_AT]
        assert abs(started - time.time()) < 60
        expiry = session.get_expiry_date().timestamp()
        assert expiry == started + settings.SESSION_COOKIE_AGE
        session["last_seen"] = 0  # any later save
        session.save()
        assert web.session.get_expiry_date().timestamp() == expiry

    make_user("pat")
    by_password = Client()
    assert _login(by_password, "pat").status_code == 302
    pinned(by_password)

    make_user("two")
    User.objects.filter(username="two").update(totp_secret=SECRET)
    by_code = Client()
    _login(by_code, "two")
    assert by_code.post("/login/code/", {"code": pyotp.TOTP(SECRET).now()}).status_code == 302
    pinned(by_code)

    by_sign_up = Client()
    made = by_sign_up.post("/signup/", {"username": "newcomer", "password": PASSWORD})
    assert made.status_code == 302
    pinned(by_sign_up)


def test_r31_a_session_from_before_the_limit_is_ended(make_user: Any) -> None:
    """A session without a stored sign-in moment (made before the rule) cannot be aged: it ends at its next
    request (the conservative choice), and the person signs in again."""
    from reverie.clinic.web import session_limit

    make_user("old")
    web = Client()
    _login(web, "old")
    assert web.get("/journal/").status_code == 200
    session = web.session
    del session[session_limit.SIGNED_IN_AT]
    session.save()
    page = web.get("/journal/")
    assert page.status_code == 302 and page["Location"].startswith("/login/")


def test_r31_sign_up_says_plainly_when_an_address_tried_too_often(make_user: Any) -> None:
    from reverie.clinic.models import User
    from reverie.clinic.services import enrolment

    make_user("jane.doe")
    web = Client()
    for i in range(enrolment.MAX_SIGNUPS_PER_ADDRESS):
        web.post("/signup/", {"username": "jane.doe", "password": f"another long password {i}"})
    limited = web.post("/signup/", {"username": "free-name", "password": PASSWORD})
    assert limited.status_code == 400 and b"Too many sign-up attempts" in limited.content
    assert b"taken" not in limited.content and not User.objects.filter(username="free-name").exists()
    other = Client(REMOTE_ADDR="10.9.9.9")  # another address is not limited
    assert other.post("/signup/", {"username": "free-name", "password": PASSWORD}).status_code == 302


def _enrolled_client(make_user: Any, name: str) -> tuple[Any, Client]:
    import pyotp

    from web_client import signed_in

    user = make_user(name)
    web = signed_in(user)
    secret = web.get("/account/2fa/").context["secret"]  # the session keeps it sealed
    on = web.post("/account/2fa/", {"code": pyotp.TOTP(secret).now(), "password": PASSWORD})
    assert on.status_code == 200 and len(on.context["codes"]) == 10
    return user, web


def test_r31_two_step_sign_in_turns_on_with_the_password_and_off_with_password_and_code(
    make_user: Any,
) -> None:
    from reverie.clinic.models import AuditEvent, RecoveryCode, User

    user, web = _enrolled_client(make_user, "mo")
    codes = list(RecoveryCode.objects.filter(user=user))
    assert codes and User.objects.get(pk=user.pk).totp_secret
    off = {"action": "disable", "password": PASSWORD}
    assert web.post("/account/2fa/", {**off, "current_code": "000000"}).status_code == 400
    assert web.post("/account/2fa/", {**off, "password": "wrong", "current_code": "x"}).status_code == 400
    assert User.objects.get(pk=user.pk).totp_secret
    # A recovery code counts as the current code: the person who lost the phone can turn it off.
    from reverie.clinic.services import signin

    fresh = signin.new_recovery_codes(
        User.objects.get(pk=user.pk), PASSWORD, _code_after(User.objects.get(pk=user.pk))
    )
    done = web.post("/account/2fa/", {**off, "current_code": fresh[0]})
    assert done.status_code == 200 and b"Two-step sign-in is off" in done.content
    assert (
        not User.objects.get(pk=user.pk).totp_secret and not RecoveryCode.objects.filter(user=user).exists()
    )
    assert AuditEvent.objects.filter(action="totp.disable").count() == 1
    assert _login(Client(), "mo").status_code == 302  # the password alone signs in again


def _code_after(user: Any) -> str:
    import pyotp

    from reverie.clinic.services import signin

    return str(pyotp.TOTP(signin.totp_secret_of(user)).at((user.totp_last_step + 1) * 30))


def test_r31_a_therapist_cannot_turn_two_step_sign_in_off(make_user: Any) -> None:
    from reverie.clinic.models import User
    from reverie.clinic.services import signin
    from reverie.errors import InvalidInput

    therapist = make_user("dr-keep", role="therapist")
    import pyotp

    signin.enable_totp(therapist, SECRET, pyotp.TOTP(SECRET).now(), password=PASSWORD)
    with pytest.raises(InvalidInput, match="Therapists must keep"):
        signin.disable_totp(therapist, PASSWORD, _code_after(therapist))
    assert signin.totp_secret_of(User.objects.get(pk=therapist.pk)) == SECRET


def test_r31_the_operator_clears_two_step_sign_in_audited(make_user: Any, cli: Any) -> None:
    from reverie.clinic.models import AuditEvent, RecoveryCode, User
    from reverie.clinic.services import signin

    user, _ = _enrolled_client(make_user, "lost-phone")
    assert signin.reset_second_factor("Lost-Phone") is True
    assert (
        not User.objects.get(pk=user.pk).totp_secret and not RecoveryCode.objects.filter(user=user).exists()
    )
    event = AuditEvent.objects.get(action="totp.reset")
    assert event.actor_id is None
    assert _login(Client(), "lost-phone").status_code == 302  # the password alone signs in
    # The command itself (its own data folder): an account without two-step sign-in has nothing to clear.
    cli("user", "create", "plain-client")
    _, out, _ = cli("user", "reset-two-step", "plain-client")
    assert "nothing to clear" in out


def test_r33_turning_two_step_sign_in_off_ends_the_persons_other_sessions(make_user: Any) -> None:
    """A client turning two-step sign-in off keeps the session they did it in; their other sessions end."""
    from reverie.clinic.models import User
    from reverie.clinic.services import signin
    from web_client import signed_in

    user, web = _enrolled_client(make_user, "two-tabs")
    elsewhere = signed_in(user)
    bystander = signed_in(make_user("bystander"))
    assert elsewhere.get("/").status_code == 200
    codes = signin.new_recovery_codes(
        User.objects.get(pk=user.pk), PASSWORD, _code_after(User.objects.get(pk=user.pk))
    )
    off = {"action": "disable", "password": PASSWORD, "current_code": codes[0]}
    assert web.post("/account/2fa/", off).status_code == 200
    assert not User.objects.get(pk=user.pk).totp_secret
    assert web.get("/").status_code == 200  # the session it was done in goes on
    assert elsewhere.get("/").status_code == 302  # every other one ended
    assert bystander.get("/").status_code == 200
