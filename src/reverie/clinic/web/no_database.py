"""Pages that must open whatever the database does: the crisis lines (review r95).

A page marked :func:`needs_no_database` (``/safety/``) is answered by :class:`WithoutDatabaseMiddleware` as usual
first: the signed-in person, their own safety plan, the check-in banner. If that answer is a server failure (5xx:
the database out of reach or failing, in a view, a template, a context processor or any middleware below), the
page is answered again as for a browser without a session: the session cookie is left out of the request (kept
in the browser, never deleted), so no middleware or context processor reads the session, the person or anything
of theirs, and the page notes it (:func:`without_database`) to say what it cannot show. One mechanism, not a rule
in each middleware: a middleware added later that reads the database is covered by it too (it sits outside the
session and authentication middleware; ``tests/clinic/test_public_pages_resilience.py`` walks the configured
stack with the database down).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

MARK = "reverie_needs_no_database"
WITHOUT_ATTR = "reverie_without_database"

View = TypeVar("View", bound=Callable[..., HttpResponse])


def needs_no_database(view: View) -> View:
    """Marks a page (GET only) that must open with the database down, as for a browser without a session."""
    setattr(view, MARK, True)
    return view


def is_marked(view: object) -> bool:
    return bool(getattr(view, MARK, False))


def without_database(request: HttpRequest) -> bool:
    """Whether this answer is the second, made without the session (the person's own things cannot be shown)."""
    return bool(getattr(request, WITHOUT_ATTR, False))


def _marked_page(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    try:
        return is_marked(resolve(request.path_info).func)
    except Resolver404:
        return False


class WithoutDatabaseMiddleware:
    """Answers a :func:`needs_no_database` page again, without the session, when its first answer failed (5xx).

    Outside :class:`~django.contrib.sessions.middleware.SessionMiddleware`, so every middleware from it inward runs
    again for the second answer, with no session cookie to read."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code < 500 or not _marked_page(request):
            return response
        response.close()
        cookie = settings.SESSION_COOKIE_NAME
        request.COOKIES = {name: value for name, value in request.COOKIES.items() if name != cookie}
        for attr in ("session", "user", "_cached_user", "_messages"):  # the first answer's, set again inside
            if attr in request.__dict__:
                delattr(request, attr)
        setattr(request, WITHOUT_ATTR, True)
        return self.get_response(request)
