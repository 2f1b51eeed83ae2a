"""The patterns' state reads only the entries that have an analysis of their current revision (issue 16, web under
load: every entry of the client was loaded on each patterns page, then all but those dropped in Python). Counted in
queries, never timed; the analysed entries come back as before, in the entries' order."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reverie.clinic.services import insights, journal
from reverie.clinic.services.journal import EntryDraft

sys.path.insert(0, str(Path(__file__).resolve().parent))

pytestmark = pytest.mark.django_db


def _entry_reads(queries: Any) -> int:
    return sum(1 for q in queries.captured_queries if q["sql"].startswith('SELECT "clinic_entry"."id"'))


def _plain(client: Any, body: str) -> Any:
    return journal.create_entry(client, EntryDraft(kind="free_association", body=body))


def test_nothing_analysed_reads_no_entry(make_user: Any) -> None:
    alice = make_user()
    for n in range(5):
        _plain(alice, f"An evening walk, number {n}.")
    insights.forget(alice.pk)
    with CaptureQueriesContext(connection) as queries:
        state = insights.state_for(alice)
    assert _entry_reads(queries) == 0  # before: one read of all five entries, each dropped
    assert state.view("client").item_count == 0


def test_only_the_analysed_entries_in_their_order(make_user: Any) -> None:
    from test_observation_feedback import _analysed

    alice = make_user()
    _plain(alice, "Not analysed yet.")
    first = _analysed(alice)
    _plain(alice, "Not analysed either.")
    second = _analysed(alice)
    edited = _analysed(alice)  # its analysis is of revision 1: an edit leaves it without a current one
    journal.update_entry(alice, edited.id, EntryDraft(kind="free_association", body="Changed since."))
    found = [entry.id for entry, _ in insights._latest_analyses(alice)]
    assert found == [second.id, first.id]  # newest first, as the entries are ordered
    insights.forget(alice.pk)
    assert insights.state_for(alice).view("client").item_count == 2
