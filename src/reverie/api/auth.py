"""Who is asking: a personal access token (``Authorization: Bearer rv_…``) or the web session cookie with CSRF.

A presented token that is wrong is refused outright (401), even when a session cookie is also present, so a
revoked token never silently falls back to someone's browser session. The session needs the CSRF token for
every unsafe method, exactly like the web pages.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import AuthenticationError, HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from reverie.api import tokens
from reverie.clinic.models import User

MUST_CHANGE = "Your password was reset: choose your own first (POST /api/v1/account/password)."


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User:
        user = tokens.user_for(token.strip())
        if user is None:
            raise AuthenticationError(401, "The access token is not valid (it may have been revoked).")
        if user.must_change_password:
            raise AuthenticationError(401, MUST_CHANGE)
        return user


class SessionAuth(APIKeyCookie):
    """The signed-in web session. Not signed in: 401. Signed in but no valid CSRF token on a POST: 403."""

    param_name: str = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        super().__init__(csrf=False)  # checked below, only once we know someone is signed in

    def _get_key(self, request: HttpRequest) -> str | None:
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if not isinstance(user, User) or not user.is_authenticated or not user.is_active:
            return None
        if user.is_therapist and not request.session.get("otp"):
            return None  # a therapist's session counts only after the two-step sign-in
        if user.must_change_password and not request.path.endswith("/account/password"):
            raise HttpError(403, MUST_CHANGE)
        if check_csrf(request) is not None:
            raise HttpError(
                403, "The CSRF check failed: send the X-CSRFToken header with the csrftoken cookie."
            )
        return user


token_auth = TokenAuth()
session_auth = SessionAuth()
SIGNED_IN = [token_auth, session_auth]


def actor(request: HttpRequest) -> User:
    """The person an authenticated operation runs for."""
    user = getattr(request, "auth", None)
    if not isinstance(user, User):
        raise AuthenticationError()
    return user
