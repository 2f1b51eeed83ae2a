"""Review r36: what an analyzer's version bump (risk 2.5.1 → 2.5.2, people 1.6.0 → 1.7.2) does to stored analyses."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest

from reverie.clinic.models import Entry, EntryScreen, StoredAnalysis
from reverie.clinic.services import analysis, journal

pytestmark = pytest.mark.django_db

NOW = {"risk": "2.5.2:r", "people": "1.7.2:p"}
OLD = {"risk": "2.5.1:r", "people": "1.6.0:p"}
DREAMS = {"dreams": "1.0.0:d"}  # the dream coder applies to dreams only (applies_to={"dream"})


def _fake_pipeline(monkeypatch: Any) -> None:
    """The analyzers as installed now: the dream coder reads dreams only, as its declaration says."""
    from reverie.analysis import pipeline

    def declared_versions(kind: str = "free_association") -> dict[str, str]:
        return {**NOW, **(DREAMS if kind == "dream" else {})}

    monkeypatch.setattr(pipeline, "declared_versions", declared_versions)


def _entry(client: Any, kind: str, body: str) -> Entry:
    view = journal.create_entry(client, journal.EntryDraft(kind=kind, body=body))
    return Entry.objects.get(pk=view.id)


def _stored(entry: Entry, analyzers: dict[str, str], level: str = "none") -> StoredAnalysis:
    return StoredAnalysis.objects.create(
        entry=entry, revision=entry.revision, analyzers=analyzers, risk_level=level, payload=b"x"
    )


def test_a_dream_analysed_by_the_current_analyzers_is_not_stale(make_user: Any, monkeypatch: Any) -> None:
    """A dream analysed by today's analyzers (the dream coder included) is not read as out of date by reanalyse."""
    _fake_pipeline(monkeypatch)
    client = make_user(role="client")
    dream = _entry(client, "dream", "A boat in fog.")
    _stored(dream, {**NOW, **DREAMS})  # what the worker stores for a dream now
    assert [e.id for e in analysis.stale_entries()] == []


def test_reanalyse_redoes_risk_entries_first(make_user: Any, monkeypatch: Any) -> None:
    """After a bump, reanalyse redoes entries whose screen was not "none" before the quiet backlog (as queue_waiting)."""
    _fake_pipeline(monkeypatch)
    client = make_user(role="client")
    risky = _entry(
        client, "free_association", "Another entry."
    )  # the oldest: the newest come first otherwise
    quiet = [_entry(client, "free_association", f"A walk by the river, day {n}.") for n in range(3)]
    for entry in [*quiet, risky]:
        _stored(entry, OLD)
    assert EntryScreen.objects.filter(entry=risky).update(level="ideation") == 1
    order: list[Any] = []
    monkeypatch.setattr(analysis, "analyse_stored_entry", lambda entry_id, revision: order.append(entry_id))
    analysis.reanalyse()
    assert order[0] == risky.id


def test_reanalyse_keeps_going_and_keeps_findings_when_one_entry_fails(
    make_user: Any, monkeypatch: Any
) -> None:
    """One entry whose re-analysis fails keeps its stored findings and does not stop the others being redone."""
    _fake_pipeline(monkeypatch)
    client = make_user(role="client")
    first, second = (_entry(client, "free_association", f"Entry {n}.") for n in range(2))
    _stored(first, OLD, level="ideation")
    _stored(second, OLD)
    done: list[Any] = []

    def redo(entry_id: Any, revision: int) -> None:
        if entry_id == first.id:
            raise RuntimeError("the key cannot be read now")
        done.append(entry_id)

    monkeypatch.setattr(analysis, "analyse_stored_entry", redo)
    with contextlib.suppress(RuntimeError):
        analysis.reanalyse()
    assert StoredAnalysis.objects.filter(entry=first).exists(), (
        "the old findings were deleted and not replaced"
    )
    assert done == [second.id]


def test_a_version_bump_is_picked_up_without_an_operator(make_user: Any, monkeypatch: Any) -> None:
    """Entries analysed by an older analyzer version are queued again (as waiting ones are), not left stale forever."""
    _fake_pipeline(monkeypatch)
    client = make_user(role="client")
    entry = _entry(client, "free_association", "A walk by the river.")
    _stored(entry, OLD)
    assert analysis.queue_waiting() == 1


def _queued() -> list[tuple[str, int]]:
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(task_path=analysis.reanalyse_entry_task.module_path)
    return [(row.args_kwargs["args"][0], row.priority) for row in rows.order_by("-priority", "enqueued_at")]


def test_the_heartbeat_queues_a_bounded_batch_risk_first_below_new_saves_never_twice(
    make_user: Any, monkeypatch: Any, background: None
) -> None:
    """The worker's upkeep thread queues entries analysed by older versions: risk first, below every new save's
    analysis, at most a batch queued at a time, an entry already queued not queued again."""
    from reverie.clinic.services import worker

    _fake_pipeline(monkeypatch)
    monkeypatch.setattr(analysis, "REANALYSIS_BATCH", 2)
    client = make_user(role="client")
    quiet = [_entry(client, "free_association", f"A walk by the river, day {n}.") for n in range(2)]
    risky = _entry(client, "free_association", "Another entry.")  # the newest
    for entry in [*quiet, risky]:
        _stored(entry, OLD)
    assert EntryScreen.objects.filter(entry=risky).update(level="ideation") == 1
    worker._queue_outdated()
    queued = _queued()
    assert [entry_id for entry_id, _ in queued] == [str(risky.id), str(quiet[0].id)]
    assert all(priority < worker.ANALYSIS_PRIORITY for _, priority in queued)  # new saves keep priority
    worker._queue_outdated()  # the batch is full and nothing ran: nothing more, nothing twice
    assert len(_queued()) == 2


def test_a_queued_reanalysis_swaps_the_findings_once(make_user: Any, monkeypatch: Any) -> None:
    """The queued re-analysis redoes an outdated entry (its old findings replaced, not kept beside) and, run again
    (delivery is at least once), leaves the now current one alone."""
    _fake_pipeline(monkeypatch)
    client = make_user(role="client")
    entry = _entry(client, "free_association", "A walk by the river.")
    old = _stored(entry, OLD)
    calls: list[Any] = []

    def redo(entry_id: Any, revision: int) -> None:
        calls.append(entry_id)
        StoredAnalysis.objects.filter(pk=old.pk).update(analyzers=NOW)

    monkeypatch.setattr(analysis, "analyse_stored_entry", redo)
    analysis.reanalyse_entry_task.call(str(entry.id), entry.revision)
    analysis.reanalyse_entry_task.call(str(entry.id), entry.revision)
    assert calls == [entry.id]


def test_doctor_counts_the_entries_waiting_for_reanalysis(make_user: Any, monkeypatch: Any) -> None:
    """``reverie doctor`` says how many entries wait for re-analysis: outdated ones, not current ones."""
    _fake_pipeline(monkeypatch)
    client = make_user(role="client")
    _stored(_entry(client, "free_association", "Old."), OLD)
    _stored(_entry(client, "free_association", "New."), NOW)
    _stored(_entry(client, "dream", "A boat in fog."), {**NOW, **DREAMS})
    assert analysis.outdated_count() == 1


def test_a_reanalysis_across_a_bump_at_the_same_level_raises_no_new_alert(paired: tuple[Any, Any]) -> None:
    """Re-analysing a risky entry after the risk analyzer's version changed, at the same level, raises no second
    alert and asks no second 'Are you safe?' (no crying wolf after an upgrade)."""

    from reverie.care.models import RiskAlert
    from reverie.care.services import alerts

    client, therapist = paired
    view = journal.create_entry(
        client, journal.EntryDraft(kind="reflection", body="I want to kill myself. Nobody would miss me.")
    )
    stored = analysis.analyse_stored_entry(view.id, view.revision)
    assert stored is not None
    check_in = alerts.pending_check_in(client)
    assert check_in is not None and RiskAlert.objects.count() == 1
    alerts.answer_check_in(client, check_in.id, "safe")
    alerts.acknowledge(therapist, RiskAlert.objects.get().id, "")
    bumped = {**stored.analyzers, "risk": "0.0.1:older"}
    StoredAnalysis.objects.filter(pk=stored.pk).update(analyzers=bumped)
    analysis.reanalyse()
    again = StoredAnalysis.objects.get(entry_id=view.id)
    assert again.analyzers != bumped and again.risk_level == stored.risk_level
    assert RiskAlert.objects.count() == 1
    assert alerts.pending_check_in(client) is None
    assert alerts.open_alerts(therapist) == []
