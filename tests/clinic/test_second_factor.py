"""Issue 11 item 2: the therapist's second factor. Code attempts have their own limit that a right password does
not reset; a code works once; replacing the authenticator needs the password and a current code; recovery codes
(stored hashed, each once) work at the second step; enrolment shows a QR code drawn locally as inline SVG."""

from __future__ import annotations

import re
import time
from typing import Any

import pyotp
import pytest
from django.test import Client

from reverie.clinic.models import RecoveryCode, User
from reverie.clinic.services import signin
from reverie.clinic.web.middleware import CSP
from reverie.errors import AuthenticationFailed
from totp_enable import enable_with_previous_code

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # fixed: nothing random in tests
NEW_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"


def _wrong_code(secret: str) -> str:
    totp, now = pyotp.TOTP(secret), time.time()
    accepted = {totp.at(now + d) for d in (-60, -30, 0, 30, 60)}
    return next(c for c in (f"{n:06d}" for n in range(1000)) if c not in accepted)


def _therapist(make_user: Any, name: str) -> tuple[User, list[str]]:
    user = make_user(name, role="therapist")
    codes = enable_with_previous_code(user, SECRET, PASSWORD)
    return user, codes


def _password_step(web: Client, name: str) -> Any:
    return web.post("/login/", {"username": name, "password": PASSWORD})


def test_second_factor_a_right_password_does_not_reset_the_code_limit(make_user: Any) -> None:
    _therapist(make_user, "dr-guess")
    web = Client()
    wrong = _wrong_code(SECRET)
    for _ in range(signin.MAX_CODES_PER_ACCOUNT):
        assert b"6-digit code" in _password_step(web, "dr-guess").content  # the password is right every time
        assert web.post("/login/code/", {"code": wrong}).status_code == 401
    assert b"6-digit code" in _password_step(web, "dr-guess").content
    refused = web.post("/login/code/", {"code": pyotp.TOTP(SECRET).now()})  # even the right code, for now
    assert refused.status_code == 401 and b"Too many attempts" in refused.content
    assert web.get("/journal/").status_code == 302


def test_second_factor_a_code_works_once_and_never_an_older_one(make_user: Any) -> None:
    user, _ = _therapist(make_user, "dr-once")
    now = time.time()
    current, following = pyotp.TOTP(SECRET).at(now), pyotp.TOTP(SECRET).at(now + 30)
    assert signin.check_second_factor(user, current, "10.0.0.1") == "totp"
    with pytest.raises(AuthenticationFailed, match="already used"):
        signin.check_second_factor(user, current, "10.0.0.1")  # replayed
    assert signin.check_second_factor(user, following, "10.0.0.1") == "totp"
    with pytest.raises(AuthenticationFailed):
        signin.check_second_factor(User.objects.get(pk=user.pk), current, "10.0.0.1")  # older than the newest
    assert User.objects.get(pk=user.pk).totp_last_step == int(now + 30) // 30


def test_second_factor_the_enrolment_code_cannot_sign_in(make_user: Any) -> None:
    user = make_user("dr-first", role="therapist")
    code = pyotp.TOTP(SECRET).now()
    signin.enable_totp(user, SECRET, code, password=PASSWORD)
    with pytest.raises(AuthenticationFailed):
        signin.check_second_factor(User.objects.get(pk=user.pk), code, "10.0.0.2")


def test_second_factor_replacing_the_authenticator_needs_password_and_current_code(
    make_user: Any, web_as: Any
) -> None:
    user, _ = _therapist(make_user, "dr-swap")
    web = web_as(user)
    page = web.get("/account/2fa/")
    assert page.context["enrolled"] and b'name="current_code"' in page.content
    session = web.session
    session["totp_candidate"] = signin.seal_candidate(user, NEW_SECRET)  # kept sealed
    session.save()
    new_code = pyotp.TOTP(NEW_SECRET).now()
    assert web.post("/account/2fa/", {"code": new_code}).status_code == 400  # a session alone is not enough
    wrong_password = {
        "code": new_code,
        "password": "not my password",
        "current_code": pyotp.TOTP(SECRET).now(),
    }
    assert web.post("/account/2fa/", wrong_password).status_code == 400
    no_current = {"code": new_code, "password": PASSWORD, "current_code": _wrong_code(SECRET)}
    assert web.post("/account/2fa/", no_current).status_code == 400
    assert signin.totp_secret_of(User.objects.get(pk=user.pk)) == SECRET
    right = {"code": new_code, "password": PASSWORD, "current_code": pyotp.TOTP(SECRET).at(time.time() + 30)}
    replaced = web.post("/account/2fa/", right)
    assert replaced.status_code == 200 and len(replaced.context["codes"]) == 10
    assert signin.totp_secret_of(User.objects.get(pk=user.pk)) == NEW_SECRET


def test_second_factor_recovery_codes_are_hashed_and_each_works_once(make_user: Any) -> None:
    user, codes = _therapist(make_user, "dr-lost")
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(re.fullmatch(r"[0-9a-z]{4}(-[0-9a-z]{4}){3}", c) for c in codes)
    stored = list(RecoveryCode.objects.filter(user=user).values_list("code_hash", flat=True))
    plain = {c.replace("-", "") for c in codes}
    assert len(stored) == 10 and not any(p in s for s in stored for p in plain)  # only keyed hashes
    web = Client()
    _password_step(web, "dr-lost")
    assert web.post("/login/code/", {"code": codes[3].upper()}).status_code == 302  # typed in capitals: fine
    assert web.get("/journal/").status_code == 200
    assert signin.recovery_codes_left(user) == 9
    again = Client()
    _password_step(again, "dr-lost")
    assert again.post("/login/code/", {"code": codes[3]}).status_code == 401  # used once already
    assert again.post("/login/code/", {"code": codes[4]}).status_code == 302


def test_second_factor_new_recovery_codes_need_password_and_code_and_retire_the_old(make_user: Any) -> None:
    user, old = _therapist(make_user, "dr-renew")
    with pytest.raises(AuthenticationFailed):
        signin.new_recovery_codes(user, "wrong password", pyotp.TOTP(SECRET).now())
    fresh = signin.new_recovery_codes(user, PASSWORD, old[0])  # a recovery code counts as the current code
    assert set(fresh).isdisjoint(old) and signin.recovery_codes_left(user) == 10
    with pytest.raises(AuthenticationFailed):
        signin.check_second_factor(user, old[1], "10.0.0.3")


def test_second_factor_enrolment_shows_a_local_svg_qr_code_under_the_strict_csp(make_user: Any) -> None:
    user = make_user("dr-scan", role="therapist")
    web = Client()
    _password_step(web, "dr-scan")
    page = web.get("/account/2fa/")
    html = page.content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert "<path" in svg and "<title>QR code" in svg
    assert "http" not in svg and "data:" not in svg and "style=" not in svg and "<script" not in svg
    assert page.context["secret"] in html  # the text key too, for typing by hand
    assert page["Content-Security-Policy"] == CSP and "'unsafe-inline'" not in CSP
    assert not re.search(r'(src|href)="https?://', html)  # nothing fetched from elsewhere
    assert signin.provisioning_uri(user, page.context["secret"]).startswith("otpauth://totp/Reverie:dr-scan?")


def test_r33_the_operator_clearing_two_step_sign_in_ends_that_persons_sessions(make_user: Any) -> None:
    """`reverie user reset-two-step` ends the person's open sessions (as reset-password does): none goes on unchecked."""
    therapist = make_user("thera", role="therapist")
    therapist.totp_secret = signin.new_secret()
    therapist.save(update_fields=["totp_secret"])
    web = Client()
    web.force_login(therapist)
    session = web.session
    session["otp"] = True
    session.save()
    assert web.get("/").status_code == 200
    signin.reset_second_factor("thera")  # e.g. an authenticator someone else bound on this account
    page = web.get("/")
    assert page.status_code == 302, "the session goes on with full access and no second factor at all"


def test_second_factor_reset_ends_only_that_persons_sessions_and_says_so(make_user: Any, cli: Any) -> None:
    """r33: the reset leaves everyone else signed in; the command says the person's sessions ended."""
    from web_client import signed_in

    _therapist(make_user, "dr-lost")
    other, _ = _therapist(make_user, "dr-other")
    theirs = signed_in(other)
    assert signin.reset_second_factor("dr-lost") is True
    assert theirs.get("/").status_code == 200
    cli("user", "create", "plain-client")
    _, out, _ = cli("user", "reset-two-step", "plain-client")
    assert "nothing to clear" in out and "sessions ended" in out and "API tokens were revoked" in out


def test_reset_two_step_revokes_api_tokens(make_user: Any) -> None:
    """r36: the operator's reset-two-step ends the person's API tokens as it ends their sessions (as reset-password does)."""
    from reverie.api import tokens

    user = make_user("r36-reset")
    enable_with_previous_code(user, SECRET, PASSWORD)
    bearer = {
        "Authorization": f"Bearer {tokens.issue(user, 'phone').secret}"
    }  # minted under the cleared factor
    other = make_user("r36-other")
    theirs = {"Authorization": f"Bearer {tokens.issue(other, 'phone').secret}"}
    assert Client(headers=bearer).get("/api/v1/me").status_code == 200
    signin.reset_second_factor("r36-reset")
    assert Client(headers=bearer).get("/api/v1/me").status_code == 401
    assert Client(headers=theirs).get("/api/v1/me").status_code == 200  # only that person's tokens


def test_h27_ending_a_persons_sessions_decodes_no_session_row(make_user: Any, monkeypatch: Any) -> None:
    """Turning two-step sign-in off and the operator's reset end the person's sessions without decoding a single
    session row (before, every live session of the clinic was read, other people's included)."""
    from django.contrib.sessions.backends.base import SessionBase

    from web_client import signed_in

    client = make_user("h27-client")
    enable_with_previous_code(client, SECRET, PASSWORD)
    therapist, _ = _therapist(make_user, "h27-thera")
    theirs = [signed_in(client), signed_in(client)]
    others = [signed_in(make_user(f"h27-other-{n}")) for n in range(3)]
    lost = signed_in(therapist)
    decoded: list[str] = []
    real_decode = SessionBase.decode

    def counting_decode(self: SessionBase, data: str) -> dict[str, Any]:
        decoded.append(data)
        return dict(real_decode(self, data))

    monkeypatch.setattr(SessionBase, "decode", counting_decode)
    code = pyotp.TOTP(SECRET).at(time.time() + 30)
    signin.disable_totp(client, PASSWORD, code)
    assert signin.reset_second_factor("h27-thera") is True
    assert decoded == [], f"{len(decoded)} session rows decoded to end two people's sessions"
    monkeypatch.undo()
    assert all(web.get("/").status_code == 302 for web in [*theirs, lost])  # signed out everywhere
    assert all(web.get("/").status_code == 200 for web in others)  # everyone else goes on


def test_h27_the_session_hash_is_djangos_until_the_first_sign_out_everywhere(make_user: Any) -> None:
    """A session made before the upgrade stays valid (epoch 0: Django's own hash); after a sign-out everywhere
    neither the current key nor a fallback key accepts the old hash."""
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.test import override_settings
    from django.utils.crypto import salted_hmac

    user = make_user("h27-hash")
    djangos = salted_hmac(
        "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash", user.password, algorithm="sha256"
    ).hexdigest()
    assert user.session_epoch == 0 and user.get_session_auth_hash() == djangos
    with override_settings(SECRET_KEY_FALLBACKS=["an-older-key"]):
        old_fallback = list(AbstractBaseUser.get_session_auth_fallback_hash(user))
        assert list(user.get_session_auth_fallback_hash()) == old_fallback
        signin.sign_out_everywhere(user)
        assert user.session_epoch == 1 == User.objects.get(pk=user.pk).session_epoch
        assert user.get_session_auth_hash() != djangos
        assert not set(user.get_session_auth_fallback_hash()) & {djangos, *old_fallback}
        before = user.get_session_auth_hash()
        signin.sign_out_everywhere(user)
        assert user.get_session_auth_hash() != before


def test_a_password_step_left_half_done_does_not_outlive_another_accounts_sign_in(make_user: Any) -> None:
    """Review r96: on a shared browser a therapist gives their password and walks away before the code; a client then
    signs in on it (no second step). The therapist's half-done sign-in (who, and where to go next) stayed in the
    client's session. Any finished sign-in clears it: the code step then asks for a sign-in again."""
    _therapist(make_user, "rae")
    make_user("cal")
    web = Client()
    assert _password_step(web, "rae").status_code == 200  # the code form
    assert web.session.get("pending_user") is not None
    done = web.post("/login/", {"username": "cal", "password": PASSWORD})
    assert done.status_code == 302
    assert "pending_user" not in web.session and "pending_next" not in web.session
    assert web.get("/login/code/").status_code == 302  # nothing half-done to finish
