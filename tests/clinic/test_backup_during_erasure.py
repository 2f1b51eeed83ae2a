"""`reverie backup` while a person erases their account (h155): a backup holds that person wholly (as they were
before the erasure committed, their data key sealed under a backup key that no file keeps once it has) or not at
all; never a half-erased person, never words written after the erasure began, never a backup key made again for
them. Real connections, one per thread, as two processes have; real commits. The only stand-ins hold one side at a
chosen point (a signal receiver inside the erasure's transaction; a wrapper inside the backup's first read) so the
other runs there.

How the two order their work (``backup.create_backup``, ``portability.erase_client``): the erasure deletes the key
row, the entries and the account in one transaction, and forgets the backup key only after it commits, under
``backup-keys.json``'s lock; the backup reads one snapshot (``clinic.snapshot.read_snapshot``), whose first read,
the list of people with a data key, is made under that same lock, and reads their backup keys there too."""

from __future__ import annotations

import gzip
import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.db.models.signals import post_delete

from racing import on_own_connection
from reverie.clinic.models import User
from reverie.clinic.services import backup_keys, journal, portability
from reverie.clinic.services.backup import create_backup
from reverie.clinic.services.journal import EntryDraft

pytestmark = [pytest.mark.db, pytest.mark.django_db(transaction=True)]
PASSWORD = "a long test password"
AFTER = "Words written after the erasure began."
WAIT_S = 60  # a generous bound for each event waited for; a hang fails


def _person_in(backup: Path, person_id: int) -> dict[str, int]:
    """How many of each record of ``person_id`` the backup holds."""
    doc = json.loads(gzip.decompress(backup.read_bytes()))
    found = {"account": 0, "data key": 0, "entries": 0}
    for row in doc["objects"]:
        if row["model"] == "clinic.user" and row["pk"] == person_id:
            found["account"] += 1
        elif row["model"] == "clinic.clientkey" and row["fields"]["client"] == person_id:
            found["data key"] += 1
        elif row["model"] == "clinic.entry" and row["fields"]["client"] == person_id:
            found["entries"] += 1
    return found


WHOLE = {"account": 1, "data key": 1, "entries": 2}
GONE = {"account": 0, "data key": 0, "entries": 0}


@pytest.fixture
def wren(make_user: Any) -> Iterator[Any]:
    person = make_user("wren-h155")
    journal.create_entry(person, EntryDraft(kind="dream", body="A quiet afternoon by the lake."))
    journal.create_entry(person, EntryDraft(kind="dream", body="Dentist at nine."))
    yield person


def _erasure(person: Any) -> tuple[threading.Thread, list[str]]:
    return on_own_connection(
        "erased",
        lambda: portability.erase_client(User.objects.get(pk=person.pk), person.username, PASSWORD),
    )


def _wait(event: threading.Event, what: str) -> None:
    assert event.wait(WAIT_S), f"{what} never came"


def test_a_backup_during_an_erasure_holds_the_person_wholly_as_before_it_and_one_after_holds_nothing(
    wren: Any, tmp_path: Path
) -> None:
    """The erasure is held inside its transaction once every step is done but its commit (the account deleted
    last): a backup taken then holds the person as before it began, wholly (account, data key, both entries), and
    a save of theirs made then is never stored. Had the erasure committed its steps apart (the key first, say), that
    backup would hold a person half erased. Once it commits, a backup holds nothing of them, and their backup key
    is gone: the first backup cannot bring them back."""
    mid, go = threading.Event(), threading.Event()

    def hold(sender: Any, instance: Any, **kwargs: Any) -> None:
        if instance.pk == wren.pk:
            mid.set()
            go.wait(WAIT_S)

    post_delete.connect(hold, sender=User, dispatch_uid="h155-hold-erasure")
    erasing, erased = _erasure(wren)
    saving, saved = on_own_connection(
        "saved", lambda: journal.create_entry(wren, EntryDraft(kind="dream", body=AFTER))
    )
    try:
        erasing.start()
        _wait(mid, "the erasure's last step")
        during = tmp_path / "during.json.gz"
        create_backup(during)
        connection.close()
        saving.start()  # a save of theirs, begun while the erasure is under way
    finally:
        go.set()
        post_delete.disconnect(dispatch_uid="h155-hold-erasure")
        erasing.join(WAIT_S)
        if saving.ident is not None:
            saving.join(WAIT_S)
    assert erased == ["erased"]
    assert saved and saved != ["saved"], "a save begun during the erasure was stored"
    assert _person_in(during, wren.pk) == WHOLE
    after = tmp_path / "after.json.gz"
    create_backup(after)
    assert _person_in(after, wren.pk) == GONE
    assert AFTER.encode() not in gzip.decompress(after.read_bytes())
    assert (
        backup_keys.keys_for([wren.pk], create=False) == {}
    )  # the backup taken during it opens nothing of them


def _waits_on(lock_file: Path) -> bool:
    """Whether a thread of this process waits for a flock on ``lock_file`` (/proc/locks lists a waiter after "->")."""
    inode = os.stat(lock_file).st_ino
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "->" in fields and str(os.getpid()) in fields and any(f.endswith(f":{inode}") for f in fields):
            return True
    return False


def test_an_erasure_committing_while_a_backup_begins_never_gets_a_backup_key_made_again(
    wren: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """The backup is held just after its first read (its snapshot, from before the erasure; the person still in
    it), under backup-keys.json's lock; the erasure commits meanwhile, then waits for that lock to forget the
    person's backup key. The backup reads the key still there, so the person is in it wholly, sealed under a key
    that no file keeps once the erasure has forgotten it. Had the backup read the people and their keys under two
    locks (or none), the erasure would have forgotten the key between the two, and the backup would have made the
    person a new one, kept in backup-keys.json: the erased person brought back by restoring it."""
    assert backup_keys.keys_for([wren.pk], create=True)  # made by an earlier backup
    mid, go = threading.Event(), threading.Event()
    real = backup_keys.keys_for_backup

    def held(holders: Any) -> Any:
        def first_read() -> list[int]:
            found = list(holders())
            mid.set()
            go.wait(WAIT_S)
            return found

        return real(first_read)

    monkeypatch.setattr(backup_keys, "keys_for_backup", held)
    during = tmp_path / "during.json.gz"
    backing_up, backed_up = on_own_connection("backed up", lambda: create_backup(during))
    erasing, erased = _erasure(wren)
    try:
        backing_up.start()
        _wait(mid, "the backup's first read")
        erasing.start()
        deadline = time.monotonic() + WAIT_S  # until the erasure has committed and waits for the key file
        lock_file = backup_keys.path().with_suffix(".lock")
        while time.monotonic() < deadline and erasing.is_alive() and not _waits_on(lock_file):
            time.sleep(0.05)
    finally:
        go.set()
        backing_up.join(WAIT_S)
        erasing.join(WAIT_S)
    assert backed_up == ["backed up"] and erased == ["erased"]
    assert not User.objects.filter(pk=wren.pk).exists()
    assert _person_in(during, wren.pk) == WHOLE  # its snapshot began before the erasure committed
    assert backup_keys.keys_for([wren.pk], create=False) == {}, "the erased person has a backup key again"
