"""State kept in one process's memory stays right when another process changes it (``serve --processes N``, or a
``reverie keys rotate`` next to a running server): the master key ring is read again when the key file changes."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings

from reverie.clinic.models import AuditEvent, ClientKey
from reverie.clinic.services import audit, journal, keys
from reverie.clinic.services.journal import EntryDraft
from reverie.vault.keys import load_keyring, rotate_key_file

pytestmark = pytest.mark.django_db


def _rotate_elsewhere() -> str:
    """What ``reverie keys rotate`` does in its own process: a new active master key, every data key re-wrapped
    under it. This process's caches are not told."""
    path = settings.REVERIE.key_file
    kid = rotate_key_file(path)
    ring = load_keyring(path, None)
    for row in ClientKey.objects.all():
        row.wrapped = ring.rewrap(bytes(row.wrapped), str(row.client_id))
        row.save(update_fields=["wrapped"])
    return kid


def test_a_rotation_in_another_process_is_seen_without_a_restart(make_user: Any) -> None:
    """Before: the ring stayed cached until a restart, so a data key this process had not opened yet (re-wrapped
    under the new master key) raised KeyUnavailable, and audit events kept the retired-to-be key."""
    alice, bob = make_user(), make_user()
    mine = journal.create_entry(alice, EntryDraft(kind="reflection", body="written before the rotation"))
    theirs = journal.create_entry(bob, EntryDraft(kind="reflection", body="bob's, before the rotation"))
    old = keys.keyring().active
    new = _rotate_elsewhere()
    assert new != old
    assert keys.keyring().active == new
    keys._forget(bob.pk)  # a key this process has not opened yet: it unwraps the row re-wrapped under ``new``
    assert journal.get_entry(bob, theirs.id).body == "bob's, before the rotation"
    assert journal.get_entry(alice, mine.id).body == "written before the rotation"
    event = audit.record(alice, "test.after_rotation", "test", "x")
    assert AuditEvent.objects.get(pk=event.pk).key_id == new
    assert audit.verify().ok
    carol = make_user()
    journal.create_entry(carol, EntryDraft(kind="reflection", body="a new client after the rotation"))
    row = ClientKey.objects.get(client=carol)
    assert load_keyring(settings.REVERIE.key_file, None).wrapped_by(bytes(row.wrapped)) == new


def test_the_ring_is_read_once_while_the_key_file_is_unchanged(make_user: Any) -> None:
    make_user()
    first = keys.keyring()
    assert keys.keyring() is first  # one stat a call, no re-read


def test_a_key_file_gone_while_running_keeps_the_ring_already_read(make_user: Any) -> None:
    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="reflection", body="still readable"))
    ring = keys.keyring()
    settings.REVERIE.key_file.unlink()
    assert keys.keyring() is ring
    assert journal.get_entry(alice, view.id).body == "still readable"
