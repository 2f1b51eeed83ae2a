from __future__ import annotations

from typing import Any

import pytest

from reverie.clinic.models import Entry
from reverie.clinic.services import journal, keys
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import IntegrityError, KeyUnavailable

pytestmark = pytest.mark.django_db


def test_encryption_payload_column_holds_no_plaintext(make_user: Any) -> None:
    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="dream", body="CANARY-lighthouse"))
    raw = bytes(Entry.objects.get(pk=view.id).payload)
    assert b"CANARY" not in raw and raw[:3] == b"RVE"


def test_encryption_flipped_byte_fails_with_a_clear_error(make_user: Any) -> None:
    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="dream", body="tamper me"))
    row = Entry.objects.get(pk=view.id)
    blob = bytearray(bytes(row.payload))
    blob[-5] ^= 0x01
    Entry.objects.filter(pk=view.id).update(payload=bytes(blob))
    with pytest.raises(IntegrityError) as info:
        journal.get_entry(alice, view.id)
    assert "tamper" not in str(info.value)


def test_encryption_ciphertext_moved_to_another_entry_fails(make_user: Any) -> None:
    alice = make_user()
    first = journal.create_entry(alice, EntryDraft(kind="dream", body="first"))
    second = journal.create_entry(alice, EntryDraft(kind="dream", body="second"))
    Entry.objects.filter(pk=second.id).update(payload=Entry.objects.get(pk=first.id).payload)
    with pytest.raises(IntegrityError):
        journal.get_entry(alice, second.id)


def test_encryption_ciphertext_moved_to_another_client_fails(make_user: Any) -> None:
    alice, bob = make_user(), make_user()
    theirs = journal.create_entry(alice, EntryDraft(kind="dream", body="alice's"))
    mine = journal.create_entry(bob, EntryDraft(kind="dream", body="bob's"))
    Entry.objects.filter(pk=mine.id).update(payload=Entry.objects.get(pk=theirs.id).payload)
    with pytest.raises(IntegrityError):
        journal.get_entry(bob, mine.id)


def test_encryption_key_rotation_keeps_entries_readable(make_user: Any) -> None:
    from django.conf import settings

    from reverie.vault.keys import rotate_key_file

    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="reflection", body="before rotation"))
    rotate_key_file(settings.REVERIE.key_file)
    keys.forget_cached_keys()
    assert keys.rewrap_all() == 1
    keys.forget_cached_keys()
    assert journal.get_entry(alice, view.id).body == "before rotation"


def test_encryption_missing_key_file_is_a_clear_error(make_user: Any) -> None:
    from django.conf import settings

    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="reflection", body="x"))
    settings.REVERIE.key_file.unlink()
    keys.forget_cached_keys()
    with pytest.raises(KeyUnavailable, match="key"):
        journal.get_entry(alice, view.id)
    with pytest.raises(KeyUnavailable, match="Restore the key file"):
        keys.ensure_key_file()
