"""Reverie's JSON export: exact round trips, determinism, Unicode, long texts, attachments, golden file."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reverie.errors import InvalidInput
from reverie.journal.interchange import (
    KINDS,
    SCHEMA,
    PortableAttachment,
    PortableEntry,
    PortableFeeling,
    PortableJournal,
    PortableRevision,
    dump_reverie_json,
    load,
)

Reader = Callable[[str], bytes]
WHEN = datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=timezone(timedelta(hours=-5, minutes=-30)))


def _entry(entry_id: str = "e", body: str = "text", **changes: Any) -> PortableEntry:
    base = PortableEntry(id=entry_id, kind="reflection", body=body, happened_at=WHEN, written_at=WHEN)
    return replace(base, **changes)


def _journal(*entries: PortableEntry) -> PortableJournal:
    return PortableJournal(SCHEMA, datetime(2024, 6, 1, tzinfo=UTC), entries)


def test_interchange_round_trip_golden_objects(journal: PortableJournal) -> None:
    assert load(dump_reverie_json(journal)) == journal


def test_interchange_dump_matches_golden_file(
    journal_v6: PortableJournal,
    journal_v8: PortableJournal,
    journal_v9: PortableJournal,
    journal_v10: PortableJournal,
    read_fixture: Reader,
) -> None:
    assert dump_reverie_json(journal_v10) == read_fixture("golden/reverie-export-v10.json")
    assert load(read_fixture("golden/reverie-export-v10.json")) == journal_v10
    assert load(read_fixture("golden/reverie-export-v9.json")) == journal_v9  # version 9 still reads
    assert load(read_fixture("golden/reverie-export-v8.json")) == journal_v8  # version 8 still reads
    assert load(read_fixture("golden/reverie-export-v7.json")) == journal_v6  # version 7 still reads
    assert load(read_fixture("golden/reverie-export-v6.json")) == journal_v6  # version 6 still reads
    # h30: a progress note says which session it belongs to (start; number while held; format).
    (course,) = json.loads(read_fixture("golden/reverie-export-v6.json"))["record"]["courses"]
    held, cancelled = course["notes"]
    assert (held["session"], held["session_start"], held["format"]) == (
        1,
        course["sessions"][0]["start"],
        "dit",
    )
    assert "session" not in cancelled and cancelled["session_start"] == course["sessions"][1]["start"]


def test_interchange_golden_v5_file_still_loads_and_exports_again_as_current(
    journal_v5: PortableJournal, read_fixture: Reader
) -> None:
    loaded = load(read_fixture("golden/reverie-export-v5.json"))
    assert loaded == journal_v5 and loaded.left_out == journal_v5.left_out
    assert json.loads(dump_reverie_json(loaded))["schema"] == "reverie.export/10"


def test_interchange_v5_file_names_what_it_was_made_without(
    journal_v5: PortableJournal, read_fixture: Reader
) -> None:
    """Before: an export said nothing in the file of the entries it left out (only on the page or stderr)."""
    document = json.loads(read_fixture("golden/reverie-export-v5.json"))
    assert document["left_out"] == [
        {"happened_at": "2024-05-03T22:00:00+00:00", "kind": "dream"},
        {"happened_at": "2024-05-04T09:30:00+02:00", "kind": "art", "title": "The blue door"},
    ]
    assert document["record"]["check_ins"][0]["question"].endswith("Are you safe?")
    assert load(dump_reverie_json(journal_v5)).left_out == journal_v5.left_out
    assert "left_out" not in json.loads(dump_reverie_json(replace(journal_v5, left_out=())))


def test_interchange_v4_file_refuses_what_only_v5_has(read_fixture: Reader) -> None:
    document = json.loads(read_fixture("golden/reverie-export-v4.json"))
    with_left_out = {**document, "left_out": []}
    with pytest.raises(InvalidInput, match="unknown fields: left_out"):
        load(json.dumps(with_left_out).encode())
    document["record"]["check_ins"][0]["question"] = "Are you safe?"
    with pytest.raises(InvalidInput, match="unknown fields: question"):
        load(json.dumps(document).encode())


def test_interchange_golden_v4_file_still_loads_and_exports_again_as_current(
    journal_v3: PortableJournal, read_fixture: Reader
) -> None:
    loaded = load(read_fixture("golden/reverie-export-v4.json"))
    assert loaded == journal_v3 and loaded.left_out == ()
    assert json.loads(dump_reverie_json(loaded))["schema"] == "reverie.export/10"


def test_interchange_golden_v3_file_still_loads_and_exports_again_as_v5(
    journal_v3: PortableJournal, read_fixture: Reader
) -> None:
    loaded = load(read_fixture("golden/reverie-export-v3.json"))
    assert loaded == journal_v3 and loaded.record["check_ins"] == journal_v3.record["check_ins"]
    assert dump_reverie_json(loaded) == dump_reverie_json(load(read_fixture("golden/reverie-export-v4.json")))


def test_interchange_golden_v2_file_still_loads_identically(
    journal: PortableJournal, read_fixture: Reader
) -> None:
    loaded = load(read_fixture("golden/reverie-export-v2.json"))
    assert loaded == journal
    assert all(entry.fit == () for entry in loaded.entries) and loaded.record == {}


def test_interchange_golden_v1_file_still_loads(journal: PortableJournal, read_fixture: Reader) -> None:
    loaded = load(read_fixture("golden/reverie-export-v1.json"))
    assert loaded == journal
    assert loaded.entries[0].attachments[0].data == b"\x89PNG\r\n\x1a\n"


def test_interchange_round_trip_unicode() -> None:
    texts = [
        "emoji 😀🫠👩‍👩‍👧 and flags 🇮🇪",
        "RTL: שלום עולם and العربية mixed with LTR",
        "combining: e\u0301 a\u030a n\u0303 (not normalised)",
        "zero width: a\u200bb\u200dc, BOM-like \ufeff inside",
        "control chars \t\r\n and quotes \" ' \\ and </script>",
    ]
    entries = [
        _entry(f"u{i}", text, title=text[:20], people=(text[:5],), tags=(text[-4:],))
        for i, text in enumerate(texts)
    ]
    journal = _journal(*entries)
    dumped = dump_reverie_json(journal)
    assert load(dumped) == journal
    assert "שלום".encode() in dumped  # ensure_ascii=False: text stays readable UTF-8
    assert b"\\u05e9" not in dumped


def test_interchange_round_trip_long_text() -> None:
    long_text = ("I keep circling back to the same thought. " * 22_000)[:900_000]
    journal = _journal(_entry(body=long_text))
    loaded = load(dump_reverie_json(journal))
    assert loaded.entries[0].body == long_text
    assert len(loaded.entries[0].body) == 900_000


def test_interchange_round_trip_attachments() -> None:
    attachments = (
        PortableAttachment("drawing.png", "image/png", bytes(range(256)) * 40),
        PortableAttachment("hum.ogg", "audio/ogg", b""),
        PortableAttachment("notes — 1.txt", "text/plain", "ünïcode".encode()),
    )
    journal = _journal(_entry(kind="art", attachments=attachments))
    assert load(dump_reverie_json(journal)).entries[0].attachments == attachments


def test_interchange_round_trip_preserves_offsets_and_microseconds() -> None:
    loaded = load(dump_reverie_json(_journal(_entry()))).entries[0]
    assert loaded.happened_at.utcoffset() == WHEN.utcoffset()
    assert loaded.happened_at.microsecond == 678901


def test_interchange_dump_is_deterministic_and_sorted(journal: PortableJournal) -> None:
    first = dump_reverie_json(journal)
    assert first == dump_reverie_json(load(first))
    document = json.loads(first)
    assert list(document) == sorted(document)
    assert list(document["entries"][0]) == sorted(document["entries"][0])
    assert document["schema"] == "reverie.export/10"
    assert first.endswith(b"\n")


def test_interchange_empty_journal_round_trips() -> None:
    empty = _journal()
    assert load(dump_reverie_json(empty)) == empty


_text = st.text(st.characters(codec="utf-8"), max_size=60)
_short = st.text(st.characters(codec="utf-8"), min_size=1, max_size=20)
_moment = st.datetimes(
    min_value=datetime(1900, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from([UTC, WHEN.tzinfo]),
)
_whole_revisions = st.builds(  # h151: an earlier version whole (version 9), its date kept or not
    PortableRevision,
    _text,
    _moment,
    only_text=st.just(False),
    title=_text,
    feelings=st.lists(st.builds(PortableFeeling, _short, st.integers(1, 5)), max_size=3).map(tuple),
    people=st.lists(_short, max_size=3).map(tuple),
    tags=st.lists(_short, max_size=3).map(tuple),
    extra=st.dictionaries(st.sampled_from(["situation", "urge", "choice", "place"]), _text, max_size=3),
    happened_at=st.one_of(st.none(), _moment),
)
_entries = st.builds(
    PortableEntry,
    id=_short,
    kind=st.sampled_from(KINDS),
    body=_text,
    happened_at=_moment,
    written_at=_moment,
    feelings=st.lists(st.builds(PortableFeeling, _short, st.integers(1, 5)), max_size=3).map(tuple),
    people=st.lists(_short, max_size=3).map(tuple),
    tags=st.lists(_short, max_size=3).map(tuple),
    title=_text,
    shared=st.booleans(),
    attachments=st.lists(
        st.builds(
            PortableAttachment, st.just("f.bin"), st.just("application/octet-stream"), st.binary(max_size=40)
        ),
        max_size=2,
    ).map(tuple),
    revisions=st.lists(
        st.one_of(st.builds(PortableRevision, _text, _moment), _whole_revisions), max_size=2
    ).map(tuple),
    extra=st.dictionaries(st.sampled_from(["situation", "urge", "choice"]), _text, max_size=3),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_entries, max_size=4, unique_by=lambda entry: entry.id))
def test_interchange_round_trip_property(entries: list[PortableEntry]) -> None:
    journal = _journal(*entries)
    assert load(dump_reverie_json(journal)) == journal


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: _entry(kind="nightmare"), "kind must be one of"),
        (
            lambda: _entry(happened_at=datetime(2024, 1, 1)),
            "happened_at must be a date-time with a time zone",
        ),
        (lambda: _entry(id=""), "id must not be empty"),
        (lambda: _entry(body="x" * 1_000_001), "limit is 1,000,000"),
        (lambda: _entry(extra={"mood": "x"}), "extra may hold only"),
        (lambda: PortableFeeling("fear", 6), "from 1 to 5"),
        (lambda: PortableFeeling("fear", True), "whole number"),
        (lambda: PortableAttachment("../etc/passwd", "text/plain", b""), "plain file name"),
        (lambda: PortableAttachment("a.txt", "plain", b""), "type/subtype"),
        (lambda: _journal(_entry("same"), _entry("same")), "repeats the id"),
    ],
)
def test_interchange_invariants_refuse_bad_values(build: object, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        build()  # type: ignore[operator]


def test_interchange_entry_repr_shows_no_text() -> None:
    entry = _entry(
        body="secret canary body", title="secret title", revisions=(PortableRevision("old canary", WHEN),)
    )
    assert "canary" not in repr(entry)
    assert "secret" not in repr(entry)
    assert "canary" not in repr(entry.revisions[0])
    whole = PortableRevision("old canary", WHEN, only_text=False, title="canary title", people=("canary",))
    assert "canary" not in repr(whole) and "whole" in repr(whole)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "kept"}, "only its body and written_at"),
        ({"happened_at": WHEN}, "only its body and written_at"),
        ({"only_text": False, "extra": {"mood": "x"}}, "extra may hold only"),
        ({"only_text": False, "people": ("",)}, "revision people must not be empty"),
        (
            {"only_text": False, "happened_at": datetime(2024, 1, 1)},
            "revision happened_at must be a date-time",
        ),
        ({"only_text": "no"}, "only_text must be true or false"),
    ],
)
def test_interchange_revision_invariants(changes: dict[str, Any], message: str) -> None:
    """h151: an earlier version kept only as text holds nothing else; a whole one is checked as an entry is."""
    with pytest.raises(InvalidInput, match=message):
        PortableRevision("old", WHEN, **changes)


def test_interchange_earlier_versions_of_an_older_file_read_as_only_text(read_fixture: Reader) -> None:
    """h151: a file before version 9 kept only the text of each earlier version: read so, and refused anything
    more; a version 9 file names only_text for each."""
    (revision,) = load(read_fixture("golden/reverie-export-v8.json")).entries[0].revisions
    assert revision.only_text and (revision.title, revision.feelings, revision.happened_at) == ("", (), None)
    document = json.loads(read_fixture("golden/reverie-export-v8.json"))
    document["entries"][0]["revisions"][0]["title"] = "The house"
    with pytest.raises(InvalidInput, match=r"revisions\[0\] has unknown fields: title"):
        load(json.dumps(document).encode())
    document = json.loads(read_fixture("golden/reverie-export-v9.json"))
    del document["entries"][0]["revisions"][1]["only_text"]
    with pytest.raises(InvalidInput, match=r"revisions\[1\]\.only_text is missing"):
        load(json.dumps(document).encode())


def test_interchange_dump_refuses_unpaired_surrogate() -> None:
    with pytest.raises(InvalidInput, match="surrogate"):
        dump_reverie_json(_journal(_entry(body="broken \ud800 text")))


def test_interchange_v10_carries_what_the_person_set(read_fixture: Reader) -> None:
    """h158 (review r127, 5 and 6): version 10 gives the person's time zone and when each entry's current version
    was saved; a file before 10 holds neither, and refuses them."""
    loaded = load(read_fixture("golden/reverie-export-v10.json"))
    assert loaded.time_zone == "Europe/Berlin"
    assert [e.updated_at for e in loaded.entries] == [
        datetime(2024, 5, 1, 5, 10, 0, 250000, tzinfo=UTC),
        datetime(2024, 5, 3, 8, 0, tzinfo=UTC),
    ]
    older = load(read_fixture("golden/reverie-export-v9.json"))
    assert older.time_zone == "" and {e.updated_at for e in older.entries} == {None}
    document = json.loads(read_fixture("golden/reverie-export-v9.json"))
    document["entries"][0]["updated_at"] = "2024-05-01T07:10:00+02:00"
    with pytest.raises(InvalidInput, match=r"entries\[0\] has unknown fields: updated_at"):
        load(json.dumps(document).encode())
    document = json.loads(read_fixture("golden/reverie-export-v9.json"))
    document["time_zone"] = "Europe/Berlin"
    with pytest.raises(InvalidInput, match="time_zone"):
        load(json.dumps(document).encode())
