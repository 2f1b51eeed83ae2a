"""What a page records about being shown, recorded only once its answer is known good (h116).

A page that draws something the person must see once in full (a check-in's banner with the crisis lines:
``CheckIn.shown_at`` and its ``check_in.show`` audit line) does not write it while rendering: it hands the write to
:func:`record_when_shown`. :class:`ShownMiddleware`, outside every other middleware but the proxy check, runs the
queued records when the response is closed, after its body was handed to the browser, and only when the final
answer is good (status < 500, on every page and every route): an answer that failed anywhere in the stack (a view, a
template, a middleware) records nothing, and neither does a HEAD (it delivers no body) nor a first answer of the
crisis page that :class:`~reverie.clinic.web.no_database.WithoutDatabaseMiddleware` answers again without the
session (:func:`drop`). The thing drawn is then shown in full again by the next page that opens: the safe side.

No page takes a transaction for this: a GET reads as WAL lets it, never waiting for SQLite's write lock (held by an
import, a backup, the worker), so the crisis lines are never held up behind it. A record that fails (the database
busy past its wait, out of reach) is logged by its type and dropped, never made into a failure of a page already
delivered. Outside a request that passes through the middleware (a template rendered in a test), the record is
made at once, as before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import DatabaseError, transaction
from django.http import HttpRequest, HttpResponse

log = logging.getLogger("reverie.web")

QUEUE_ATTR = "reverie_when_shown"

Record = Callable[[], None]


def record_when_shown(request: HttpRequest | None, record: Record) -> None:
    """Queues ``record`` (a write saying something was shown) to run once this request's answer is known good."""
    queue = getattr(request, QUEUE_ATTR, None)
    if isinstance(queue, list):
        queue.append(record)
    else:  # no request through the web's stack: nothing to wait for
        record()


def drop(request: HttpRequest) -> None:
    """Forgets what the answer so far queued: that answer is not the one delivered."""
    queue = getattr(request, QUEUE_ATTR, None)
    if isinstance(queue, list):
        queue.clear()


def _run(queue: list[Record]) -> None:
    records, queue[:] = list(queue), []
    for record in records:
        try:
            with transaction.atomic():
                record()
        except (
            DatabaseError
        ) as exc:  # the page was delivered: its record is dropped, shown in full again next time
            log.warning("a shown record was not kept: %s", type(exc).__name__)


class ShownMiddleware:
    """Runs the records a good answer queued (:func:`record_when_shown`) when it is closed; drops any other's."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        queue: list[Record] = []
        setattr(request, QUEUE_ATTR, queue)
        response = self.get_response(request)
        if response.status_code >= 500 or request.method == "HEAD" or not queue:
            queue.clear()
            return response
        closers: list[Callable[[], object]] = response._resource_closers  # type: ignore[attr-defined]
        closers.append(lambda: _run(queue))  # after the body was handed over: the WSGI server closes it then
        return response
