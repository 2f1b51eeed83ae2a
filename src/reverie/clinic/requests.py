"""The one rule for a request Reverie cannot read, for both edges that take requests: the web's pages
(:mod:`reverie.clinic.web.middleware`) and the API (:mod:`reverie.api.handlers`). Neither edge imports the other."""

from __future__ import annotations


def malformed_status(exc: BaseException) -> int | None:
    """What Django itself would answer 400 is a plain 400, a body too large 413; ``None`` for anything else.

    A body too large (the view read it first: no CSRF check did), more than 1,000 fields in a link or a form, a bad
    Host (``SuspiciousOperation``); a multipart body without a usable boundary (``MultiPartParserError``); a form
    in a charset that cannot be decoded (``BadRequest``); a body cut off while it was read
    (``UnreadablePostError``). Not an incident: the caller logs the exception's type only."""
    from django.core.exceptions import BadRequest, RequestDataTooBig, SuspiciousOperation
    from django.http import UnreadablePostError
    from django.http.multipartparser import MultiPartParserError

    if isinstance(exc, RequestDataTooBig):
        return 413
    if isinstance(exc, (SuspiciousOperation, BadRequest, MultiPartParserError, UnreadablePostError)):
        return 400
    return None
