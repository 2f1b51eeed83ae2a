"""The session-prep page leads with the strongest patterns in plain words (dated links); the codes sit beside."""

from __future__ import annotations

import json
import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from reverie.clinic.models import StoredAnalysis
from reverie.clinic.services import analysis, journal, keys
from reverie.clinic.services.journal import EntryDraft

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "insights"))
from observation_data import TEXT, result

pytestmark = pytest.mark.django_db


def test_prep_page_summary_first_codes_beside(
    dit: tuple[Any, Any, Any], web_as: Any, monkeypatch: Any
) -> None:
    # As if the relationship analyzer cleared MIN_SCORE: today no summary, the prep page's included, counts an
    # episode (insights.shown, review r30: tests/care/test_prep_review_r30.py), so the page leads with no core theme.
    from dataclasses import replace

    from reverie.insights.observations import MIN_SCORE, SUPPORT

    monkeypatch.setitem(SUPPORT, "relationships", replace(SUPPORT["relationships"], score=MIN_SCORE))
    client, therapist, course = dit
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    for i in range(4):
        view = journal.create_entry(
            client, EntryDraft(kind="reflection", body=TEXT, happened_at=start + timedelta(days=i))
        )
        journal.set_shared(client, view.id, True)
        sealed = keys.seal_for(
            client, analysis._result_id(view.id, 1), analysis.RESULT_PURPOSE, json.dumps(result()).encode()
        )
        StoredAnalysis.objects.create(entry_id=view.id, revision=1, analyzers={}, payload=sealed)
    page = web_as(therapist).get(f"/courses/{course.id}/prep/").content.decode()
    summary = page.index("The strongest patterns in what was shared")
    details = page.index("the statements behind them, with their codes")
    assert summary < details
    block = page[summary:details]
    assert "In the relationship moments described" in block and "the client" in block
    assert re.search(r'href="/journal/[0-9a-f-]{36}/">\d{1,2} Jan</a>', block)
