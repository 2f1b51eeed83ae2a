"""JSON Lines input, read one way.

Every reader of a ``.jsonl`` file (``reverie analyse --jsonl``, the evaluations) gets its objects with their line
numbers from here, and a bad line is an :class:`~reverie.errors.InvalidInput` that names the file and the line,
never the line's content. Blank lines are skipped.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reverie.errors import InvalidInput

Numbered = list[tuple[int, dict[str, Any]]]


def objects(raw: str, *, where: str = "") -> Numbered:
    """``(line number, object)`` for every non-blank line of ``raw``; ``where`` names the source in messages
    (" of dreams.jsonl")."""
    out: Numbered = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            raise InvalidInput(f"Line {number}{where} is not valid JSON.") from None
        if not isinstance(row, dict):
            raise InvalidInput(f"Line {number}{where} is not a JSON object.")
        out.append((number, row))
    return out


def read_objects(path: Path, *, what: str = "file") -> Numbered:
    """:func:`objects` of a file; a file that is missing, unreadable or not UTF-8 is an ``InvalidInput`` too
    ("The challenge file x.jsonl cannot be read."), and so is a file with no line to read: a figure computed over
    nothing would read as a score of zero."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise InvalidInput(f"The {what} {path.name} cannot be read.") from None
    found = objects(raw, where=f" of {path.name}")
    if not found:
        raise InvalidInput(f"The {what} {path.name} holds no lines to read.")
    return found
