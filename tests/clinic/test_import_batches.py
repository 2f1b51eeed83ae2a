"""r14 (moved from tests/review_r14): what an import does must not depend on where its batches fall."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from reverie.clinic.models import Entry
from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft
from reverie.journal.interchange import dump_reverie_json

pytestmark = pytest.mark.django_db

WHEN = datetime(2026, 2, 3, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize("batch", [200, 1])
def test_two_identical_entries_of_a_file_one_here_by_content_add_one_in_any_batching(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    """A file holds two identical entries under ids not held here (a round trip A -> B -> A, where ids change);
    this person holds one entry of those words. Each stored entry accounts for one entry of the file
    (``_match``'s counter, import_journal's docstring), so one is skipped and one added - when both are in one
    batch. ``_stored_fingerprints`` is counted afresh for each batch and the stored entry is neither this import's
    own nor claimed by id, so in the next batch it accounts for the second copy again: both are skipped, and the
    second is silently not imported. Entry 200 and 201 of a real file are enough."""
    alice = make_user()
    journal.create_entry(alice, EntryDraft(kind="dream", title="The house", body="doors", happened_at=WHEN))
    document = json.loads(dump_reverie_json(portability.export_journal(alice)))
    (entry,) = document["entries"]
    document["entries"] = [
        {**entry, "id": "d6a1c3f2-0b8e-4c55-9a77-2f3e1d4c5b6a"},
        {**entry, "id": "0f0e8a52-3c1d-4b7e-8e21-5a9c7d6b4e3f"},
    ]
    monkeypatch.setattr(portability, "IMPORT_BATCH", batch)
    report = portability.import_journal(alice, json.dumps(document).encode())
    assert (report.created, report.skipped) == (1, 1), f"batch {batch}: {report.created} created"
    assert Entry.objects.filter(client=alice).count() == 2
