"""One error shape for every API error: ``{"error": {"code": "E404", "message": "..."}}``.

Reverie's own errors keep their code and HTTP status. Requests that do not match the schema answer 422 naming the
fields, never echoing what was sent. A request that cannot be read is a plain 400 (413 when too large) by the one
rule of both edges (:func:`~reverie.clinic.requests.malformed_status`), and a JSON route's body under another Content-Type a
415 (:class:`JsonOnly`). A failure of the disk or the database is told by the one classification the
command line and the web ask, :func:`reverie.errors.failure_of`: busy 503 ``E540`` with ``Retry-After``, a full
disk 507 ``E520``, a damaged database 503 ``E530`` (in words that name no server path). Anything else answers 500 with an incident id; the log gets the incident
id and the exception's type only (an exception message could quote what someone wrote).
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, RawPostDataException
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.operation import Operation
from ninja.params.models import BodyModel
from ninja.parser import Parser

from reverie.clinic.requests import malformed_status
from reverie.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseUnreachable,
    LeftOpen,
    ReverieError,
    StaleEdit,
    StorageRefused,
    Unconfirmed,
    failure_of,
)

log = logging.getLogger("reverie.api")

# Codes for failures that only HTTP has; every other code comes from reverie.errors.
STATUS_CODES = {
    400: "E100",
    401: "E401",
    403: "E403",
    404: "E404",
    405: "E405",
    413: "E413",
    415: "E415",
    422: "E100",
}
MAX_FIELDS_NAMED = 8


def error_body(code: str, message: str, **details: object) -> dict[str, dict[str, object]]:
    return {"error": {"code": code, "message": message, **details}}


def error_response(status: int, code: str, message: str, **details: object) -> HttpResponse:
    body = json.dumps(error_body(code, message, **details), ensure_ascii=False)
    return HttpResponse(body, status=status, content_type="application/json; charset=utf-8")


# What a refusal of the request as a whole names: a body that is not a JSON object (a list, a string, null) is no
# field's fault, and ``body`` is the entry's text field, so it is never named so.
WHOLE_REQUEST = "request (send a JSON object)"


def _field(error: Mapping[str, Any]) -> str | None:
    """The field an error is about, dotted (``feelings.0.intensity``), or None: the request as a whole."""
    loc = [str(part) for part in error.get("loc", ())]
    for source in (
        "body",
        "payload",
    ):  # where ninja found it (the request body, the route's ``payload``): no field
        if loc[:1] == [source]:
            loc = loc[1:]
    return ".".join(loc) or None


def validation_message(errors: Iterable[Mapping[str, Any]]) -> str:
    """Name the fields and what kind of problem each has, without the submitted values; a request that is not a JSON
    object is named as the request (``WHOLE_REQUEST``), never as a field."""
    named: list[str] = []
    for error in errors:
        field = _field(error)
        item = WHOLE_REQUEST if field is None else f"{field} ({error.get('type', 'invalid')})"
        if item not in named:
            named.append(item)
    more = f" and {len(named) - MAX_FIELDS_NAMED} more" if len(named) > MAX_FIELDS_NAMED else ""
    listed = ", ".join(named[:MAX_FIELDS_NAMED]) or "the request"
    return f"The request does not match the API schema. Check: {listed}{more}. Nothing was saved."


NOT_JSON = (
    "This route reads a JSON body: send it with Content-Type: application/json (a form or plain text is not "
    "read). Nothing was saved."
)


class NotJson(ValueError):
    """A body sent to a JSON route under another Content-Type (text/plain, a form, multipart)."""


class JsonOnly(Parser):
    """The API's parser of a JSON body: only under ``Content-Type: application/json`` (or ``…+json``).

    django-ninja reads a route's body (its ``Input`` schema) as JSON whatever the Content-Type says; a JSON text
    sent as text/plain, a form or multipart was stored as if it were JSON. Ninja calls this only for routes whose
    input is a JSON body: the upload (multipart, ``File``) and the import (the file as sent) read theirs
    themselves, so they keep their own types. The refusal is a 415 (:func:`respond`)."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        media_type = (request.content_type or "").lower()
        if media_type != "application/json" and not media_type.endswith("+json"):
            raise NotJson(media_type)
        return super().parse_body(request)


def reads_json_body(operation: Operation) -> bool:
    """Whether ``operation`` answers 415 to a body under another Content-Type: the rule :class:`JsonOnly` applies,
    since ninja calls the parser for exactly the operations with a JSON body parameter (a ``BodyModel``). The
    OpenAPI document lists 415 by this (:class:`reverie.api.api.ReverieAPI`), so it cannot drift from it."""
    return any(issubclass(model, BodyModel) for model in operation.models)


def _http(exc: HttpError) -> HttpResponse:
    status, message = exc.status_code, str(exc)
    if isinstance(exc.__cause__, NotJson):  # ninja wraps what the parser raised in a 400
        return error_response(415, STATUS_CODES[415], NOT_JSON)
    if isinstance(exc, AuthenticationError) and message == "Unauthorized":
        message = "Sign in, or send a personal access token: Authorization: Bearer rv_…"
    elif message.startswith("Cannot parse request body"):
        message = "The request body is not valid JSON. Nothing was saved."
    return error_response(status, STATUS_CODES.get(status, "E100"), message)


def _malformed(request: HttpRequest, exc: Exception, status: int) -> HttpResponse:
    """A request that cannot be read (the one rule of both edges, :func:`malformed_status`): 400, or 413 for one too large."""
    log.warning("%s %s refused as malformed: %s", request.method, request.path, type(exc).__name__)
    if status == 413:
        return error_response(413, STATUS_CODES[413], "The request is too large. Nothing was saved.")
    return error_response(400, STATUS_CODES[400], "The request was refused as malformed. Nothing was saved.")


def incident_response(request: HttpRequest, kind: str) -> HttpResponse:
    """A 500 with an incident id. The log gets the id and the exception's type name, never its message."""
    incident = secrets.token_hex(4)
    log.error("incident %s: %s in %s %s", incident, kind, request.method, request.path)
    message = f"Reverie hit an unexpected problem. Nothing you saved is lost. Incident {incident}."
    return error_response(500, "E999", message)


RETRY_AFTER_S = DatabaseBusy.retry_after_s  # the web's busy page sends the same
DAMAGED = (
    "Reverie's database cannot be read just now (it is damaged); nothing was changed. Whoever runs this Reverie"
    " can find incident {incident} in its log."
)
UNREACHABLE = (
    "Reverie cannot reach its database just now; nothing was changed. Whoever runs this Reverie can find incident"
    " {incident} in its log."
)
READ_ONLY = (
    "Reverie cannot open or write its data folder just now (read-only, not writable or missing); nothing was"
    " changed. Whoever runs this Reverie can find incident {incident} in its log."
)


def _failure(request: HttpRequest, exc: Exception) -> HttpResponse | None:
    """The answer to a failure of the disk or the database, as the command line and the web say it; ``None`` for
    anything else. Logged with the exception's type only."""
    said = failure_of(exc)
    if said is None:
        return None
    incident = secrets.token_hex(4)
    log.error(
        "incident %s: %s (%s) in %s %s", incident, type(exc).__name__, said.code, request.method, request.path
    )
    # A damaged database's own message names its file: never a server's path here.
    # Nor the database's name, host or user (an unreachable server's message names them for the admin).
    if isinstance(said, DatabaseDamaged):
        message = DAMAGED.format(incident=incident)
    elif isinstance(said, DatabaseUnreachable):
        message = UNREACHABLE.format(incident=incident)
    elif isinstance(said, StorageRefused):  # its message names the database's folder: not here (r124)
        message = READ_ONLY.format(incident=incident)
    else:
        message = said.message
    response = error_response(said.http_status, said.code, message)
    if isinstance(said, DatabaseBusy):
        response["Retry-After"] = str(RETRY_AFTER_S)
    return response


def respond(request: HttpRequest, exc: Exception | type[Exception]) -> HttpResponse:
    """The one exception handler of the API: every failure becomes the one error shape."""
    if isinstance(exc, StaleEdit):  # the revision stored now, so the caller can read it and decide
        return error_response(exc.http_status, exc.code, exc.message, current_revision=exc.current)
    if isinstance(exc, LeftOpen):  # what the ending leaves open, counted (the message dates each)
        return error_response(
            exc.http_status,
            exc.code,
            exc.message,
            open_alerts=exc.open_alerts,
            answered_ahead=exc.answered_ahead,
        )
    if isinstance(exc, Unconfirmed):  # what the unconfirmed change would do, for the caller to weigh
        return error_response(exc.http_status, exc.code, exc.message, **exc.details)
    if isinstance(exc, ReverieError):
        return error_response(exc.http_status, exc.code, exc.message)
    if isinstance(exc, ValidationError):
        return error_response(422, STATUS_CODES[422], validation_message(exc.errors))
    if isinstance(exc, HttpError):
        return _http(exc)
    if isinstance(exc, Http404):
        return error_response(404, "E404", "Not found.")
    if isinstance(exc, RawPostDataException):  # a form or multipart body, read as one (CSRF), on a JSON route
        return error_response(415, STATUS_CODES[415], NOT_JSON)
    if isinstance(exc, Exception) and (status := malformed_status(exc)) is not None:
        return _malformed(request, exc, status)
    if isinstance(exc, Exception) and (failed := _failure(request, exc)) is not None:
        return failed
    return incident_response(request, exc.__name__ if isinstance(exc, type) else type(exc).__name__)


def failed_after_answer(request: HttpRequest, exc: Exception, step: str) -> None:
    """A failure of work that runs once the answer is made (``step``: the screen of a form the schema refused),
    told by the one handler (:func:`respond`: its status and code, an incident logged for an unexpected failure)
    and logged with the exception's type and code only; the answer already made stands, so the client gets it as
    it was (never a 500 page or a traceback in its place)."""
    failed = respond(request, exc)
    code = json.loads(failed.content)["error"]["code"]
    log.error(
        "%s failed in %s %s: %s %s (%s); the answer stands",
        step,
        request.method,
        request.path,
        failed.status_code,
        code,
        type(exc).__name__,
    )


def install(api: NinjaAPI) -> None:
    for handled in (ReverieError, ValidationError, HttpError, Http404, SuspiciousOperation, Exception):
        api.add_exception_handler(handled, respond)
