"""h78 item 3: ``reverie restore /dev/stdin`` (or any pipe) took its caps from ``stat()``, whose size is 0 for a
pipe: the file cap (``MAX_BACKUP_BYTES``) was never applied, and the unpacked cap fell to its floor
(``MIN_UNPACK_CAP``), so a real backup piped in that unpacks past the floor was refused as "damaged". On a pipe the
caps now count the bytes read."""

from __future__ import annotations

import gzip
import os
import random
import threading
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from reverie.clinic.models import Entry
from reverie.clinic.services import backup, journal
from reverie.clinic.services.backup import create_backup, restore_backup
from reverie.errors import InvalidInput

pytestmark = [pytest.mark.db, pytest.mark.django_db(transaction=True)]


def _piped(tmp_path: Path, data: bytes) -> tuple[Path, threading.Thread, list[int]]:
    """A FIFO a thread writes ``data`` into (as ``… | reverie restore /dev/stdin``); ``written`` gets what the reader
    took before it closed."""
    fifo = tmp_path / "stdin"
    os.mkfifo(fifo)
    written: list[int] = []

    def feed() -> None:
        sent = 0
        with fifo.open("wb", buffering=0) as pipe:
            try:
                for start in range(0, len(data), 65536):
                    sent += pipe.write(data[start : start + 65536]) or 0
            except BrokenPipeError:
                pass
        written.append(sent)

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    return fifo, thread, written


def _backup_with_entries(make_user: Any, tmp_path: Path) -> bytes:
    client = make_user()
    rng = random.Random(78)
    for n in range(12):
        words = " ".join(rng.choice(["tide", "boat", "lamp", "rope", "gull"]) for _ in range(600))
        journal.create_entry(client, journal.EntryDraft(kind="reflection", body=f"{n}: {words}"))
    path = tmp_path / "real.json.gz"
    create_backup(path)
    return path.read_bytes()


def test_a_real_backup_piped_in_is_restored_past_the_unpacked_floor(
    make_user: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The floor set below this backup's unpacked size (as 64 MiB is below a large real one's): through a file
    it restores (100 times its size), and through a pipe it must too."""
    data = _backup_with_entries(make_user, tmp_path)
    assert len(gzip.decompress(data)) > 64 * 1024
    monkeypatch.setattr(backup, "MIN_UNPACK_CAP", 64 * 1024)
    call_command("flush", interactive=False, verbosity=0)
    fifo, thread, _ = _piped(tmp_path, data)
    done = restore_backup(fifo)
    thread.join(10)
    assert done.people == 1 and Entry.objects.count() == 12


def test_a_pipe_over_the_backup_cap_is_refused_once_that_much_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db: Any
) -> None:
    """A stream larger than any backup (here, the cap set to 1 MiB; 4 GiB as shipped) is refused as too large once
    past the cap, not read to its end."""
    monkeypatch.setattr(backup, "MAX_BACKUP_BYTES", 1024**2)
    noise = random.Random(78).randbytes(8 * 1024**2)  # does not compress: 8 MiB stays about 8 MiB
    fifo, thread, written = _piped(tmp_path, gzip.compress(noise, compresslevel=1))
    with pytest.raises(InvalidInput, match="too large to be a Reverie backup"):
        restore_backup(fifo)
    thread.join(10)
    assert written and written[0] < 3 * 1024**2, written
