"""Review r38: the heartbeat's re-analysis batches when one entry's re-analysis always fails."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.clinic.models import StoredAnalysis
from reverie.clinic.services import analysis, journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db


class _Result:
    def __init__(self, version: str) -> None:
        self.analyzers = {"people": version}

    def to_json(self) -> dict[str, Any]:
        return {"findings": [], "analyzers": dict(self.analyzers), "notes": []}


def test_one_entry_whose_reanalysis_always_fails_does_not_hold_back_the_others(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, background: None
) -> None:
    """An entry whose re-analysis fails every time is not queued again on every beat ahead of the rest: the other outdated entries get re-analysed."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    import reverie.analysis.pipeline as pipeline

    alice = make_user()
    poison = journal.create_entry(alice, EntryDraft(kind="reflection", body="The poison page of the week."))
    other = journal.create_entry(alice, EntryDraft(kind="reflection", body="A fine walk by the river today."))
    monkeypatch.setattr(pipeline, "analyse", lambda *a, **k: _Result("1.0:old"))
    analysis.analyse_stored_entry(poison.id, 1)
    analysis.analyse_stored_entry(other.id, 1)

    def upgraded(text: str, *args: Any, **kwargs: Any) -> Any:
        if "poison" in text:
            raise MemoryError  # this entry kills nothing, but fails every time
        return _Result("2.0:new")

    monkeypatch.setattr(pipeline, "analyse", upgraded)
    monkeypatch.setattr(analysis, "_versions", {})
    for _beat in range(5):  # five heartbeats, each followed by the worker running what was queued
        analysis.queue_outdated(batch=1)
        for row in DBTaskResult.objects.filter(status=TaskResultStatus.READY):
            analysis.reanalyse_entry_task.call(*row.args_kwargs["args"])
            row.status = TaskResultStatus.SUCCESSFUL
            row.save(update_fields=["status"])
    assert StoredAnalysis.objects.get(entry_id=other.id).analyzers == {"people": "2.0:new", "#format": "2"}
