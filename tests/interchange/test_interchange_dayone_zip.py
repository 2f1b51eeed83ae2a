"""The files people bring: Day One's real zip export (photos, audio, place, weather, time zone, title, Markdown
escapes and moment placeholders), jrnl's one-liners, and report-and-skip of bad entries."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime

import pytest
from dayone_sample import AUDIO_MD5, FULL, JPEG, M4A, PHOTO_MD5, _entry, dayone_zip  # noqa: F401

from reverie.errors import InvalidInput
from reverie.journal.interchange import load, load_report


def test_the_zip_day_one_writes_is_read_whole() -> None:
    journal = load(dayone_zip([FULL]))
    (entry,) = journal.entries
    assert entry.title == "A night walk"
    assert entry.body == "The river was high. I felt *calm* - mostly!"  # escapes undone, placeholder gone
    assert "dayone-moment" not in entry.body
    assert entry.kind == "art" and entry.attachments[0].data == JPEG
    assert entry.attachments[0].media_type == "image/jpeg"
    assert entry.extra == {
        "place": "Oberbaumbrücke, Berlin, Germany",
        "weather": "Clear, 4 °C",
        "time_zone": "Europe/Berlin",
    }
    assert entry.happened_at == datetime(2026, 3, 9, 23, 30, tzinfo=UTC)
    assert entry.happened_at.isoformat() == "2026-03-10T00:30:00+01:00"  # kept in the entry's own zone


def test_photo_only_audio_and_empty_entries() -> None:
    photo_only = _entry(
        "B1",
        text="![](dayone-moment://PHOTO1)",
        photos=[{"identifier": "PHOTO1", "md5": PHOTO_MD5, "type": "jpeg"}],
    )
    audio = _entry("B2", text="Humming", audios=[{"identifier": "A1", "md5": AUDIO_MD5, "format": "m4a"}])
    empty = _entry("B3", text="")
    report = load_report(dayone_zip([photo_only, audio, empty]))
    first, second = report.journal.entries
    assert first.kind == "art" and first.body == "" and len(first.attachments) == 1
    assert second.kind == "music" and second.attachments[0].media_type == "audio/mp4"
    assert report.problems == ("entries[2] is empty: left out.",)
    assert len(load(dayone_zip([photo_only, audio, empty])).entries) == 2  # empty is never a refusal


def test_a_bad_entry_is_reported_and_skipped_unless_all_or_nothing() -> None:
    bad = {"creationDate": "2026-03-09T23:30:00Z", "text": "no id"}
    data = dayone_zip([FULL, bad])
    report = load_report(data)
    assert len(report.journal.entries) == 1
    assert report.problems == ("entries[1].uuid is missing: left out.",)
    assert "no id" not in " ".join(report.problems)  # never the text
    with pytest.raises(InvalidInput, match=r"entries\[1\]\.uuid is missing"):
        load_report(data, strict=True)


def test_a_zip_without_a_journal_says_how_to_fix_it() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photos/x.jpeg", JPEG)
    with pytest.raises(InvalidInput, match="File → Export → JSON"):
        load(buffer.getvalue())
    with pytest.raises(InvalidInput, match="damaged"):
        load(b"PK\x03\x04 broken")


def test_jrnl_one_liners_and_a_bad_date_are_reported() -> None:
    document = {
        "tags": {},
        "entries": [
            {
                "title": "Slept badly, dreamt of the sea.",
                "body": "",
                "date": "2026-03-10",
                "time": "00:30",
                "tags": [],
            },
            {"title": "t", "body": "b", "date": "2026-13-40", "time": "07:00"},
            {"title": "", "body": "", "date": "2026-03-11", "time": "07:00"},
        ],
    }
    report = load_report(json.dumps(document).encode())
    (entry,) = report.journal.entries
    assert entry.body == "Slept badly, dreamt of the sea." and entry.title == ""
    assert [p.split(" ")[0] for p in report.problems] == ["entries[1].date/time", "entries[2]"]
