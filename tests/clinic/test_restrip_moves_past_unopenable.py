"""Review r79 of h90's re-strip at worker upkeep (journal.restrip_pictures, migration 0017).

A legacy file that does not open (sealed under a key that is gone, or damaged) is "left as it is" and stays
``stripped`` False, so the next round picks it again: the batch is the first ``RESTRIP_BATCH`` rows still False, with
no order and no way past the ones that never open. Once that many such files exist, every other picture stored
before h85 keeps its GPS position and camera in the database for good, and its size is recomputed by opening the
whole file on every listing."""

from __future__ import annotations

import io
import uuid
from typing import Any

import pytest
from django.utils import timezone
from PIL import Image

from reverie.clinic.models import Attachment, ClientKey, Entry, User
from reverie.clinic.services import journal, keys, worker
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db


def _phone_photo() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Pixel 8 of Iris"
    exif.get_ifd(0x8825).update({1: "N", 2: (51.0, 30.0, 26.4), 3: "W", 4: (0.0, 7.0, 39.6)})
    out = io.BytesIO()
    Image.new("RGB", (16, 8), (200, 120, 40)).save(out, "JPEG", exif=exif)
    return out.getvalue()


def _legacy(client: User, entry: Entry, att_id: uuid.UUID, data: bytes, *, opens: bool) -> Attachment:
    """A row as stored before 0017 (``stripped`` False); one that does not open is sealed for another record."""
    record = str(att_id) if opens else str(uuid.uuid4())
    return Attachment.objects.create(
        id=att_id,
        entry=entry,
        media_type="image/jpeg",
        size=len(data),
        name_sealed=keys.seal_for(client, str(att_id), "attachment.name", b"IMG_0042.jpg"),
        payload=keys.seal_for(client, record, "attachment.data", data),
        stripped=False,
    )


def test_files_that_never_open_do_not_stop_the_others_being_stripped(make_user: Any) -> None:
    """A clinic whose database holds a batch's worth of legacy files that cannot be opened (key lost, issue 11)
    and one phone photo with its GPS position: the worker's upkeep runs round after round and the photo is never
    re-stripped (its row keeps the position; ``stripped`` stays False). It should be re-stripped in the next
    round or so, whatever the unopenable ones do."""
    client = make_user("iris")
    entry = Entry.objects.get(pk=journal.create_entry(client, EntryDraft(kind="art", body="harbour")).id)
    photo = _phone_photo()
    for n in range(journal.RESTRIP_BATCH):
        _legacy(client, entry, uuid.UUID(int=n + 1), photo, opens=False)
    good = _legacy(client, entry, uuid.UUID(int=2**128 - 1), photo, opens=True)

    for _ in range(3):  # three upkeep rounds
        worker._restrip_pictures()

    good.refresh_from_db()
    stored = keys.open_for(client, str(good.id), "attachment.data", good.payload)
    assert good.stripped and b"Pixel 8 of Iris" not in stored


def test_a_client_without_a_key_gets_no_new_key_from_the_re_strip(make_user: Any) -> None:
    """A legacy file whose owner's key row is gone (erased, or lost): opening it would make a new key under which
    nothing was ever sealed. The re-strip leaves the file, records the failure, and creates no key."""
    client = make_user("noor")
    entry = Entry.objects.get(pk=journal.create_entry(client, EntryDraft(kind="art", body="shore")).id)
    att = _legacy(client, entry, uuid.UUID(int=7), _phone_photo(), opens=True)
    ClientKey.objects.filter(client_id=client.pk).delete()
    keys.forget(client.pk)

    assert journal.restrip_pictures() == 0

    att.refresh_from_db()
    assert not ClientKey.objects.filter(client_id=client.pk).exists()
    assert not att.stripped and att.restrip_failed_at is not None


def test_a_file_that_failed_is_tried_again_after_the_wait(make_user: Any) -> None:
    """A failure is not final (a key may come back from a backup): after ``RESTRIP_RETRY`` the file is tried again,
    and before it is not."""
    client = make_user("ana")
    entry = Entry.objects.get(pk=journal.create_entry(client, EntryDraft(kind="art", body="dunes")).id)
    att = _legacy(client, entry, uuid.UUID(int=9), _phone_photo(), opens=False)
    first = timezone.now()
    journal.restrip_pictures(now=first)
    att.refresh_from_db()
    assert att.restrip_failed_at == first

    journal.restrip_pictures(now=first + journal.RESTRIP_RETRY / 2)
    att.refresh_from_db()
    assert att.restrip_failed_at == first  # not tried again yet

    later = first + journal.RESTRIP_RETRY
    journal.restrip_pictures(now=later)
    att.refresh_from_db()
    assert att.restrip_failed_at == later
