"""a revision that carried its analysis forward (h56) is read as that revision, not the one before."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest


def _anger() -> dict[str, Any]:
    return {
        "schema": "reverie.analysis/1",
        "kind": "reflection",
        "truncated": False,
        "notes": [],
        "analyzers": {"emotions": "1.15.0:x"},
        "findings": [
            {
                "analyzer": "emotions",
                "version": "1.15.0",
                "model_hash": "x",
                "kind": "emotion",
                "label": "anger",
                "confidence": 0.95,
                "spans": [[0, 30]],
                "data": {"scope": "entry", "stated": True, "sentences": 1, "intensity": 4},
            }
        ],
    }


@pytest.mark.django_db
def test_patterns_after_a_date_edit_read_the_new_date(make_user: Any) -> None:
    """After an edit of the date only (analysis carried forward), the client's patterns equal those built afresh."""
    from reverie.clinic.models import StoredAnalysis
    from reverie.clinic.services import analysis, insights, journal, keys
    from reverie.clinic.services.journal import EntryDraft

    client = make_user("dateedits")
    body = "I felt furious with my mother."
    view = journal.create_entry(
        client, EntryDraft(kind="reflection", body=body, happened_at=datetime(2026, 1, 5, 20, tzinfo=UTC))
    )
    sealed = keys.seal_for(
        client, analysis._result_id(view.id, 1), analysis.RESULT_PURPOSE, json.dumps(_anger()).encode()
    )
    StoredAnalysis.objects.create(entry_id=view.id, revision=1, analyzers={}, payload=sealed)
    for day in (6, 7):  # the page shows its figures from MIN_ENTRIES (3) analysed entries on (h136)
        other = journal.create_entry(
            client,
            EntryDraft(kind="reflection", body=body, happened_at=datetime(2026, 1, day, 20, tzinfo=UTC)),
        )
        payload = keys.seal_for(
            client, analysis._result_id(other.id, 1), analysis.RESULT_PURPOSE, json.dumps(_anger()).encode()
        )
        StoredAnalysis.objects.create(entry_id=other.id, revision=1, analyzers={}, payload=payload)
    insights.view_for(client)  # the patterns page read once: the client's insight state is built

    journal.update_entry(
        client,
        view.id,
        EntryDraft(kind="reflection", body=body, happened_at=datetime(2025, 7, 14, 20, tzinfo=UTC)),
    )
    assert StoredAnalysis.objects.get(entry_id=view.id).revision == 2  # carried forward (h56)
    cached = json.dumps(insights.view_for(client).to_json(), sort_keys=True)
    insights.forget(client.pk)
    fresh = json.dumps(insights.view_for(client).to_json(), sort_keys=True)
    assert '"2025-Q3"' in cached  # before: still counted in 2026-Q1, the date the edit replaced
    assert cached == fresh
