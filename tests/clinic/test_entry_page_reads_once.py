"""The entry page reads the entry's current analysis once for its risk note and its "What Reverie noticed" panel,
and the entry itself no third time for the panel (issue 16, web under load: ``observations.seen_by``). Counted in
queries, never timed; the page shows what it showed, and the panel's read is audited as before."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reverie.clinic.models import AuditEvent
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db


def _reads(queries: Any, table: str) -> int:
    return sum(1 for q in queries.captured_queries if q["sql"].startswith(f'SELECT "{table}"."id"'))


def _fetch(web_as: Any, user: Any, entry_id: Any, show: bool = False) -> tuple[str, Any]:
    browser = web_as(user)
    path = f"/journal/{entry_id}/" + ("?show=1" if show else "")
    browser.get(path)
    with CaptureQueriesContext(connection) as queries:
        page = browser.get(path)
    assert page.status_code == 200
    return page.content.decode(), queries


def test_entry_page_not_analysed_reads_entry_twice_and_analysis_once(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="free_association", body="A quiet walk by the river."))
    html, queries = _fetch(web_as, alice, view.id)
    assert "A quiet walk by the river." in html
    assert _reads(queries, "clinic_storedanalysis") == 1  # before: 2 (the risk note, then the panel)
    assert _reads(queries, "clinic_entry") == 2  # the page's reading and the panel's check; before: 3


def test_entry_page_analysed_panel_and_risk_note_from_one_reading(make_user: Any, web_as: Any) -> None:
    from test_observation_feedback import _analysed

    alice = make_user()
    view = _analysed(alice)
    before = AuditEvent.objects.filter(action="analysis.read").count()
    html, queries = _fetch(web_as, alice, view.id, show=True)
    assert 'id="risk-note"' in html and 'id="noticed"' in html
    assert _reads(queries, "clinic_storedanalysis") == 1
    assert _reads(queries, "clinic_entry") == 2
    # the panel's read audited once a showing, as before (the warm-up's and the counted one)
    assert AuditEvent.objects.filter(action="analysis.read").count() == before + 2
