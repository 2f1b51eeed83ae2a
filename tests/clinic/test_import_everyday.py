"""Imports as people bring them: Day One's zip (photos as attachments, context kept), jrnl local times in the
person's zone, report-and-skip unless all or nothing, idempotent re-import, version 1 exports."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from reverie.clinic.models import Attachment, Entry
from reverie.clinic.services import journal, local_time, portability
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import InvalidInput
from reverie.journal.interchange import dump_reverie_json

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "interchange"))
from dayone_sample import FULL, PHOTO_MD5, _entry, dayone_zip

pytestmark = pytest.mark.django_db
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201f5d8"
    "e6a50000000049454e44ae426082"
)


def test_day_one_zip_imports_with_photos_place_and_a_report(make_user: Any) -> None:
    user = make_user()
    photo = {**FULL, "photos": [{"identifier": "PHOTO1", "md5": PHOTO_MD5, "type": "jpeg"}]}
    heic = _entry(
        "C2", text="Words and a photo", photos=[{"identifier": "P", "md5": "f" * 32, "type": "heic"}]
    )
    empty = _entry("C3", text="")
    bad = {"creationDate": "2026-03-09T23:30:00Z", "text": "no id"}
    data = dayone_zip([photo, heic, empty, bad])
    report = portability.import_journal(user, data)
    assert report.created == 2 and report.skipped == 0
    assert report.problems == ("entries[2] is empty: left out.", "entries[3].uuid is missing: left out.")
    views = {v.title or v.body: v for v in journal.list_entries(user)}
    walk = views["A night walk"]
    assert walk.kind == "art" and walk.extra["place"] == "Oberbaumbrücke, Berlin, Germany"
    assert walk.extra["time_zone"] == "Europe/Berlin" and walk.extra["weather"] == "Clear, 4 °C"
    assert Attachment.objects.filter(entry_id=walk.id, media_type="image/jpeg").count() == 1
    assert views["Words and a photo"].kind == "reflection"  # a file not found in the zip is not an attachment
    again = portability.import_journal(user, data)
    assert (again.created, again.skipped) == (0, 2)  # idempotent
    with pytest.raises(InvalidInput, match="uuid is missing"):
        portability.import_journal(user, data, all_or_nothing=True)


def test_a_photo_that_is_not_an_allowed_image_is_left_out_not_the_entry(make_user: Any) -> None:
    user = make_user()
    fake = {**FULL, "uuid": "D1", "photos": [{"identifier": "PHOTO1", "md5": PHOTO_MD5, "type": "jpeg"}]}
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Journal.json", json.dumps({"metadata": {"version": "1.0"}, "entries": [fake]}))
        archive.writestr(f"photos/{PHOTO_MD5}.jpeg", b"<svg onload=alert(1)>")
    report = portability.import_journal(user, buffer.getvalue())
    assert report.created == 1 and "file 1" in report.problems[0]
    (view,) = journal.list_entries(user)
    assert view.kind == "reflection" and Attachment.objects.count() == 0


def test_jrnl_local_times_are_the_persons_own(make_user: Any) -> None:
    user = make_user()
    local_time.set_time_zone(user, "Europe/Berlin")
    doc = {
        "tags": {},
        "entries": [{"title": "Slept badly.", "body": "", "date": "2026-03-10", "time": "00:30"}],
    }
    portability.import_journal(user, json.dumps(doc).encode())
    (row,) = Entry.objects.filter(client=user)
    assert row.happened_at == datetime(2026, 3, 9, 23, 30, tzinfo=UTC)


def test_reimporting_an_export_into_another_account_twice_adds_nothing_new(make_user: Any) -> None:
    first, second = make_user(), make_user()
    for number in range(10):
        journal.create_entry(first, EntryDraft(kind="dream", body=f"dream number {number}"))
    data = dump_reverie_json(portability.export_journal(first))
    assert json.loads(data)["schema"] == "reverie.export/10"
    assert portability.import_journal(second, data).created == 10
    assert portability.import_journal(second, data).skipped == 10
    assert Entry.objects.filter(client=second).count() == 10
    assert portability.import_journal(first, data).skipped == 10
    assert Entry.objects.filter(client=first).count() == 10


def test_a_version_1_export_still_imports(make_user: Any) -> None:
    user = make_user()
    entry = {
        "id": "x1",
        "kind": "dream",
        "body": "old",
        "happened_at": "2024-01-01T00:00:00Z",
        "written_at": "2024-01-01T00:00:00Z",
    }
    doc = {"schema": "reverie.export/1", "exported_at": "2024-01-02T00:00:00Z", "entries": [entry]}
    assert portability.import_journal(user, json.dumps(doc).encode()).created == 1
