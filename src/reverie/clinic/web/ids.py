"""Record ids read from an address: a path segment (the ``id`` converter) or a query or form field
(:func:`query_id`). Both refuse a number the database cannot hold (above 2**63 - 1: SQLite's driver raises
OverflowError, a server error) so such an address is Reverie's own 404 like any other id that names nothing."""

from __future__ import annotations

import re

from django.urls import register_converter

from reverie.errors import NotFound

MAX_ID = 2**63 - 1  # the largest integer SQLite and PostgreSQL's bigint hold
_DIGITS = re.compile(r"[0-9]{1,19}")


def _bounded(raw: str) -> int | None:
    """``raw`` as an id: plain ASCII digits, at most :data:`MAX_ID`; None otherwise."""
    if _DIGITS.fullmatch(raw) is None:
        return None
    value = int(raw)
    return value if value <= MAX_ID else None


def query_id(raw: str | None, refusal: str = "No such record.") -> int | None:
    """A whole-number id from a query string or form field (``?client=12``): None when the field is missing or
    empty; :class:`NotFound` (Reverie's 404) when it is no id the database could hold (not plain digits, too
    large), as for an id that names nothing."""
    if not raw:
        return None
    value = _bounded(raw)
    if value is None:
        raise NotFound(refusal)
    return value


class BoundedInt:
    """``<id:name>``: ``<int:name>`` bounded by :data:`MAX_ID`; a longer or larger number matches no route (404)."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        found = _bounded(value)
        if found is None:
            raise ValueError("not an id")  # Django: this route does not match
        return found

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(BoundedInt, "id")
