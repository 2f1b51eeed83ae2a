"""A moved journal (export, import into a fresh Reverie) keeps when each entry's current version was saved (review
r127, 5: the export carried only the earlier versions' moments)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft
from reverie.journal.interchange import dump_reverie_json

pytestmark = [pytest.mark.django_db, pytest.mark.db]


@pytest.fixture
def running(paired: Any, monkeypatch: Any) -> Any:
    """A DIT course in its seventh week, its clock movable (tests/course_week.py)."""
    from course_week import running_course

    return running_course(paired, monkeypatch)


def test_the_moment_the_current_version_was_saved_comes_across(running: Any, make_user: Any) -> None:
    """A client writes a dream on 10 February, edits it on the 11th and again on the 12th; the entry (the API's
    ``updated_at``) says its current version was saved on the 12th. After export and import into a fresh Reverie
    the same entry says the 11th: the export holds when each *earlier* version was saved, never when the current one
    was, and the import takes the last earlier version's moment for it. The date of the words they now read is lost
    in the move, and nothing says so."""
    client, _therapist, _course, clock = running
    fresh = make_user()
    entry = journal.create_entry(client, EntryDraft(kind="dream", body="A house with many doors."))
    clock.at = clock.at + timedelta(days=1)
    journal.update_entry(
        client, entry.id, EntryDraft(kind="dream", body="A house with many doors. I opened one.")
    )
    clock.at = clock.at + timedelta(days=1)
    journal.update_entry(client, entry.id, EntryDraft(kind="dream", body="A house; I opened the blue door."))
    before = journal.get_entry(client, entry.id)
    portability.import_journal(fresh, dump_reverie_json(portability.export_journal(client)))
    (moved,) = journal.list_entries(fresh)
    after = journal.get_entry(fresh, moved.id)
    assert after.body == before.body
    assert after.written_at == before.written_at
    assert after.updated_at == before.updated_at  # 12 February; the import gives 11 February
