"""The hard limit on a session's age: it ends ``SESSION_COOKIE_AGE`` (12 hours) after sign-in, whatever happens.

Django's own ``SESSION_COOKIE_AGE`` counts from the session's last save, and the idle timeout's ``last_seen`` write
saves the session, so on its own the limit slid forward while a person stayed active (review r31). The moment of
sign-in is stored in the session by every sign-in (password, two-step code, sign-up, first run, the demo: all go
through ``django.contrib.auth.login``, whose ``user_logged_in`` signal lands here), and the session's expiry is set
to that fixed moment, so neither the cookie's nor the database row's expiry moves when the session is saved again.
:class:`~reverie.clinic.web.middleware.SessionSafetyMiddleware` ends a session past it on its next request. A
session from before this rule (no stored moment) is ended at its next request: its age is unknown.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

SIGNED_IN_AT = "signed_in_at"  # seconds since the epoch, an int


def max_age() -> int:
    return int(settings.SESSION_COOKIE_AGE)


def start(request: HttpRequest) -> None:
    """Record the sign-in moment and pin the session's expiry to it plus the hard limit. Both on Django's clock
    (``timezone.now``), the one the session store checks an expiry against."""
    now = timezone.now().replace(microsecond=0)
    request.session[SIGNED_IN_AT] = int(now.timestamp())
    request.session.set_expiry(now + timedelta(seconds=max_age()))


def expired(request: HttpRequest) -> bool:
    """True when the signed-in session is past its hard limit, or carries no sign-in moment (an older session)."""
    started = request.session.get(SIGNED_IN_AT)
    if not isinstance(started, int):
        return True
    return int(timezone.now().timestamp()) - started >= max_age()


def on_signed_in(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        start(request)


def install() -> None:
    from django.contrib.auth.signals import user_logged_in

    user_logged_in.connect(on_signed_in, dispatch_uid="reverie.session_limit")
