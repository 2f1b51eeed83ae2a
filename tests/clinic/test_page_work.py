"""Work per page (issue 16, the web under load): a search decrypts entries only until its page is full; the
feelings calendar decrypts only the weeks it shows and reads their stored analyses in one query, not one each."""

from __future__ import annotations

import json
import sys
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reverie.clinic.models import StoredAnalysis
from reverie.clinic.services import analysis, audit, insights, journal, keys
from reverie.clinic.services.journal import EntryDraft, Feeling
from reverie.insights.highlights import feeling_calendar

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "insights"))
from observation_data import TEXT, result

pytestmark = pytest.mark.django_db
START = datetime(2026, 1, 5, 9, tzinfo=UTC)  # a Monday


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Decryptions by purpose: a spy on ``keys.open_for`` that still decrypts."""
    count: Counter[str] = Counter()
    real = keys.open_for

    def spy(client: Any, record_id: str, purpose: str, blob: bytes | memoryview) -> bytes:
        count[purpose] += 1
        return real(client, record_id, purpose, blob)

    monkeypatch.setattr(keys, "open_for", spy)
    return count


def _write(client: Any, n: int, *, every_days: int, body: Any = None, analysed: bool = False) -> list[Any]:
    views = []
    for i in range(n):
        text = body(i) if callable(body) else (body or f"A plain day, number {i}.")
        view = journal.create_entry(
            client,
            EntryDraft(
                kind="free_association",
                body=text,
                happened_at=START + timedelta(days=every_days * i),
                feelings=(Feeling("joy", 1 + i % 5),)
                if i % 4
                else (Feeling("sadness", 3), Feeling("relief", 2)),
            ),
        )
        if analysed:
            sealed = keys.seal_for(
                client,
                analysis._result_id(view.id, 1),
                analysis.RESULT_PURPOSE,
                json.dumps(result()).encode(),
            )
            StoredAnalysis.objects.create(entry_id=view.id, revision=1, analyzers={}, payload=sealed)
        views.append(view)
    return views


def test_a_search_decrypts_only_until_its_page_is_full(make_user: Any, opened: Counter[str]) -> None:
    """Before: every entry was decrypted to answer any search (300 for the load bench's client), whatever the page."""
    alice = make_user()
    _write(
        alice,
        30,
        every_days=1,
        body=lambda i: f"Day {i}: " + ("the lighthouse again." if i % 3 == 0 else "work."),
    )
    everything = [v.id for v in journal.list_entries(alice, query="LIGHTHOUSE")]
    assert len(everything) == 10
    opened.clear()
    first = journal.list_entries(alice, query="lighthouse", limit=3)
    assert [v.id for v in first] == everything[:3]
    # Newest first: days 29, 28, 27 (a match), … 21 (the third match): nine decrypted, not thirty.
    assert opened["entry.payload"] == 9
    second = journal.list_entries(alice, query="lighthouse", limit=3, offset=3)
    assert [v.id for v in second] == everything[3:6]
    assert [v.id for v in journal.list_entries(alice, query="lighthouse", offset=8)] == everything[8:]


@pytest.mark.django_db(
    transaction=True
)  # autocommit, as in a request: the audit write opens its own transaction
def test_a_search_that_stops_early_survives_a_write_by_someone_else(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: the search stopped half-way through a streaming cursor and left it open; on SQLite (WAL) that open
    read could not become the audit event's write once another connection had written meanwhile ("database is
    locked" at once): under bench/web_load.py every search page answered 500. Now rows are read in whole chunks."""
    alice, bob = make_user(), make_user()
    _write(alice, 60, every_days=1, body=lambda i: f"Day {i}: the lighthouse.")
    real = keys.open_for
    written: list[int] = []

    def open_while_someone_writes(
        client: Any, record_id: str, purpose: str, blob: bytes | memoryview
    ) -> bytes:
        if not written:  # another request (its own connection) writes while this search reads
            writer = threading.Thread(target=_write_elsewhere, args=(bob, written))
            writer.start()
            writer.join()
        return real(client, record_id, purpose, blob)

    monkeypatch.setattr(keys, "open_for", open_while_someone_writes)
    assert len(journal.list_entries(alice, query="lighthouse", limit=2)) == 2
    written.clear()
    assert len(insights.feelings_calendar(alice, weeks=1)) == 1
    assert written == [1]


def _write_elsewhere(actor: Any, written: list[int]) -> None:
    try:
        audit.record(actor, "test.elsewhere", "test", "x")
        written.append(1)
    finally:
        connection.close()


def test_the_feelings_calendar_decrypts_only_the_weeks_it_shows(make_user: Any, opened: Counter[str]) -> None:
    """Before: it decrypted up to 400 entries (all 100 shared ones on the load bench's therapist page) to show
    six weeks."""
    alice = make_user()
    _write(alice, 40, every_days=3)  # 40 entries over 17 weeks, every one rated
    views = journal.list_entries(alice, limit=400)
    expected = feeling_calendar(
        [(v.happened_at, [(f.name, f.intensity) for f in v.feelings]) for v in views if v.feelings], weeks=6
    )
    opened.clear()
    calendar = insights.feelings_calendar(alice)
    assert calendar == expected and len(calendar) == 6
    shown = sum(1 for v in views if v.happened_at.date() >= min(w.start for w in calendar))
    assert shown < 16
    assert opened["entry.payload"] == shown + 1  # the weeks shown, and the one entry that is older than them


@pytest.mark.django_db(transaction=True)  # committed, as in a request: each data key is cached once opened
def test_the_feelings_calendar_reads_stored_analyses_in_one_query(make_user: Any) -> None:
    """Before: one query per analysed entry in the shown weeks (an N+1)."""
    few, many = make_user(), make_user()
    _write(few, 3, every_days=3, body=TEXT, analysed=True)
    _write(many, 9, every_days=3, body=TEXT, analysed=True)
    counts = []
    for person in (few, many):
        with CaptureQueriesContext(connection) as queries:
            calendar = insights.feelings_calendar(person)
        assert any(w.model for w in calendar)  # the model's reading is there
        counts.append(len(queries))
    assert counts[0] == counts[1]
