"""What every operation documents in the OpenAPI schema besides its success: the error shape, id bounds."""

from __future__ import annotations

from typing import Any

from reverie.api.schemas import ErrorOut

MAX_ID = 2**63 - 1  # the largest id a database row can have; larger ones are refused before any query

ERRORS: dict[Any, Any] = {frozenset({400, 401, 403, 404, 409, 413, 422}): ErrorOut}

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
