"""Pages that must open whatever the database does: the crisis lines (review r95).

A page marked :func:`needs_no_database` (``/safety/``) is answered by :class:`WithoutDatabaseMiddleware` as usual
first: the signed-in person, their own safety plan, the check-in banner. If that answer failed because the
database did (out of reach, busy past its wait, failing, its disk full: what
:func:`reverie.clinic.web.middleware.failure_answer`, the web's one classification, answers with a 5xx, raised in a
view, a template, a context processor or any middleware below), the page is answered again as for a browser
without a session: the session cookie is left out of the request (kept in the browser, never deleted), so no
middleware or context processor reads the session, the person or anything of theirs, and the page notes it
(:func:`without_database`) to say what it cannot show. One mechanism, not a rule in each middleware: a middleware
added later that reads the database is covered by it too (it sits outside the session and authentication
middleware; ``tests/clinic/test_public_pages_resilience.py`` walks the configured stack with the database down).

Any other failure (a bug in a view, a template or a service: h109) is not answered again: its one incident page is
the answer, logged once, never hidden behind a page without the person. Every failure below is noted on the request
(:func:`note_failure`) where it becomes an answer: :class:`~reverie.clinic.web.middleware.ReverieErrorMiddleware`
for a view's, Django's ``got_request_exception`` for a middleware's.

The first answer takes no transaction: a GET of the crisis page reads as WAL lets it, never waiting for SQLite's
write lock (h116: h109's transaction around it took that lock, ``transaction_mode: IMMEDIATE``, and the crisis lines
waited out the busy timeout while an import, a backup or the worker wrote). What a page records about being shown (a
check-in banner's full showing, ``CheckIn.shown_at``) waits in :mod:`reverie.clinic.web.shown` for a good answer, on
every page; a first answer answered again here is not the one delivered, so its records are dropped
(:func:`~reverie.clinic.web.shown.drop`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.signals import got_request_exception
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

from reverie.clinic.web.shown import drop

MARK = "reverie_needs_no_database"
WITHOUT_ATTR = "reverie_without_database"
FAILURES_ATTR = "reverie_failures"

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


def note_failure(request: HttpRequest, exc: BaseException) -> None:
    """Notes ``exc``, a failure made into an answer below :class:`WithoutDatabaseMiddleware`, on a marked page's
    request (nothing on any other), for it to tell the database's failure from the program's."""
    failures = getattr(request, FAILURES_ATTR, None)
    if isinstance(failures, list):
        failures.append(exc)


def _noted_by_django(sender: object, request: HttpRequest | None = None, **kwargs: Any) -> None:
    """A failure Django made into its 500 (raised in a middleware, or while answering a view's): noted."""
    import sys

    exc = sys.exc_info()[1]
    if request is not None and exc is not None:
        note_failure(request, exc)


got_request_exception.connect(_noted_by_django, dispatch_uid="reverie.no_database.note_failure")


def database_failed(exc: BaseException) -> bool:
    """Whether ``exc`` is the database's failure (out of reach, busy, failing, its disk full), not the program's:
    the web's one classification, :func:`~reverie.clinic.web.middleware.failure_answer`, answers it with a 5xx."""
    from reverie.clinic.web.middleware import failure_answer

    answer = failure_answer(exc)
    return answer is not None and answer[0] >= 500


def _marked_page(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    try:
        return is_marked(resolve(request.path_info).func)
    except Resolver404:
        return False


class WithoutDatabaseMiddleware:
    """Answers a :func:`needs_no_database` page again, without the session, when its first answer failed because
    the database did; what that first answer queued to record as shown is dropped.

    Outside :class:`~django.contrib.sessions.middleware.SessionMiddleware`, so every middleware from it inward runs
    again for the second answer, with no session cookie to read."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _marked_page(request):
            return self.get_response(request)
        failures: list[BaseException] = []
        setattr(request, FAILURES_ATTR, failures)
        response = self.get_response(request)
        if response.status_code < 500:
            return response
        if not any(database_failed(exc) for exc in failures):
            return response  # the program's failure: its one incident page, never hidden behind another
        response.close()
        drop(request)  # what the first answer drew was never delivered: none of it is recorded as shown
        return self._without_session(request)

    def _without_session(self, request: HttpRequest) -> HttpResponse:
        cookie = settings.SESSION_COOKIE_NAME
        request.COOKIES = {name: value for name, value in request.COOKIES.items() if name != cookie}
        for attr in ("session", "user", "_cached_user", "_messages"):  # the first answer's, set again inside
            if attr in request.__dict__:
                delattr(request, attr)
        setattr(request, WITHOUT_ATTR, True)
        return self.get_response(request)
