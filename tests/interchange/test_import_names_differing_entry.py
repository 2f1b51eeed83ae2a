"""Review r127: a person corrects a word in their exported file by hand and imports it again; the import keeps the
stored entry (never overwritten) and says that "1 entry in the file differs", but not which one, so the person
cannot find the words of theirs that were not imported."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft
from reverie.journal.interchange import dump_reverie_json

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def test_an_entry_of_the_file_not_imported_because_it_differs_is_named(make_user: Any) -> None:
    """Thirty entries exported; the person fixes a typo in the twelfth, in the file, and imports it. The report
    says "1 entry in the file differs from the one here; the one here was kept." and nothing else: neither its place
    in the file (``entries[11]``), nor its date or kind. Every other message of an import names the part it is
    about (``entries[3] repeats an earlier id``); this one, about words of theirs left out, names none."""
    client = make_user()
    start = datetime(2026, 1, 1, 21, 0, tzinfo=UTC)
    for day in range(30):
        journal.create_entry(
            client,
            EntryDraft(
                kind="reflection",
                body=f"Evening {day}: a walk by the river.",
                happened_at=start + timedelta(days=day),
            ),
        )
    document = json.loads(dump_reverie_json(portability.export_journal(client)))
    document["entries"][11]["body"] = document["entries"][11]["body"].replace("river", "canal")
    report = portability.import_journal(client, json.dumps(document, ensure_ascii=False).encode("utf-8"))
    assert (report.created, report.skipped, report.differ) == (0, 30, 1)
    said = " ".join((*report.notes, *report.problems))
    assert "canal" not in said  # never the words
    named = "entries[11]" in said or "12 Jan 2026" in said or "2026-01-12" in said
    assert named, said
