"""Review r38: the analysis task under failure (a worker killed after storing, a poison entry, lost workers)."""

from __future__ import annotations

import contextlib
from datetime import timedelta
from typing import Any

import pytest
import typer
from django.utils import timezone

from analysis_fakes import IDEATION, FakeAnalysis, risk_signal_busy
from reverie.care.models import RiskAlert
from reverie.clinic.models import StoredAnalysis
from reverie.clinic.services import analysis, journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db

QUIET = "We walked to the market and bought apples for the week."


def _reads_ideation(monkeypatch: pytest.MonkeyPatch) -> None:
    import reverie.analysis.pipeline as pipeline

    monkeypatch.setattr(pipeline, "analyse", lambda *a, **k: FakeAnalysis([IDEATION]))


class _Killed(BaseException):
    """The worker process dying (SIGKILL, out of memory) at this point."""


def test_killed_after_storing_the_analysis_the_rerun_task_still_raises_the_risk_alert(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full analysis reading ideation raises the alert even when the worker died between storing it and the hook, and the lease requeued the task."""
    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="free_association", body=QUIET))
    assert not RiskAlert.objects.filter(client=alice).exists()  # the save-time screen read nothing
    _reads_ideation(monkeypatch)
    hooks = list(analysis.after_analysis_hooks)

    def killed(*args: Any) -> None:
        raise _Killed

    monkeypatch.setattr(analysis, "after_analysis_hooks", [killed, *hooks])
    with pytest.raises(_Killed):
        analysis.analyse_entry_task.call(str(view.id), view.revision)
    assert StoredAnalysis.objects.get(entry_id=view.id).risk_level == "ideation"
    monkeypatch.setattr(analysis, "after_analysis_hooks", hooks)
    analysis.analyse_entry_task.call(str(view.id), view.revision)  # the requeued task, on another worker
    assert RiskAlert.objects.filter(client=alice).exists()


def test_a_hook_failure_after_storing_leaves_the_risk_alert_owed_not_lost(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the risk hook fails once (the database busy) after the analysis is stored, the alert is retried, not lost for good."""

    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="free_association", body=QUIET))
    _reads_ideation(monkeypatch)
    risk_signal_busy(monkeypatch)
    analysis.analyse_entry_task.call(str(view.id), view.revision)  # logged by type, swallowed
    # what the worker's heartbeat and every later path do afterwards
    from reverie.clinic.services import risk_screen

    risk_screen.settle_owed()
    analysis.queue_waiting()
    analysis.analyse_entry_task.call(str(view.id), view.revision)
    assert RiskAlert.objects.filter(client=alice).exists()


def _doctor_says(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    from reverie.cli import runtime
    from reverie.cli.doctor_cmds import doctor

    monkeypatch.setattr(runtime, "_ready", True)
    capsys.readouterr()
    with contextlib.suppress(typer.Exit, SystemExit):
        doctor(quarantine=False)
    return capsys.readouterr().out


def test_an_entry_whose_analysis_always_fails_is_reported_by_doctor(
    make_user: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    leased_background: None,
    django_capture_on_commit_callbacks: Any,
) -> None:
    """An entry whose analysis fails every time is not dropped silently: `reverie doctor` says an entry is left unanalysed."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    import reverie.analysis.pipeline as pipeline

    alice = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        view = journal.create_entry(alice, EntryDraft(kind="free_association", body=QUIET))

    def poison(*args: Any, **kwargs: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(pipeline, "analyse", poison)
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1
    analysis.analyse_entry_task.call(
        str(view.id), view.revision
    )  # what the worker runs for that row: the task
    # ends "successful" (the exception is swallowed), nothing queues it again (only a restore does), and the
    # Patterns page says "still reading" for ever
    assert StoredAnalysis.objects.count() == 0 and analysis.pending_count(alice) == 1
    said = _doctor_says(monkeypatch, capsys)
    assert "analys" in said.lower() and "1" in said, said


def test_a_task_failed_after_three_lost_workers_is_reported_by_doctor(
    make_user: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    leased_background: None,
    django_capture_on_commit_callbacks: Any,
) -> None:
    """A task marked failed because it killed three workers (a poison entry) shows in `reverie doctor`, not only in the tasks table."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from reverie.clinic.services import worker

    alice = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        journal.create_entry(alice, EntryDraft(kind="free_association", body=QUIET))
    DBTaskResult.objects.update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(seconds=600),
        worker_ids=["a", "b", "c"],
    )
    assert worker.requeue_expired().failed == 1
    said = _doctor_says(monkeypatch, capsys)
    assert "fail" in said.lower() or "not analysed" in said.lower(), said
