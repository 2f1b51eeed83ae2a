"""Review r39: the client's patterns page after an edit counts only the words the entry holds now."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest


@pytest.mark.django_db
def test_the_clients_patterns_do_not_count_words_an_edit_took_out(make_user: Any) -> None:
    """After an edit, the patterns page counts nothing from the entry's old words: like the entry page, it waits
    for the analysis of the words the entry holds now."""
    from reverie.clinic.models import StoredAnalysis
    from reverie.clinic.services import analysis, insights, journal, keys, observations
    from reverie.clinic.services.journal import EntryDraft

    client = make_user("r39client")
    view = journal.create_entry(
        client,
        EntryDraft(
            kind="reflection",
            body="I felt furious with my mother.",
            happened_at=datetime(2026, 1, 5, 20, tzinfo=UTC),
        ),
    )
    result = {
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
    sealed = keys.seal_for(
        client, analysis._result_id(view.id, 1), analysis.RESULT_PURPOSE, json.dumps(result).encode()
    )
    StoredAnalysis.objects.create(entry_id=view.id, revision=1, analyzers={}, payload=sealed)
    # three more analysed entries, sad ones: the patterns show from three analysed entries on (h136), so the view
    # after the edit (the edited entry waiting) still shows its figures and the check below can fail
    for day in (6, 7, 8):
        other = journal.create_entry(
            client,
            EntryDraft(
                kind="reflection", body="A sad day.", happened_at=datetime(2026, 1, day, 20, tzinfo=UTC)
            ),
        )
        sad = json.loads(json.dumps(result))
        sad["findings"][0]["label"] = "sadness"
        payload = keys.seal_for(
            client, analysis._result_id(other.id, 1), analysis.RESULT_PURPOSE, json.dumps(sad).encode()
        )
        StoredAnalysis.objects.create(entry_id=other.id, revision=1, analyzers={}, payload=payload)
    before = json.dumps(insights.view_for(client).to_json())
    assert "anger" in before  # the first words' feeling is counted

    journal.update_entry(client, view.id, EntryDraft(kind="reflection", body="A quiet walk by the canal."))
    assert observations.noticed(client, view.id) is None  # the entry page shows nothing from the old words
    after = json.dumps(insights.view_for(client).to_json())
    assert "sadness" in after  # the figures still show (three analysed entries)
    assert "anger" not in after  # before: "1 different feelings appear in what you wrote; most often anger"
