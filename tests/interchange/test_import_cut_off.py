"""An import cut off half-way by another save (the database busy past its wait) says how many of the file's entries
are now stored and that importing the same file again brings in the rest, never twice (review r127, point 9: it
said "Not saved", though the batches before it were stored)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.db import OperationalError

from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import failure_of
from reverie.journal.interchange import dump_reverie_json

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def test_an_import_stopped_by_a_busy_database_says_what_it_stored(make_user: Any, monkeypatch: Any) -> None:
    """A person imports a journal into a fresh Reverie while the worker (or another program) holds the write lock
    past SQLite's wait, during the import's second batch. Imports commit in batches (``IMPORT_BATCH``), so the
    first batch stays; the person is told what every door says of a busy database: "Not saved: the database is busy
    ... try again in a moment", with no word of the entries that were stored, so they believe nothing came across
    and may leave it half there. Now told how many are here and what to do; and doing it (the same file again)
    brings in the other three, none twice. (Batches of two here, the third entry's save meeting the lock.)"""
    client, fresh = make_user(), make_user()
    start = datetime(2026, 1, 1, 21, 0, tzinfo=UTC)
    for day in range(5):
        journal.create_entry(
            client, EntryDraft(kind="dream", body=f"Dream {day}.", happened_at=start + timedelta(days=day))
        )
    data = dump_reverie_json(portability.export_journal(client))

    monkeypatch.setattr(portability, "IMPORT_BATCH", 2)
    stored = portability._store_imported
    calls = itertools.count(1)

    def busy_on_the_third(*args: Any, **kwargs: Any) -> Any:
        if next(calls) == 3:
            raise OperationalError("database is locked")
        return stored(*args, **kwargs)

    monkeypatch.setattr(portability, "_store_imported", busy_on_the_third)
    with pytest.raises(Exception) as caught:
        portability.import_journal(fresh, data)
    said = failure_of(caught.value) or caught.value
    message = getattr(said, "message", str(said))
    here = len(journal.list_entries(fresh))
    assert here in (0, 5) or str(here) in message, (here, message)
    assert here == 2 and "the first 2 of the file's 5 entries are in your journal now" in message, message
    assert "Import the same file again to bring in the rest" in message and "database is busy" in message
    assert "Dream" not in message  # never the words

    monkeypatch.setattr(portability, "_store_imported", stored)  # the lock gone: the same file again
    again = portability.import_journal(fresh, data)
    assert (again.created, again.skipped, again.differ) == (3, 2, 0)
    bodies = sorted(journal.get_entry(fresh, row.id).body for row in journal.list_entries(fresh))
    assert bodies == [f"Dream {day}." for day in range(5)]  # each once
