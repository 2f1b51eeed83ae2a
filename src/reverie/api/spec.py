"""What every operation documents in the OpenAPI schema besides its success: the error shape, id bounds."""

from __future__ import annotations

from typing import Any

from reverie.api.schemas import ErrorOut

MAX_ID = 2**63 - 1  # the largest id a database row can have; larger ones are refused before any query

ERRORS: dict[Any, Any] = {frozenset({400, 401, 403, 404, 409, 413, 422}): ErrorOut}
