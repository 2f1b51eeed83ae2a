"""jrnl's plain-text journal file (small hand-made fixtures; the real jrnl is exercised in
tests/clinic/test_jrnl_interop.py): both time formats, stars, tags, and what is not a new entry."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from reverie.errors import InvalidInput
from reverie.journal.interchange import load, load_report

BERLIN = ZoneInfo("Europe/Berlin")


def test_jrnl_text_in_the_24_hour_format_with_crlf_and_a_bom() -> None:
    text = (
        "\ufeff[2026-03-10 00:30] Slept badly.\r\n\r\n"
        "[2026-03-11 18:05:30] Long day at #work. *\r\nThe meeting ran over.\r\n[not a date] stays in the body\r\n"
    )
    journal = load(text.encode(), default_tz=BERLIN)
    assert journal.schema == "jrnl.txt"
    first, second = journal.entries
    assert (first.title, first.body) == ("", "Slept badly.")
    assert first.happened_at == datetime(2026, 3, 9, 23, 30, tzinfo=UTC)
    assert second.title == "Long day at #work."
    assert second.body == "The meeting ran over.\n[not a date] stays in the body"
    assert second.happened_at == datetime(2026, 3, 11, 17, 5, 30, tzinfo=UTC)
    assert second.tags == ("work", "starred")


def test_jrnl_text_one_line_entry_is_all_title_as_jrnl_reads_it() -> None:
    # jrnl 4 titles the first line (the line ends in a newline in its file); a one-liner's words are the entry
    journal = load(b"[2026-01-05 09:15:00 PM] Meeting ran long. I said yes again. @work\n", default_tz=UTC)
    (entry,) = journal.entries
    assert (entry.title, entry.body) == ("", "Meeting ran long. I said yes again. @work")
    assert entry.happened_at == datetime(2026, 1, 5, 21, 15, tzinfo=UTC) and entry.tags == ("work",)


def test_jrnl_text_problems_are_clear() -> None:
    with pytest.raises(InvalidInput, match="not valid UTF-8"):
        load(b"[2026-01-05 09:15:00 PM] caf\xe9\n")
    with pytest.raises(InvalidInput, match="no jrnl entry"):
        load(b"[2026-13-45 99:99] not a date at all\n")
    report = load_report(b"[2026-01-05 09:15:00 PM] \n\n[2026-01-06 09:15:00 AM] Kept.\n")
    assert [e.body for e in report.journal.entries] == ["Kept."]
    assert report.problems == ("entries[0] is empty: left out.",)
