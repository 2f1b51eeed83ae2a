"""Imports from jrnl's and Day One's JSON exports (hand-written fixtures)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from reverie.errors import InvalidInput
from reverie.journal.interchange import DAYONE_SCHEMA, JRNL_SCHEMA, dump_reverie_json, load

Reader = Callable[[str], bytes]


def test_interchange_jrnl_entries_load(read_fixture: Reader) -> None:
    journal = load(read_fixture("fixtures/jrnl-sample.json"))
    assert journal.schema == JRNL_SCHEMA
    first, second, third = journal.entries
    assert first.title == "Flying over the old school."
    assert first.body.startswith("The roof tiles were loose")
    assert first.happened_at == datetime(2023, 2, 1, 7, 15, tzinfo=UTC)
    assert first.written_at == first.happened_at
    assert first.tags == ("dream", "starred")
    assert first.kind == "dream"
    assert second.kind == "reflection"
    assert second.tags == ("work",)
    assert second.id == "jrnl-9C1B7D2E4F6A4B8C9D0E1F2A3B4C5D6E"
    assert third.kind == "dream"  # tag "@Dream" matched regardless of case
    assert (third.title, third.body) == (
        "",
        "Second dream tonight.",
    )  # jrnl's one-liner: the title is the entry
    assert journal.exported_at == third.written_at


def test_interchange_jrnl_uses_default_tz_for_local_times(read_fixture: Reader) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    first = load(read_fixture("fixtures/jrnl-sample.json"), default_tz=berlin).entries[0]
    assert first.happened_at.utcoffset() == timedelta(hours=1)
    assert first.happened_at == datetime(2023, 2, 1, 6, 15, tzinfo=UTC)


def test_interchange_jrnl_ids_are_stable_and_unique(read_fixture: Reader) -> None:
    data = read_fixture("fixtures/jrnl-sample.json")
    ids = [entry.id for entry in load(data).entries]
    assert ids == [entry.id for entry in load(data).entries]
    assert len(set(ids)) == len(ids)
    twin = json.loads(data)
    twin["entries"].append(dict(twin["entries"][0]))
    twin_ids = [entry.id for entry in load(json.dumps(twin).encode()).entries]
    assert twin_ids[3] == twin_ids[0] + "-2"


def test_interchange_jrnl_import_reexports_as_reverie(read_fixture: Reader) -> None:
    journal = load(read_fixture("fixtures/jrnl-sample.json"))
    again = load(dump_reverie_json(journal))
    assert again.entries == journal.entries


def test_interchange_jrnl_empty_journal_loads() -> None:
    journal = load(b'{"tags": {}, "entries": []}')
    assert journal.entries == ()
    assert journal.exported_at == datetime(1970, 1, 1, tzinfo=UTC)


def test_interchange_dayone_entries_load(read_fixture: Reader) -> None:
    journal = load(read_fixture("fixtures/dayone-sample.json"))
    assert journal.schema == DAYONE_SCHEMA
    train, call, lunch = journal.entries
    assert train.id == "dayone-A1B2C3D4E5F60718293A4B5C6D7E8F90"
    assert train.kind == "dream"
    assert train.body.startswith("A train with no driver.")
    assert train.happened_at == datetime(2023, 3, 4, 6, 12, 40, tzinfo=UTC)
    assert train.happened_at.utcoffset() == timedelta(hours=1)  # shown in the entry's own time zone
    assert call.kind == "reflection"
    assert call.tags == ("starred",)
    assert call.body.endswith("🌙")
    assert call.attachments == ()  # Day One photos live outside the JSON file
    assert call.happened_at.utcoffset() == timedelta(hours=-5)
    assert lunch.kind == "daydream"
    assert lunch.happened_at.utcoffset() == timedelta(0)  # unknown zone name: kept in UTC


@pytest.mark.parametrize("version", ["2.0", "0.9", "1.", "1.x", "1.٠", "١.0", "1.0.1", "v1", ""])
def test_interchange_dayone_newer_or_unreadable_version_is_refused(version: str) -> None:
    data = json.dumps({"metadata": {"version": version}, "entries": []}).encode()
    with pytest.raises(InvalidInput, match="Day One export version"):
        load(data)


@pytest.mark.parametrize("version", ["1.0", "1", "1.12"])
def test_interchange_dayone_any_1x_version_is_read(version: str) -> None:
    assert load(json.dumps({"metadata": {"version": version}, "entries": []}).encode()).entries == ()


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ({"creationDate": "2023-03-04T06:12:40Z", "text": "x"}, r"entries\[0\]\.uuid is missing"),
        (
            {"uuid": "U", "creationDate": "2023-03-04 06:12", "text": "x"},
            r"entries\[0\]\.creationDate has no time zone",
        ),
        (
            {"uuid": "U", "creationDate": "yesterday", "text": "x"},
            r"entries\[0\]\.creationDate is not an ISO-8601",
        ),
        ({"uuid": "U", "creationDate": "2023-03-04T06:12:40Z", "text": 5}, r"entries\[0\]\.text is not text"),
        (
            {"uuid": "U", "creationDate": "2023-03-04T06:12:40Z", "tags": "dream"},
            r"entries\[0\]\.tags is not a list",
        ),
    ],
)
def test_interchange_dayone_corrupt_entry_names_field(entry: dict[str, object], field: str) -> None:
    data = json.dumps({"metadata": {"version": "1.0"}, "entries": [entry]}).encode()
    with pytest.raises(InvalidInput, match=field):
        load(data)


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ({"title": "t", "body": "b", "date": "2023-13-01", "time": "07:00"}, r"entries\[0\]\.date/time"),
        ({"title": "t", "body": "b", "date": "2023-01-01", "time": "7h"}, r"entries\[0\]\.date/time"),
        ({"title": "t", "body": "b", "time": "07:00"}, r"entries\[0\]\.date is missing"),
        ({"title": "t", "body": ["b"], "date": "2023-01-01"}, r"entries\[0\]\.body is not text"),
        ({"title": "t", "date": "2023-01-01", "tags": [1]}, r"entries\[0\]\.tags\[0\] is not text"),
        (
            {"title": "t", "date": "2023-01-01", "starred": "yes"},
            r"entries\[0\]\.starred is not true or false",
        ),
    ],
)
def test_interchange_jrnl_corrupt_entry_names_field(entry: dict[str, object], field: str) -> None:
    data = json.dumps({"tags": {}, "entries": [entry]}).encode()
    with pytest.raises(InvalidInput, match=field):
        load(data)


def test_interchange_jrnl_body_over_limit_is_refused() -> None:
    entry = {"title": "t", "body": "x" * 1_000_001, "date": "2023-01-01", "time": "07:00"}
    with pytest.raises(InvalidInput, match=r"entries\[0\].*limit is 1,000,000"):
        load(json.dumps({"tags": {}, "entries": [entry]}).encode())
