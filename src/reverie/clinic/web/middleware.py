"""Security headers on every response (static files get theirs from WhiteNoise's hook, ``static_headers``), and
one error shape for every view."""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, connections, transaction
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from reverie.clinic.requests import malformed_status
from reverie.clinic.snapshot import read_snapshot
from reverie.errors import (
    Conflict,
    DatabaseBusy,
    PermissionDenied,
    ReverieError,
    StorageFull,
    StorageRefused,
    failure_of,
    is_database_error,
    is_refusal,
)

log = logging.getLogger("reverie.web")

CSP = (
    "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'none'"
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()"


class HeadAsGetMiddleware:
    """Every route that answers GET answers HEAD the same way without the body (RFC 9110 §9.3.2), web and API.

    One mechanism instead of ``require_safe`` on each view and a second method on each API operation: the request
    runs as GET through every middleware and the view (so the same default-deny policy decides and the same headers
    are set, ``Content-Type``, ``Content-Length``, ``Cache-Control``, ``Content-Disposition``), then the body is
    dropped. A route that refuses GET refuses HEAD too (405). Outermost but the proxy check, so ``Content-Length``
    is the GET body's length.

    A HEAD changes nothing (review r49): it delivers no body, so nothing may be recorded as shown or read. The GET
    runs inside one transaction per configured database that is always rolled back, so none of its writes persist
    (a check-in's one full showing, audit lines, read marks, the session row and its last-seen time, queued
    tasks), and its ``on_commit`` callbacks are discarded with it (the audit anchor file advances only on commit).
    The transaction is first a read snapshot (``clinic.snapshot.read_snapshot``; on SQLite ``BEGIN DEFERRED``,
    review r124): a HEAD takes no write lock to read, so one whose GET writes nothing (a static file, the sign-in
    and crisis pages, a monitor's) answers at once while another process holds the lock, and never holds it against
    saves while its page renders. A GET that writes (most signed-in pages add an audit line) takes the lock at that
    write; where SQLite refuses it there (another process holds it, or saved since the HEAD began reading:
    ``SQLITE_BUSY``, no waiting in a read transaction) the HEAD is run once more as before, in a transaction that
    takes the write lock at its start and so waits for it as any save does. Nothing of the first run is kept.
    One mechanism, not a rule for each view. Only a refusal the policy made is still audited, as for a GET: it
    records the attempt, not a delivery. The GET views write no file and send no mail; the one process cache they
    fill (``insights``) re-checks the database on every use.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "HEAD":
            return self.get_response(request)
        request.method = "GET"
        try:
            response = self._undone(request)
        finally:
            request.method = "HEAD"
        from reverie.clinic.services import audit

        audit.flush_refused()  # a refusal is audited as for GET: the attempt, not something delivered
        if isinstance(response, StreamingHttpResponse):
            response.streaming_content = iter(())
        else:
            response.setdefault("Content-Length", str(len(response.content)))
            response.content = b""
        return response

    def _undone(self, request: HttpRequest) -> HttpResponse:
        """The GET, its writes rolled back: read in a snapshot, and run again holding the write lock from its start
        only when a write of its met SQLite's lock (:class:`_WriteRefused`)."""
        refused = _WriteRefused()
        response = self._rolled_back(request, snapshot=True, watch=refused)
        if not refused.seen:
            return response
        response.close()
        return self._rolled_back(request, snapshot=False, watch=None)

    def _rolled_back(
        self, request: HttpRequest, *, snapshot: bool, watch: _WriteRefused | None
    ) -> HttpResponse:
        """The GET in one transaction per database, rolled back. A database that cannot open the transaction (out of
        reach, locked past its wait) answers as for a GET: the GET runs with every statement refused as the opening
        was, so a static file is 200 and a page that needs the database 503 with ``Retry-After``, and still nothing
        is written."""
        undone = contextlib.ExitStack()
        try:
            for alias in settings.DATABASES:
                undone.enter_context(read_snapshot(alias) if snapshot else transaction.atomic(using=alias))
                if watch is not None and connections[alias].vendor == "sqlite":
                    undone.enter_context(connections[alias].execute_wrapper(watch))
        except DatabaseError as refused:
            undone.close()
            with contextlib.ExitStack() as refusing:
                for alias in settings.DATABASES:
                    refusing.enter_context(connections[alias].execute_wrapper(_Refuse(refused)))
                return self.get_response(request)
        with undone:
            try:
                return self.get_response(request)
            finally:
                for alias in settings.DATABASES:
                    transaction.set_rollback(True, using=alias)


class _WriteRefused:
    """Notes a statement of a HEAD's read snapshot that SQLite refused as busy: in a read transaction SQLite answers
    a write at once when another connection holds the write lock or has saved since the snapshot began (waiting could
    never make that snapshot current). The error goes on as it came; :meth:`HeadAsGetMiddleware._undone` then runs
    the HEAD again with the write lock taken at its start."""

    def __init__(self) -> None:
        self.seen = False

    def __call__(
        self, execute: Callable[..., object], sql: str, params: object, many: bool, context: object
    ) -> object:
        try:
            return execute(sql, params, many, context)
        except DatabaseError as exc:
            if isinstance(failure_of(exc), DatabaseBusy):
                self.seen = True
            raise


class _Refuse:
    """Every statement of a HEAD whose transaction could not be opened fails as the opening did (the same
    database error, so :func:`failure_answer` and the API's handler map it as they map it for a GET)."""

    def __init__(self, refused: DatabaseError) -> None:
        self.refused = refused

    def __call__(
        self, execute: Callable[..., object], sql: str, params: object, many: bool, context: object
    ) -> object:
        raise type(self.refused)(*self.refused.args) from self.refused.__cause__


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if request.user.is_authenticated if hasattr(request, "user") else False:
            response.setdefault("Cache-Control", "no-store")
        return response


class ReverieErrorMiddleware:
    """A :class:`ReverieError` becomes a readable page with its status; anything else an incident id."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from reverie.clinic.services import audit

        audit.discard_refused()  # anything left from outside a request belongs to no one here
        response = self.get_response(request)
        audit.flush_refused()  # refusals the policy made inside a transaction that then unwound
        if response.status_code == 405 and not response.content and not request.path.startswith("/api/"):
            return _not_allowed_page(request, response)
        return response

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
        from django.http import Http404

        from reverie.clinic.web.no_database import note_failure

        note_failure(
            request, exc
        )  # a page that needs no database tells the database's failure from a bug by it
        if isinstance(
            exc, (Http404, DjangoPermissionDenied)
        ):  # Django's own answers: page_not_found, forbidden
            return None
        if (
            malformed_status(exc) is not None
        ):  # a request Reverie cannot read: a plain 400 (413), not an incident
            log.warning("%s %s refused as malformed: %s", request.method, request.path, type(exc).__name__)
            return bad_request(request, exc)
        if isinstance(exc, ReverieError):
            if isinstance(exc, PermissionDenied):  # a refused action (403): audited like a refusal
                from reverie.clinic.services import audit

                audit.refused(getattr(request, "user", None), "request", "page", request.path)
            # The code (E100…) goes to the log, the API and the CLI; a page says it in words only.
            log.info("%s %s %s answered %s", request.method, request.path, exc.code, exc.http_status)
            context = {"title": "That did not work", "message": exc.message, "typed": typed_back(request)}
            page = render(request, "reverie/error.html", context, status=exc.http_status)
            return retry_later(page) if isinstance(exc, DatabaseBusy) else page
        incident = secrets.token_hex(4)
        # Only the type and the incident id: an exception message could quote what someone wrote.
        log.error("incident %s: %s in %s %s", incident, type(exc).__name__, request.method, request.path)
        failed = failure_answer(exc)
        from reverie.clinic.web import drafts

        if failed is not None and failed[0] >= 500 and drafts.sign_in_post(request):
            # the sign-in page's words sealed for their writer, the database down at its press: kept, not lost (h201)
            kept = _sealed_page(request, *failed)
            if kept is not None:
                return retry_later(kept)
        if failed is not None:
            status, title, words = failed
            context = {"title": title, "message": f"{words} Incident {incident}."}
        else:
            context = {
                "title": "Something went wrong",
                "message": f"Reverie hit an unexpected problem. Nothing you saved is lost. Incident {incident}.",
            }
            status = 500
        context["typed"] = typed_back(request)
        page = render(request, "reverie/error.html", context, status=status)
        return retry_later(page) if failed is not None else page


# Form controls, not words, beside the page's own state that drafts.HIDDEN names: a confirmation, a return path,
# a chosen day, the trash page's fingerprint.
CONTROLS = frozenset({"confirm", "next", "on", "shown"})
BUSY = "Reverie could not reach its database just now, so this was not saved. Nothing saved before is lost."
# The database's folder refuses it (read-only, not writable): said without the server's path, which the command
# line's message (``errors.failure_of``) names for whoever runs Reverie.
READ_ONLY = (
    "Reverie cannot open or write its data folder just now (read-only, not writable or missing), so this was not"
    " saved. Nothing saved before is lost; whoever runs this Reverie can find the incident in its log."
)


def failure_answer(exc: BaseException) -> tuple[int, str, str] | None:
    """The web's one answer to a failure of the disk or the database, as status, title and plain words, for every
    page (the error page of :class:`ReverieErrorMiddleware`, the write and edit pages that give the form back):
    asked of the one classification, :func:`reverie.errors.failure_of`, the command line's and the API's too. A
    full disk is 507 with :func:`reverie.errors.disk_full`'s words; a database busy, out of reach or failing in
    any other way 503 (the page never names the server's files: try again later), its folder read-only or not
    writable 503 in words of its own (r124); a constraint the database refused
    (``IntegrityError``) 409 with :data:`reverie.errors.CONFLICT_MESSAGE`, never "busy"; ``None`` for anything else
    (another refusal of what was sent, ``DataError``, ``ProgrammingError``: the program's fault, a 500)."""
    said = failure_of(exc)
    if isinstance(said, StorageFull):
        return said.http_status, "Not saved: the disk is full", said.message
    if isinstance(said, Conflict):  # a constraint refused (IntegrityError): a clash, never "could not reach"
        return said.http_status, "Not saved: it clashed with another change", said.message
    if isinstance(said, StorageRefused):  # the database's folder read-only or not writable (review r124)
        return said.http_status, "Not saved: Reverie cannot write its data just now", READ_ONLY
    if isinstance(said, DatabaseBusy) or (is_database_error(exc) and not is_refusal(exc)):
        # locked SQLite after its wait, a PostgreSQL restart, a database that cannot be opened
        return DatabaseBusy.http_status, "Not saved: try again in a moment", BUSY
    return None


def retry_later(response: HttpResponse) -> HttpResponse:
    """A busy database's 503 asks to be tried again after :attr:`DatabaseBusy.retry_after_s` seconds, as the API's does."""
    if response.status_code == DatabaseBusy.http_status:
        response.setdefault("Retry-After", str(DatabaseBusy.retry_after_s))
    return response


def typed_back(request: HttpRequest) -> list[dict[str, object]]:
    """What a refused or failed form post carried, to show back for copying (every page with a form: a note, a
    formulation, a safety plan, an entry), so an error never takes the words with it. Only a signed-in person's own
    post to a page (never the API); passwords and codes are never echoed (:func:`csrf_views.typed_fields`). The
    page is ``no-store`` (:class:`SecurityHeadersMiddleware`), and nothing of it is logged."""
    from reverie.clinic.web.csrf_views import typed_fields

    signed_in = bool(getattr(request, "user", None) and request.user.is_authenticated)
    if request.method != "POST" or not signed_in or request.path.startswith("/api/"):
        return []
    from reverie.clinic.web import drafts

    if drafts.takes_text(request.path) and not drafts.is_clients_own(request.path):
        mark = drafts.writer_of(str(request.POST.get(drafts.WRITER, "")), ignore_age=True)
        if mark != request.user.pk:  # a therapist's words, shown back only to the account that wrote them
            return []
    try:
        shown = typed_fields(request)[1]
    except Exception:  # a body that cannot be read again (too large, malformed): the page without it
        return []
    return [f for f in shown if f["name"] not in CONTROLS and not drafts.HIDDEN.match(str(f["name"]))]


TOO_LARGE = (
    "The file (or the whole form) was too large for Reverie to read, so nothing was saved. Go back, choose a "
    "smaller file or none, and save again."
)


MALFORMED = "The request was refused as malformed. Nothing was saved."
UNREAD = (
    " What was typed could not be read, so it cannot be shown here: go back, where your browser may still hold it, "
    "and save again."
)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 400 page: a request body too large to read says so plainly (413); anything else is malformed. A
    form's words cannot be shown back (:func:`typed_back`): they could not be read, and the page says so."""
    if malformed_status(exception) == 413:
        from reverie.clinic.web import uploads

        # the import page's file is a whole journal: its own limit and the command line named (uploads.py)
        message = uploads.import_too_large(None) if uploads.is_import(request) else TOO_LARGE
        context = {"title": "That file is too large", "message": message}
        return render(request, "reverie/error.html", context, status=413)
    message = MALFORMED + (
        UNREAD if request.method == "POST" and not request.path.startswith("/api/") else ""
    )
    context = {"title": "That did not work", "message": message}
    return render(request, "reverie/error.html", context, status=400)


NOT_FOUND = "There is no page at this address. It may have been mistyped, or the link is old. Nothing you saved is lost."
FORBIDDEN = "This page is not open to your account. Nothing you saved is lost."
SERVER_ERROR = "Reverie hit an unexpected problem. Nothing you saved before is lost. Try again in a moment."


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 404 (an address no route answers, ``Http404``): Reverie's own page, a way back and the crisis link.
    The address itself is never repeated on the page."""
    context = {"title": "We could not find that page", "message": NOT_FOUND}
    return render(request, "reverie/lost.html", context, status=404)


def forbidden(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 403 outside Reverie's own refusals (``django.core.exceptions.PermissionDenied``)."""
    context = {"title": "This page is not for this account", "message": FORBIDDEN}
    return render(request, "reverie/lost.html", context, status=403)


# A form posted while the database was out of reach before any view ran (the session is read from it): who is
# signed in cannot be read, so whose words they are cannot be checked, and they are not shown back (review r136).
NOT_SHOWN_BACK = (
    " What you typed cannot be shown here: if going back brings it back in your browser, copy it before you save"
    " again."
)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's 500, for a failure outside a view (a view's own is :class:`ReverieErrorMiddleware`'s incident page).

    Rendered without the request: no context processor, no signed-in person, no session, no check-in banner, so
    nothing on it reads the database, which may be what just failed. The same layout, the crisis link in its
    header and a way back. A failure of the database or the disk (:func:`failure_answer`'s 5xx: a signed-in
    person's session read while PostgreSQL restarts) answers as it does in a view, 503 with ``Retry-After`` and
    "… so this was not saved", never as the program's fault (review r136); a text form's words posted then are kept
    in the page sealed for their writer (:func:`_post_while_down`, h201)."""
    import sys

    from django.template import loader

    exc = sys.exc_info()[1]  # Django calls this handler while the failure is being handled
    failed = failure_answer(exc) if exc is not None else None
    if failed is not None and failed[0] >= 500:
        status, title, words = failed
        log.error(
            "server error outside a view in %s %s: %s", request.method, request.path, type(exc).__name__
        )
        if request.method == "POST":
            return retry_later(_post_while_down(request, status, title, words))
        html = loader.get_template("reverie/lost.html").render({"title": title, "message": words})
        return retry_later(HttpResponse(html, status=status, content_type="text/html; charset=utf-8"))
    log.error("server error outside a view in %s %s", request.method, request.path)
    context = {"title": "Something went wrong", "message": SERVER_ERROR}
    html = loader.get_template("reverie/lost.html").render(context)
    return HttpResponse(html, status=500, content_type="text/html; charset=utf-8")


def _post_while_down(request: HttpRequest, status: int, title: str, words: str) -> HttpResponse:
    """A form posted while the database (or the disk) failed before any view ran: who is signed in cannot be read,
    so its words are never shown here. A text form's, from this site, with its writer's mark, is kept sealed for
    that account in the page (``drafts.kept_while_down``), with "Try again" to post it to the sign-in once the
    database answers, where only its writer opens it; any other post says what it could not keep. Rendered without
    the request (no context processor, no session, no user): the CSRF token is the cookie's, read by the CSRF
    middleware before the failure (review r136 finding 2)."""
    from django.template import loader

    from reverie.clinic.web import drafts

    page = _sealed_page(request, status, title, words)
    if page is not None:
        return page
    kept = drafts.takes_text(request.path)  # a text form's words not kept: said plainly
    message = words + (" " + drafts.NOT_KEPT_WHILE_DOWN if kept else NOT_SHOWN_BACK)
    html = loader.get_template("reverie/lost.html").render({"title": title, "message": message})
    return HttpResponse(html, status=status, content_type="text/html; charset=utf-8")


def _sealed_page(request: HttpRequest, status: int, title: str, words: str) -> HttpResponse | None:
    """The 503 (507) page carrying a post's words sealed for their writer (``drafts.kept_while_down``), rendered
    without the request; None when there are none to keep."""
    from django.middleware.csrf import get_token
    from django.template import loader

    from reverie.clinic.web import drafts

    draft = drafts.kept_while_down(request)
    if draft is None:
        return None
    context = {
        **drafts.login_context(draft),
        "title": title,
        "message": words,
        "kept_says": drafts.KEPT_WHILE_DOWN,
        "carry_on": drafts.CARRY_ON,
        "csrf_token": get_token(request),
    }
    html = loader.get_template("reverie/kept_while_down.html").render(context)
    page = HttpResponse(html, status=status, content_type="text/html; charset=utf-8")
    page["Cache-Control"] = "no-store"
    return page


def _not_allowed_page(request: HttpRequest, bare: HttpResponse) -> HttpResponse:
    """A page that only takes a form's button, opened from the address bar: say so in words, not an empty 405."""
    context = {
        "title": "This page cannot be opened directly",
        "message": "It is the target of a button. Go back and use the button, or start again from the home page.",
    }
    page = render(request, "reverie/error.html", context, status=405)
    page["Allow"] = bare.get("Allow", "POST")
    return page


LAST_SEEN_STEP = 60  # seconds: the session's last-seen time is written at most this often


class SessionSafetyMiddleware:
    """Idle timeout and the hard limit of 12 hours after sign-in (:mod:`session_limit`); therapists must pass (or
    set up) their second factor before anything else; a person whose password the operator reset must choose their
    own next."""

    OPEN_PATHS = ("/login/", "/logout/", "/safety/", "/static/", "/account/2fa/")
    # open before the forced password change too: the change itself, the API (it answers 403 for itself); and the
    # check-in's answer, a POST ("I need help now" from the banner on the password page reaches the therapist, as
    # the safety plan and crisis lines stay open)
    BEFORE_NEW_PASSWORD = ("/account/password/", "/api/")
    CHECK_IN_ANSWER = "/check-in/"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        import time

        from django.conf import settings
        from django.contrib.auth import logout
        from django.shortcuts import redirect

        from reverie.clinic.web import session_limit
        from reverie.clinic.web.drafts import SIGNED_OUT_ATTR

        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            idle = int(settings.REVERIE["REVERIE_IDLE_MINUTES"]) * 60
            last = int(request.session.get("last_seen", now))
            if now - last > idle or session_limit.expired(request):  # idle, or 12 hours after sign-in
                # who was signed in: a form's words posted now travel through the sign-in bound to them (drafts)
                setattr(request, SIGNED_OUT_ATTR, user.pk)
                logout(request)
            else:
                if now - last >= LAST_SEEN_STEP or "last_seen" not in request.session:
                    # Not on every request: each write is a session-table UPDATE (on SQLite a database-wide
                    # write lock), the hot spot of bench/web_load.py. The idle timeout may run up to a minute long.
                    request.session["last_seen"] = now
                needs_code = getattr(user, "is_therapist", False) and not request.session.get("otp")
                # The API answers for itself in JSON (its session sign-in refuses a therapist without the code).
                if needs_code and not request.path.startswith((*self.OPEN_PATHS, "/api/")):
                    return redirect("totp_setup")
                if (
                    getattr(user, "must_change_password", False)
                    and not request.path.startswith((*self.OPEN_PATHS, *self.BEFORE_NEW_PASSWORD))
                    and not (request.method == "POST" and request.path == self.CHECK_IN_ANSWER)
                    and not _own_words_sent(request)
                ):
                    return redirect("password_change")
        return self.get_response(request)


def _own_words_sent(request: HttpRequest) -> bool:
    """The one POST let through before the forced password change (an operator's reset): the press of words
    carried through this very sign-in ("Save it now", a questionnaire's Send on the page that handed them back),
    which carries the one-time pass that page was given (``drafts.issue_carried_once``, kept in the session and
    consumed here), so the words are saved, not lost to the redirect; the next page asks for the change (r73). A
    form's ``writer`` mark alone no longer passes: it names whose form it was, from any page before the reset, and
    let the holder of the one-time password write on without ever changing it (review r75)."""
    from reverie.clinic.web import drafts

    if request.method != "POST" or not drafts.takes_text(request.path):
        return False
    return drafts.carried_once_used(request)
