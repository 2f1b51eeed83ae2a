"""The person erases their account (another tab, the command line) while a long import of theirs is still committing
its batches: the import is told the erasure's own words, "this account was erased ... nothing of it was saved or
kept" (``AccountErased``, E410, ``people.unless_erased`` as every other save since review r124), never a clash to try
again (review r127, point 10)."""

from __future__ import annotations

import itertools
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.db import connection

from reverie.clinic.models import ClientKey, Entry, User
from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import AccountErased, failure_of
from reverie.journal.interchange import dump_reverie_json

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db]
PASSWORD = "a long test password"


def test_an_import_met_by_the_erasure_of_its_account_says_so_and_keeps_nothing(
    make_user: Any, monkeypatch: Any
) -> None:
    """Five entries imported in batches of two; the person's erasure commits after the first batch. The second
    batch fails on the rows the erasure removed; the person was told "Not saved: this clashed with a change saved
    at the same moment ... try again" (a ``Conflict``), an invitation to import into an account that no longer
    exists, nor that the first batch is stored (it is not: erased). Now the erasure's own words; nothing kept."""
    source, person = make_user(), make_user()
    start = datetime(2026, 1, 1, 21, 0, tzinfo=UTC)
    for day in range(5):
        journal.create_entry(
            source, EntryDraft(kind="dream", body=f"Dream {day}.", happened_at=start + timedelta(days=day))
        )
    data = dump_reverie_json(portability.export_journal(source))
    person_id = person.pk

    monkeypatch.setattr(portability, "IMPORT_BATCH", 2)
    screens = portability._screens
    calls = itertools.count(1)

    def erase_elsewhere() -> None:  # another tab's request: its own thread and database connection
        try:
            same = User.objects.get(pk=person_id)
            portability.erase_client(same, same.username, PASSWORD)
        finally:
            connection.close()

    def erased_after_the_first(actor: Any, rows: Any) -> Any:
        if next(calls) == 2:  # between two batches, outside either's transaction
            other = threading.Thread(target=erase_elsewhere)
            other.start()
            other.join()
            assert not User.objects.filter(pk=person_id).exists()  # the erasure committed
        return screens(actor, rows)

    monkeypatch.setattr(portability, "_screens", erased_after_the_first)
    with pytest.raises(Exception) as caught:
        portability.import_journal(person, data)
    assert not Entry.objects.filter(client_id=person_id).exists()
    assert not ClientKey.objects.filter(client_id=person_id).exists()
    said = caught.value if isinstance(caught.value, AccountErased) else failure_of(caught.value)
    assert isinstance(said, AccountErased), (
        type(caught.value).__name__,
        getattr(said, "message", caught.value),
    )
    assert said.code == "E410" and "part-way" not in said.message
