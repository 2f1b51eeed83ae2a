"""Review r38: findings of an earlier revision served for an entry edited since (the worker not there yet)."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.clinic.services import analysis, journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db

FIRST = "My brother Tom shouted at me at dinner."
EDITED = "Dinner was quiet. Later I read for an hour and slept well."


class _Result:
    analyzers = {"people": "1.0:x"}

    def to_json(self) -> dict[str, Any]:
        span = [FIRST.index("Tom"), FIRST.index("Tom") + 3]
        person = {
            "analyzer": "people",
            "version": "1.0",
            "model_hash": "x",
            "kind": "person",
            "label": "brother",
            "confidence": 0.9,
            "spans": [span],
            "data": {},
        }
        return {"findings": [person], "analyzers": dict(self.analyzers), "notes": []}


def test_findings_of_an_earlier_revision_are_not_served_as_ready_for_the_edited_text(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an edit the entry's findings (API GET /entries/{id}/findings) are pending until its new revision is analysed, not the old revision's spans on the new text."""
    import reverie.analysis.pipeline as pipeline

    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="reflection", body=FIRST))
    monkeypatch.setattr(pipeline, "analyse", lambda *a, **k: _Result())
    analysis.analyse_stored_entry(view.id, 1)
    edited = journal.update_entry(alice, view.id, EntryDraft(kind="reflection", body=EDITED), base_revision=1)
    assert edited.revision == 2
    found = analysis.findings_for(alice, view.id)  # what the API's findings route returns as status "ready"
    spans = [] if found is None else [tuple(s) for f in found.result["findings"] for s in f["spans"]]
    quoted = [EDITED[a:b] for a, b in spans]
    assert found is None or found.revision == edited.revision, (
        f"revision {found.revision} served for revision {edited.revision}; its spans now quote {quoted!r}"
    )
