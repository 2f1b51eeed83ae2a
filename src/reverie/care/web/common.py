"""What every care view shares: the signed-in person, and re-showing a form with a readable error."""

from __future__ import annotations

import logging
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from reverie.clinic.models import User
from reverie.errors import PermissionDenied, ReverieError

log = logging.getLogger("reverie.web")


def user_of(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied("Log in first.")
    return user


def with_error(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    exc: ReverieError,
    fields: dict[str, str] | None = None,
) -> HttpResponse:
    """The same page again, the error on top, the person's input kept, with the error's HTTP status. The error's
    code (E100…) is for the API, the CLI and the log, never on a page. A refusal naming its input
    (``InvalidInput.field``) that ``fields`` maps to a box of this page (its ``id``) is also shown on that box:
    ``field_error`` (``id``, ``message``), which the template renders next to it (``{id}-error``) and ties to it
    with ``aria-invalid`` and ``aria-describedby``, as ``forms.refusal_on_field`` does for a Django form."""
    log.info("%s %s %s answered %s", request.method, request.path, exc.code, exc.http_status)
    extra: dict[str, Any] = {"error": exc.message}
    box = (fields or {}).get(getattr(exc, "field", None) or "")
    if box:
        extra["field_error"] = {"id": box, "message": exc.message}
    return render(request, template, {**context, **extra}, status=exc.http_status)


def int_field(raw: str | None, what: str) -> int:
    from reverie.errors import InvalidInput

    try:
        return int(str(raw or "").strip())
    except ValueError:
        raise InvalidInput(f"The {what} must be a whole number.") from None


def posted_base(post: Any, key: str = "base_version") -> int | None:
    """The version a form was filled from (its hidden field); None when the form has none (a page from before)."""
    from reverie.clinic.web.forms import DAMAGED_VERSION
    from reverie.versions import version_number

    raw = str(post.get(key) or "").strip()
    if not raw:
        return None
    return version_number(raw, message=DAMAGED_VERSION)


def form_base(context: dict[str, Any], post: Any) -> int | None:
    """:func:`posted_base`, kept in ``context`` for the form sent back: a damaged one as it was sent, never the
    version stored now (Save again would then replace a save made meanwhile, unseen) until the page is opened again."""
    context["base_version"] = post.get("base_version", "")
    base = posted_base(post)
    context["base_version"] = base
    return base
