"""Version numbers written as text: one reading for every place one arrives.

A version number (an edit form's hidden base, an API's ``If-Match`` revision, the revision in a check-in's record
id, the number in an export file's ``schema``) is 1 to :data:`MAX_DIGITS` ASCII digits, nothing else: no sign, no
space, no other script's digits (``int`` would read "٣" as 3) and never so long that it overflows a database integer.
Callers strip what their format wraps it in (quotes, ``W/``, a ``reverie.export/`` prefix) before asking.
"""

from __future__ import annotations

from reverie.errors import InvalidInput

MAX_DIGITS = 9  # at most 999,999,999: below 2**31, so every integer column holds it
NOT_A_VERSION = "That is not a version number (1 to 9 digits 0-9)."


def version_number(text: str, *, least: int = 0, message: str = NOT_A_VERSION) -> int:
    """The number ``text`` writes, when it is 1 to 9 ASCII digits worth at least ``least``; else InvalidInput with
    ``message`` (the caller's sentence for what was wrong with its form, header or file)."""
    if not (0 < len(text) <= MAX_DIGITS and text.isascii() and text.isdigit()) or int(text) < least:
        raise InvalidInput(message)
    return int(text)
