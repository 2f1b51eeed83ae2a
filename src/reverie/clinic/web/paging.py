"""The one parser of page numbers in query strings: every paginated page reads ``?page=`` through it.

A page number is ASCII digits only (``²`` is a digit to :meth:`str.isdigit` but not to :func:`int`), from 1 to
:data:`MAX_PAGE`; anything else answers a clear 400 instead of reaching the database as an offset it cannot hold.
"""

from __future__ import annotations

import re

from django.http import HttpRequest, QueryDict

from reverie.errors import InvalidInput

MAX_PAGE = 100_000
_DIGITS = re.compile(r"[0-9]{1,7}")


def page_number(request: HttpRequest, name: str = "page", *, sent: QueryDict | None = None) -> int:
    """The page asked for (1 when absent or empty), or :class:`InvalidInput` naming the accepted range. ``sent``:
    where to read it, when not the address (a search's form, whose words stay out of the address)."""
    raw = (request.GET if sent is None else sent).get(name, "").strip()
    if not raw:
        return 1
    if _DIGITS.fullmatch(raw) is None or not 1 <= int(raw) <= MAX_PAGE:
        raise InvalidInput(f"The page must be a whole number from 1 to {MAX_PAGE:,}.")
    return int(raw)


def window(page: int, size: int) -> tuple[int, int]:
    """(offset, limit) for ``page`` of ``size`` rows, plus one row to tell whether an older page exists."""
    return (page - 1) * size, size + 1
