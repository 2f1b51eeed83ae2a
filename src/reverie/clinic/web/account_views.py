"""Account pages: two-step sign-in (enrolment with a local QR code, recovery codes) and changing one's password."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods

from reverie.clinic.models import User
from reverie.clinic.services import passwords, signin
from reverie.errors import AuthenticationFailed, InvalidInput, ReverieError


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def client_address(request: HttpRequest) -> str:
    """The client's address as the sign-in throttles count it (the web's rule, proxies included)."""
    from reverie.clinic.web.views import _address

    return _address(request)


_address = client_address


@login_required
@require_http_methods(["GET", "POST"])
def totp_setup(request: HttpRequest) -> HttpResponse:
    """Turn on two-step sign-in (the password needed), replace the authenticator or turn it off (the password and
    a current code or a recovery code needed; therapists cannot turn it off), or renew the recovery codes. The QR
    code is drawn on the server as inline SVG: nothing is fetched from elsewhere."""
    user = _user(request)
    # The candidate is kept in the session sealed (session rows are not encrypted; review r40).
    secret = signin.open_candidate(user, request.session.get("totp_candidate"))
    if secret is None:
        secret = signin.new_secret()
        request.session["totp_candidate"] = signin.seal_candidate(user, secret)
    error = None
    turned_off = False
    codes: list[str] = []
    if request.method == "POST":
        post = request.POST
        try:
            if post.get("action") == "renew":
                codes = signin.new_recovery_codes(
                    user, post.get("password", ""), post.get("current_code", ""), _address(request)
                )
            elif post.get("action") == "disable":
                signin.disable_totp(
                    user,
                    post.get("password", ""),
                    post.get("current_code", ""),
                    _address(request),
                )
                update_session_auth_hash(request, user)  # this session stays; every other one of theirs ends
                request.session["otp"] = False
                turned_off = True
            else:
                codes = signin.enable_totp(
                    user,
                    secret,
                    post.get("code", ""),
                    password=post.get("password", ""),
                    current_code=post.get("current_code", ""),
                    address=_address(request),
                )
                update_session_auth_hash(request, user)  # a replacement ends every other session of theirs
                del request.session["totp_candidate"]
                request.session["otp"] = True
        except ReverieError as exc:
            error = exc.message
    uri = signin.provisioning_uri(user, secret)
    context: dict[str, Any] = {
        "secret": secret,
        "uri": uri,
        "qr": mark_safe(signin.qr_svg(uri)),  # noqa: S308 -- SVG that segno drew from our own URI
        "error": error,
        "codes": codes,
        "turned_off": turned_off,
        "enrolled": bool(user.totp_secret),
        "codes_left": signin.recovery_codes_left(user) if user.totp_secret else 0,
    }
    return render(request, "reverie/totp_setup.html", context, status=400 if error else 200)


@login_required
@require_http_methods(["GET", "POST"])
def password_change(request: HttpRequest) -> HttpResponse:
    """Change one's password with the current one; every other session ends and every API token is revoked. A
    refusal is shown on the box it is about (``forms.refusal_on_field``); a throttled attempt on the page."""
    from reverie.clinic.services.throttle import TOO_MANY
    from reverie.clinic.web.forms import PASSWORD_FIELDS, PasswordChangeForm, refusal_on_field

    user = _user(request)
    forced = user.must_change_password
    context: dict[str, Any] = {"forced": forced}
    status = 200
    form = PasswordChangeForm(request.POST or None, forced=forced)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["new_password"] != data["new_password_again"]:
                raise InvalidInput("The two new passwords differ.", field="new_password_again")
            revoked = passwords.change_password(
                user, data["current_password"], data["new_password"], address=_address(request)
            )
        except InvalidInput as exc:
            context["error"], status = refusal_on_field(form, exc, PASSWORD_FIELDS), exc.http_status
        except (
            AuthenticationFailed
        ) as exc:  # the current password not right: on its box; throttled: the page's
            if exc.message == TOO_MANY:
                context["error"] = exc.message
            else:
                form.add_error("current_password", exc.message)
            status = exc.http_status
        except ReverieError as exc:
            context["error"], status = exc.message, exc.http_status
        else:
            update_session_auth_hash(request, user)  # this session stays; all others end
            if forced:
                return redirect("home")
            context.update(done=True, revoked=revoked, forced=False)
            form = PasswordChangeForm(forced=False)
    elif request.method == "POST":
        status = 400
    context["form"] = form
    return render(request, "reverie/password.html", context, status=status)
