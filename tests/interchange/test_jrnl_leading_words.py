"""r59 review of h64 (jrnl text import), fixed in h73: docs/usage.md promises that "words before the first line with
such a date are reported and left out ... never dropped without a word", the entries after them imported. The loader
treated a file as jrnl's text only when its very first characters were ``[YYYY-MM-DD`` (``interchange.is_jrnl_text``),
so a journal.txt whose first line is words (a heading, a note to oneself) was refused as "not valid JSON". Now a
jrnl date line among the first ``JRNL_HEAD_LINES`` lines (within ``JRNL_HEAD_BYTES``) tells it, JSON first."""

from __future__ import annotations

import json
from datetime import UTC

import pytest

from reverie.errors import InvalidInput
from reverie.journal import interchange
from reverie.journal.interchange import is_jrnl_text, load_report

DATA = (
    b"My journal, started on the train.\n\n[2026-03-10 09:00] Slept badly.\n\n[2026-03-11 18:05] Long day.\n"
)


def test_words_before_the_first_dated_line_are_reported_and_the_entries_imported() -> None:
    """A person imports a journal.txt that begins with a line of words. They saw "Cannot import: the file is not
    valid JSON (line 1, column 1)" (a text file, refused whole, nothing imported, the reason about a format they
    never used); they should see their two entries imported (one-line entries: their words are the body, as for a
    file starting with its first date) and a note that line 1 had no date and was left out, as the docs promise."""
    report = load_report(DATA, default_tz=UTC)
    assert [e.body for e in report.journal.entries] == ["Slept badly.", "Long day."]
    assert [e.happened_at.date().isoformat() for e in report.journal.entries] == ["2026-03-10", "2026-03-11"]
    assert report.problems == (
        "line 1, before the first entry with a date read as jrnl's, have no such date: left out.",
    )


def test_a_date_line_is_looked_for_in_the_first_lines_only_and_json_keeps_priority() -> None:
    """The edges: a date line as line ``JRNL_HEAD_LINES`` tells jrnl text (its words before it left out and said);
    one line later it does not (the file is read as JSON, and refused as such); and a JSON export whose strings hold
    a jrnl date line is still JSON."""
    lines = interchange.JRNL_HEAD_LINES
    words = b"".join(f"Note {i}.\n".encode() for i in range(lines - 1))
    last = words + b"[2026-03-10 09:00] Slept badly.\n"
    report = load_report(last, default_tz=UTC)
    assert [e.body for e in report.journal.entries] == ["Slept badly."]
    assert report.problems == (
        f"lines 1 to {lines - 1}, before the first entry with a date read as jrnl's, have no such date:"
        " left out.",
    )
    assert not is_jrnl_text(b"One more.\n" + last)
    with pytest.raises(InvalidInput, match="not valid JSON"):
        load_report(b"One more.\n" + last, default_tz=UTC)
    exported = json.dumps(
        {
            "tags": {},
            "entries": [
                {"date": "2026-03-10", "time": "09:00", "title": "x", "body": "\n[2026-03-10 09:00] y"}
            ],
        },
        indent=2,
    ).encode()
    assert not is_jrnl_text(exported)
    assert [e.title for e in load_report(exported, default_tz=UTC).journal.entries] == ["x"]
