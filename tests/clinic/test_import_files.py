"""Odd and damaged files handed to ``reverie journal import`` and to the API's import (review r53)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from reverie.clinic.models import Entry
from reverie.clinic.services import journal, portability
from reverie.errors import InvalidInput
from reverie.journal.interchange import dump_reverie_json

pytestmark = [pytest.mark.db]


def test_a_number_of_thousands_of_digits_is_a_plain_error(make_user: Any) -> None:
    """An export holding a 5,000-digit number is refused with InvalidInput, not Python's int-digits ValueError."""
    person = make_user()
    kept = journal.create_entry(person, journal.EntryDraft(kind="reflection", body="already here"))
    doc = json.loads(dump_reverie_json(portability.export_with_report(person).journal))
    text = json.dumps(doc).rstrip("}")
    data = (text + ', "record": {"n": ' + "9" * 5000 + "}}").encode()
    with pytest.raises(InvalidInput):
        portability.import_journal(person, data)
    assert list(Entry.objects.filter(client=person).values_list("pk", flat=True)) == [kept.id]


def _journal_bomb(padding: int) -> bytes:
    """A Day One zip whose journal .json is one short entry and ``padding`` bytes of spaces (deflates ~1000:1)."""
    import io
    import zipfile

    head = json.dumps(
        {
            "metadata": {"version": "1.0"},
            "entries": [{"uuid": "B" * 32, "creationDate": "2026-01-02T10:00:00Z", "text": "A short day."}],
        }
    ).encode()
    out = io.BytesIO()
    archive = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9)
    with archive, archive.open("Journal.json", "w", force_zip64=True) as member:
        member.write(head[:-1])
        chunk = b" " * (1024 * 1024)
        for _ in range(padding // len(chunk)):
            member.write(chunk)
        member.write(b"}")
    return out.getvalue()


@pytest.mark.django_db
def test_api_import_of_a_zip_whose_journal_json_unpacks_huge_stays_bounded(make_user: Any) -> None:
    """A small zip whose journal .json unpacks to 120 MiB is refused or read within 3x the attachment limit (as r18)."""
    import sys
    import tracemalloc
    from pathlib import Path

    from django.conf import settings

    sys.path.insert(0, str(Path(__file__).parents[1] / "api"))
    from api_client import as_token

    limit = int(settings.REVERIE["REVERIE_MAX_ATTACHMENT_BYTES"])
    body = _journal_bomb(120 * 1024 * 1024)
    assert len(body) < limit  # a request far within every limit the API sets
    api = as_token(make_user(role="client"))
    tracemalloc.start()
    try:
        response = api.client.post("/api/v1/import", data=body, content_type="application/zip")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code in (200, 400, 413)
    assert peak < 3 * limit, f"the import held {peak // 2**20} MiB for a {len(body) // 1024} KiB request"


def test_a_safety_plan_section_titled_by_a_list_is_reported_not_a_type_error(make_user: Any) -> None:
    """A file's safety plan whose section title is not text is reported in the notes, the file's entries imported."""
    writer, person = make_user(), make_user()
    journal.create_entry(writer, journal.EntryDraft(kind="reflection", body="words from elsewhere"))
    doc = json.loads(dump_reverie_json(portability.export_with_report(writer).journal))
    doc["record"] = {"safety_plan": {"sections": [{"title": ["Warning signs"], "items": ["a"]}]}}
    # as it stands the entry is committed, then the import fails with an unexpected TypeError (a half-import)
    report = portability.import_journal(person, json.dumps(doc).encode())
    assert report.created == 1
    assert any("safety plan" in note for note in report.notes)


@pytest.mark.parametrize(
    "odd",
    [
        '"weather": {"temperatureCelsius": NaN}',
        '"weather": {"temperatureCelsius": 1e400}',
        '"creationDate": "0001-01-01T00:00:00Z", "timeZone": "America/Los_Angeles"',
        '"creationDate": "9999-12-31T23:00:00Z", "timeZone": "Asia/Tokyo"',
    ],
    ids=["weather-nan", "weather-infinity", "year-1-west", "year-9999-east"],
)
def test_a_day_one_entry_with_an_odd_value_is_reported_not_an_unexpected_error(
    make_user: Any, odd: str
) -> None:
    """A Day One entry with NaN/Infinity weather or a date out of range in its zone is reported; the rest imports."""
    person = make_user()
    good = '{"uuid": "' + "A" * 32 + '", "creationDate": "2026-01-02T10:00:00Z", "text": "A short day."}'
    bad = (
        '{"uuid": "'
        + "B" * 32
        + '", "creationDate": "2026-01-03T10:00:00Z", "text": "Another day.", '
        + odd
        + "}"
    )
    data = ('{"metadata": {"version": "1.0"}, "entries": [' + good + ", " + bad + "]}").encode()
    report = portability.import_journal(person, data)
    assert report.created >= 1
    assert Entry.objects.filter(client=person).count() == report.created


def test_an_entry_written_before_year_1_in_utc_is_reported_not_an_overflow(make_user: Any) -> None:
    """An export entry whose written_at is 0001-01-01T00:00+14:00 (before year 1 in UTC) is reported; the rest imports."""
    writer, person = make_user(), make_user()
    journal.create_entry(writer, journal.EntryDraft(kind="reflection", body="first words"))
    journal.create_entry(writer, journal.EntryDraft(kind="reflection", body="second words"))
    doc = json.loads(dump_reverie_json(portability.export_with_report(writer).journal))
    doc["entries"][1]["written_at"] = "0001-01-01T00:00:00+14:00"
    report = portability.import_journal(person, json.dumps(doc).encode())
    assert report.created >= 1 and Entry.objects.filter(client=person).count() == report.created


@pytest.mark.django_db
def test_the_api_answers_a_number_of_thousands_of_digits_with_a_plain_400(make_user: Any) -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "api"))
    from api_client import as_token

    api = as_token(make_user(role="client"))
    body = (
        b'{"schema": "reverie.export/6", "exported_at": "2026-01-01T00:00:00+00:00", "n": '
        + b"9" * 5000
        + b"}"
    )
    response = api.client.post("/api/v1/import", data=body, content_type="application/json")
    assert response.status_code == 400
    assert "not valid JSON" in response.content.decode()


def test_a_zips_journal_is_bounded_as_a_plain_json_upload_is() -> None:
    from reverie.clinic.services import import_check
    from reverie.clinic.web.uploads import READ_AT_MOST

    assert import_check.JOURNAL_IN_ALL_TIMES == READ_AT_MOST


def test_an_entry_whose_draft_trips_an_unexpected_error_is_left_out_and_said(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any reader of an entry raising ValueError, TypeError, KeyError or OverflowError stops that entry alone."""
    from reverie.clinic.services import import_check

    writer, person = make_user(), make_user()
    journal.create_entry(writer, journal.EntryDraft(kind="reflection", body="first words"))
    journal.create_entry(writer, journal.EntryDraft(kind="reflection", body="second words"))
    data = dump_reverie_json(portability.export_with_report(writer).journal)
    real = import_check.validate

    def odd(draft: Any, **kwargs: Any) -> Any:
        if draft.body == "second words":
            raise OverflowError("date value out of range")
        return real(draft, **kwargs)

    monkeypatch.setattr(import_check, "validate", odd)
    report = portability.import_journal(person, data)
    assert report.created == 1 and Entry.objects.filter(client=person).count() == 1
    assert len(report.problems) == 1
    assert re.fullmatch(r"entries\[[01]\]: it could not be read\. Left out\.", report.problems[0])
