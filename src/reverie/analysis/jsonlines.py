"""JSON Lines input, read one way.

Every reader of a ``.jsonl`` file (``reverie analyse --jsonl``, the evaluations) gets its objects with their line
numbers from here, and a bad line is an :class:`~reverie.errors.InvalidInput` that names the file and the line,
never the line's content. Blank lines are skipped.

A line ends at ``\n`` (``\r\n`` and a lone ``\r`` read alike: :func:`reverie.text.one_line_ending`) and nowhere
else: U+2028, U+2029, U+0085 and a form feed are characters JSON allows raw inside a string, never line ends. Every
string of a line (keys and values, at any depth) must be text a person could have typed
(:func:`reverie.text.problem`: no lone surrogate, which JSON's ``\ud800`` escape can carry, and no NUL).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reverie.errors import InvalidInput
from reverie.text import one_line_ending, problem

Numbered = list[tuple[int, dict[str, Any]]]


def objects(raw: str, *, where: str = "") -> Numbered:
    """``(line number, object)`` for every non-blank line of ``raw``; ``where`` names the source in messages
    (" of dreams.jsonl")."""
    out: Numbered = []
    for number, line in enumerate(one_line_ending(raw).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            raise InvalidInput(f"Line {number}{where} is not valid JSON.") from None
        if not isinstance(row, dict):
            raise InvalidInput(f"Line {number}{where} is not a JSON object.")
        found = _text_problem(row)
        if found is not None:
            raise InvalidInput(f"Line {number}{where} {found}.")
        out.append((number, row))
    return out


def _text_problem(value: Any) -> str | None:
    """What is wrong with the first string in ``value`` that is not valid text (:func:`reverie.text.problem`), or
    ``None``; iterative, so a deeply nested line cannot exhaust the stack."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found = problem(item)
            if found is not None:
                return found
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


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
