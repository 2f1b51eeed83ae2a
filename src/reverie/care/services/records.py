"""Sealed JSON payloads and record look-ups shared by the course's services."""

from __future__ import annotations

import json
import uuid
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

from reverie.clinic.models import User
from reverie.clinic.services import keys
from reverie.clinic.services.policy import Action, require
from reverie.errors import InvalidInput, NotFound
from reverie.text import check_text, is_blank

M = TypeVar("M", bound=Model)
MAX_TEXT = 20_000


def seal_json(client: User, record_id: object, purpose: str, value: Any) -> bytes:
    data = json.dumps(value, ensure_ascii=False, sort_keys=True).encode()
    return keys.seal_for(client, str(record_id), purpose, data)


def open_json(client: User, record_id: object, purpose: str, blob: bytes | memoryview) -> Any:
    return json.loads(keys.open_for(client, str(record_id), purpose, blob))


def parse_id(raw: object, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(raw))
    except ValueError:
        raise NotFound(f"No such {what}.") from None


def hold(row: Model) -> None:
    """Lock ``row`` until the transaction ends (PostgreSQL; SQLite's write transaction holds the file): the parent
    of a record that may not exist yet, so two first saves wait in turn and the second sees the first (a
    :class:`~reverie.errors.StaleEdit`, never the unique constraint's IntegrityError). ``_meta.model``, not
    ``type(row)``: a request's lazy user works too."""
    row._meta.model._default_manager.select_for_update().filter(pk=row.pk).values_list("pk", flat=True).get()


def fetch(actor: User, rows: QuerySet[M], raw_id: object, action: Action, what: str) -> M:
    """The record with this id if the actor may do ``action`` to it; otherwise NotFound, as if missing."""
    record = rows.filter(pk=parse_id(raw_id, what)).first()
    if record is None:
        raise NotFound(f"No such {what}.")
    require(actor, action, record, what)
    return record


def clean_text(
    value: object, what: str, *, limit: int = MAX_TEXT, required: bool = True, field: str | None = None
) -> str:
    """Free text from a person: a string of valid text (:func:`reverie.text.check_text`), within ``limit`` characters,
    kept exactly as typed (leading indentation, trailing spaces); a text of only white space is empty
    (:func:`reverie.text.is_blank`: "" when not ``required``). Errors never quote it; ``field`` names the input
    they are about (``InvalidInput.field``), so a form shows them on it."""
    if not isinstance(value, str):
        raise InvalidInput(f"The {what} must be text.", field=field)
    text = "" if is_blank(value) else value
    if required and not text:
        raise InvalidInput(f"The {what} is empty.", field=field)
    try:
        check_text(text, what)  # the one check of free text (reverie.text): UTF-8, no NUL
    except InvalidInput as exc:
        raise InvalidInput(exc.message, field=field) from None
    if len(text) > limit:
        raise InvalidInput(f"The {what} is longer than the limit of {limit} characters.", field=field)
    return text
