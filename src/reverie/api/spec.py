"""What every operation documents in the OpenAPI schema besides its success: the error shape, id bounds."""

from __future__ import annotations

from typing import Any

from ninja import Schema

from reverie.api.schemas import ErrorOut

MAX_ID = 2**63 - 1  # the largest id a database row can have; larger ones are refused before any query

# Every status docs/api.md lists: 500 (E999 unexpected, E500/E600 integrity or setting), 503 (E510/E700 a key or
# an analysis model unavailable, E540 the database busy, E530 damaged) and 507 (E520 the disk full) are answered
# in the same shape by the handlers of any operation.
ERRORS: dict[Any, Any] = {frozenset({400, 401, 403, 404, 409, 413, 422, 500, 503, 507}): ErrorOut}

# Schemas an operation names by reference in its ``openapi_extra`` (an answer ninja does not build itself, such as
# the export's, whose body is a download): added to the document's components by ``ReverieAPI``.
COMPONENTS: dict[str, type[Schema]] = {}


def component(model: type[Schema]) -> dict[str, str]:
    """A reference to ``model`` in the OpenAPI components, which lists it from then on."""
    COMPONENTS[model.__name__] = model
    return {"$ref": f"#/components/schemas/{model.__name__}"}


# The optional ``If-Match`` of every call that changes one entry: the entry's revision as its ``ETag`` gives it.
IF_MATCH: dict[str, Any] = {
    "parameters": [
        {
            "name": "If-Match",
            "in": "header",
            "required": False,
            "schema": {"type": "string"},
            "description": 'The entry\'s revision you read (its ETag, "3"). If it was saved since: 409 with '
            "current_revision, nothing changes; not a revision: 400; left out: no check.",
        }
    ]
}


IDEMPOTENCY_KEY_HEADER: dict[str, Any] = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 200},
    "description": "A key your app chooses for this one save (a UUID), sent again unchanged when it retries the "
    "call after a lost answer: the retry stores nothing more and answers 200 with what the first call stored "
    "(201 the first time), whatever its body. Keys are per person (and per entry for an upload); 1-200 printable "
    "ASCII characters, else 400. Left out: every call stores anew.",
}
IDEMPOTENCY_KEY: dict[str, Any] = {"parameters": [IDEMPOTENCY_KEY_HEADER]}
