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


# h64: a jrnl file reads the same entries whatever its line endings, in the other time formats jrnl can be set to,
# after an editor stripped trailing spaces; nothing before the first dated entry is dropped without a word.
LINES = [
    "[2026-03-10 09:00] Slept badly. @sleep",
    "",
    "[2026-03-11 18:05:30] Long day at #work. *",
    "The meeting ran over.",
    "Home late.",
    "",
    "[2026-03-12 07:00] Woke early.",
]


@pytest.mark.parametrize("ending", ["\r\n", "\r", "mixed"])
def test_jrnl_text_reads_the_same_entries_whatever_its_line_endings(ending: str) -> None:
    unix = load(("\n".join(LINES) + "\n").encode(), default_tz=BERLIN)
    if ending == "mixed":
        endings = ["\n", "\r", "\r\n"] * len(LINES)  # never "\r" then an empty "\n" line: that is "\r\n"
        text = "".join(line + end for line, end in zip(LINES, endings, strict=False))
    else:
        text = ending.join(LINES) + ending
    other = load(("\ufeff" + text).encode(), default_tz=BERLIN)
    assert [(e.title, e.body) for e in unix.entries] == [
        ("", "Slept badly. @sleep"),
        ("Long day at #work.", "The meeting ran over.\nHome late."),
        ("", "Woke early."),
    ]
    assert other.entries == unix.entries  # the same ids too: importing both files adds nothing twice


def test_jrnl_text_in_the_iso_and_date_only_formats_jrnl_can_be_set_to() -> None:
    journal = load(
        b"[2026-03-10T09:00:00] One.\n\n[2026-03-11T10:30] Two.\n\n[2026-03-12] Three.\n", default_tz=UTC
    )
    assert [(e.body, e.happened_at) for e in journal.entries] == [
        ("One.", datetime(2026, 3, 10, 9, 0, tzinfo=UTC)),
        ("Two.", datetime(2026, 3, 11, 10, 30, tzinfo=UTC)),
        ("Three.", datetime(2026, 3, 12, 0, 0, tzinfo=UTC)),
    ]


def test_a_date_line_whose_trailing_space_an_editor_stripped_still_starts_an_entry() -> None:
    report = load_report(b"[2026-03-10 09:00]\nBody one.\n\n[2026-03-11 10:00] Two.\n", default_tz=UTC)
    assert [(e.body, e.happened_at.day) for e in report.journal.entries] == [("Body one.", 10), ("Two.", 11)]
    assert report.problems == ()


def test_text_before_the_first_dated_entry_is_said_never_dropped_without_a_word() -> None:
    data = b"[2026-03-10 9 Uhr] A date jrnl's formats do not read.\nMore.\n\n[2026-03-11 10:00] Two.\n"
    report = load_report(data, default_tz=UTC)
    assert [e.body for e in report.journal.entries] == ["Two."]
    assert report.problems == (
        "lines 1 to 2, before the first entry with a date read as jrnl's, have no such date: left out.",
    )
    with pytest.raises(InvalidInput, match="before the first entry"):
        load(data)  # all or nothing: refused whole


def test_a_jrnl_file_over_the_journal_cap_is_refused_naming_the_cap_and_how_to_split() -> None:
    from reverie.journal.interchange import MediaLimits

    data = b"[2026-03-10 09:00] One.\n\n" * 100  # 2,500 bytes: 2.4 KB
    with pytest.raises(InvalidInput) as refused:
        load_report(data, media_limits=MediaLimits(journal=1024))
    words = refused.value.message
    assert "2.4 KB" in words and "1 KB" in words and "Split it" in words
    assert len(load_report(data, media_limits=MediaLimits(journal=len(data))).journal.entries) == 100
