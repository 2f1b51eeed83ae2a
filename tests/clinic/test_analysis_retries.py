"""A failed analysis is recorded (type only), retried a bounded number of times, and reported; the hooks rerun
until done, never twice; a worker child stopped by force is not counted as a lost worker."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from datetime import timedelta
from typing import Any

import pytest
import typer
from django.utils import timezone

from analysis_fakes import IDEATION, FakeAnalysis, risk_signal_busy
from reverie.care.models import RiskAlert
from reverie.clinic.models import AnalysisFailure, StoredAnalysis
from reverie.clinic.services import analysis, journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db

QUIET = "We walked to the market and bought apples for the week."


def _ready_tasks() -> list[list[Any]]:
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return [row.args_kwargs["args"] for row in DBTaskResult.objects.filter(status=TaskResultStatus.READY)]


def _doctor_says(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    from reverie.cli import runtime
    from reverie.cli.doctor_cmds import doctor

    monkeypatch.setattr(runtime, "_ready", True)
    capsys.readouterr()
    with contextlib.suppress(typer.Exit, SystemExit):
        doctor(quarantine=False)
    return capsys.readouterr().out


def test_a_failed_analysis_is_recorded_by_type_retried_with_a_growing_wait_and_given_up_after_three(
    make_user: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    leased_background: None,
) -> None:
    import reverie.analysis.pipeline as pipeline

    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="free_association", body=QUIET))
    analysis.analyse_entry_task.enqueue(str(view.id), view.revision)

    def poison(text: str, *args: Any, **kwargs: Any) -> Any:
        raise ValueError(f"cannot read {text!r}")  # a message that quotes the words

    monkeypatch.setattr(pipeline, "analyse", poison)
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()  # as the worker after running it
    analysis.analyse_entry_task.call(str(view.id), view.revision)
    row = AnalysisFailure.objects.get(entry_id=view.id)
    assert (row.attempts, row.last_error, row.task) == (1, "ValueError", "analyse")
    now = timezone.now()
    assert analysis.retry_failed(now) == 0  # the wait (a minute) is not over
    assert analysis.retry_failed(now + timedelta(seconds=61)) == 1
    assert _ready_tasks() == [[str(view.id), view.revision]]
    assert analysis.retry_failed(now + timedelta(seconds=61)) == 0  # already queued: not twice
    DBTaskResult.objects.all().delete()
    analysis.analyse_entry_task.call(str(view.id), view.revision)
    assert analysis.retry_failed(now + timedelta(seconds=200)) == 0  # the second wait is four minutes
    assert analysis.retry_failed(now + timedelta(seconds=300)) == 1
    DBTaskResult.objects.all().delete()
    analysis.analyse_entry_task.call(str(view.id), view.revision)
    assert AnalysisFailure.objects.get(entry_id=view.id).attempts == 3
    assert analysis.retry_failed(now + timedelta(days=30)) == 0  # given up
    said = _doctor_says(monkeypatch, capsys)
    assert "1 entry could not be analysed" in said and "ValueError × 1" in said, said
    assert "1 was given up after 3 tries" in said and "reverie reanalyse" in said, said
    assert "apples" not in said
    monkeypatch.setattr(pipeline, "analyse", lambda *a, **k: FakeAnalysis([]))
    assert analysis.reanalyse().done == 1  # the command the doctor names
    assert not AnalysisFailure.objects.exists()
    assert "could not be analysed" not in _doctor_says(monkeypatch, capsys)


def test_a_hook_failure_is_recorded_and_the_worker_retries_it_and_the_alert_is_raised_once(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, leased_background: None
) -> None:
    import reverie.analysis.pipeline as pipeline

    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="free_association", body=QUIET))
    monkeypatch.setattr(pipeline, "analyse", lambda *a, **k: FakeAnalysis([IDEATION]))
    risk_signal_busy(monkeypatch)
    analysis.analyse_entry_task.call(str(view.id), view.revision)
    assert not StoredAnalysis.objects.get(entry_id=view.id).hooks_done
    assert AnalysisFailure.objects.get(entry_id=view.id).last_error == "OperationalError"
    assert not RiskAlert.objects.filter(client=alice).exists()
    assert analysis.retry_failed(timezone.now() + timedelta(seconds=61)) == 1  # the heartbeat's sweep
    analysis.analyse_entry_task.call(*_ready_tasks()[0])
    assert StoredAnalysis.objects.get(entry_id=view.id).hooks_done
    assert not AnalysisFailure.objects.exists()
    analysis.analyse_entry_task.call(str(view.id), view.revision)  # delivered once more: no second alert
    assert RiskAlert.objects.filter(client=alice).count() == 1


class _Killed(BaseException):
    pass


def test_the_hooks_rerun_after_a_kill_raise_one_alert_however_often_the_task_is_delivered(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reverie.analysis.pipeline as pipeline

    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="free_association", body=QUIET))
    monkeypatch.setattr(pipeline, "analyse", lambda *a, **k: FakeAnalysis([IDEATION]))
    hooks = list(analysis.after_analysis_hooks)

    def killed(*args: Any) -> None:
        raise _Killed

    monkeypatch.setattr(analysis, "after_analysis_hooks", [*hooks, killed])  # after the risk hook ran
    with pytest.raises(_Killed):
        analysis.analyse_entry_task.call(str(view.id), view.revision)
    monkeypatch.setattr(analysis, "after_analysis_hooks", hooks)
    for _delivery in range(3):
        analysis.analyse_entry_task.call(str(view.id), view.revision)
    assert RiskAlert.objects.filter(client=alice).count() == 1


def test_a_task_failed_for_lost_workers_is_recorded_as_given_up_and_not_retried(
    make_user: Any, leased_background: None
) -> None:
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from reverie.clinic.services import worker

    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="free_association", body=QUIET))
    analysis.analyse_entry_task.enqueue(str(view.id), view.revision)
    DBTaskResult.objects.update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(seconds=600),
        worker_ids=["a", "b", "c"],
    )
    assert worker.requeue_expired().failed == 1
    row = AnalysisFailure.objects.get(entry_id=view.id)
    assert (row.attempts, row.last_error) == (3, "WorkerLost")
    assert analysis.retry_failed(timezone.now() + timedelta(days=30)) == 0


def test_stop_worker_killing_its_child_requeues_the_task_without_counting_a_lost_worker(
    leased_background: None,
) -> None:
    """Before: the SIGKILL after the grace left the task running; the lease requeued it counting one lost worker
    (three such stops and the task was marked failed), though the docstring said never failed."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from reverie.clinic.services import worker

    result = analysis.analyse_entry_task.enqueue("00000000-0000-0000-0000-000000000000", 1)
    DBTaskResult.objects.filter(id=result.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now(), worker_ids=["earlier", "child"]
    )
    child = subprocess.Popen(  # a worker that ignores SIGTERM (a task that does not finish in the grace)
        [
            sys.executable,
            "-c",
            "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print('ready', flush=True);"
            " time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
    worker._child_ids[child.pid] = "child"
    worker.renew_lease("child")
    worker.stop_worker(child, grace=0.2)
    child.stdout.close()
    assert child.poll() is not None
    row = DBTaskResult.objects.get(id=result.id)
    assert row.status == TaskResultStatus.READY and row.started_at is None
    assert row.worker_ids == ["earlier"]  # the stop is not counted as a lost worker
    from reverie.workers.models import WorkerLease

    assert not WorkerLease.objects.filter(worker_id="child").exists()


def test_a_reanalysis_given_up_is_reported_by_doctor_and_keeps_its_old_findings(
    make_user: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    leased_background: None,
) -> None:
    import reverie.analysis.pipeline as pipeline

    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="reflection", body="The poison page of the week."))
    monkeypatch.setattr(pipeline, "analyse", lambda *a, **k: FakeAnalysis([], "1.0:old"))
    analysis.analyse_stored_entry(view.id, 1)

    def upgraded(text: str, *args: Any, **kwargs: Any) -> Any:
        if "poison" in text:
            raise MemoryError
        return FakeAnalysis([], "2.0:new")

    monkeypatch.setattr(pipeline, "analyse", upgraded)
    monkeypatch.setattr(analysis, "_versions", {})
    for _try in range(3):
        analysis.reanalyse_entry_task.call(str(view.id), view.revision)
    assert AnalysisFailure.objects.get(entry_id=view.id, task="reanalyse").attempts == 3
    assert analysis.queue_outdated() == 0  # given up under these versions: not queued again
    assert StoredAnalysis.objects.get(entry_id=view.id).analyzers == {"risk": "1.0:old", "#format": "2"}
    said = _doctor_says(monkeypatch, capsys)
    assert "1 entry could not be re-analysed" in said and "MemoryError × 1" in said, said


def test_a_hook_failure_in_a_reanalysis_is_retried_by_the_worker_and_raises_the_alert(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, leased_background: None
) -> None:
    """The re-analysis stored new findings (ideation) but the risk hook failed: the new versions leave it
    up to date, so only the recorded failure brings the owed alert back."""
    import reverie.analysis.pipeline as pipeline

    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="free_association", body=QUIET))
    monkeypatch.setattr(pipeline, "analyse", lambda *a, **k: FakeAnalysis([], "1.0:old"))
    analysis.analyse_stored_entry(view.id, 1)
    monkeypatch.setattr(
        pipeline,
        "analyse",
        lambda text, *a, **k: FakeAnalysis([IDEATION] if "apples" in text else [], "2.0:new"),
    )
    monkeypatch.setattr(analysis, "_versions", {})
    risk_signal_busy(monkeypatch)
    analysis.reanalyse_entry_task.call(str(view.id), view.revision)
    assert not RiskAlert.objects.filter(client=alice).exists()
    assert analysis.queue_outdated() == 0  # up to date now: the re-analysis path alone would never come back
    assert analysis.retry_failed(timezone.now() + timedelta(seconds=61)) == 1
    analysis.analyse_entry_task.call(*_ready_tasks()[0])
    assert RiskAlert.objects.filter(client=alice).count() == 1


def test_the_upkeep_raises_the_alert_the_demo_batch_path_left_owed_once_and_a_bounded_batch_a_round(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, leased_background: None
) -> None:
    """Before: the batch path records no failure, so only a restore or `reverie reanalyse` ran the owed hooks."""
    from django_tasks_db.models import DBTaskResult

    import reverie.analysis.pipeline as pipeline

    alice = make_user()
    views = [
        journal.create_entry(alice, EntryDraft(kind="free_association", body=f"{QUIET} Day {i}."))
        for i in range(2)
    ]
    DBTaskResult.objects.all().delete()  # the demo holds the saves back and reads them itself
    monkeypatch.setattr(pipeline, "analyse_many", lambda pairs: [FakeAnalysis([IDEATION]) for _ in pairs])
    risk_signal_busy(monkeypatch, 1)
    with pytest.raises(Exception, match="locked"):
        list(analysis.analyse_stored_entries([(v.id, v.revision) for v in views], batch=1))
    first = views[0]
    assert not StoredAnalysis.objects.get(entry_id=first.id).hooks_done
    assert not AnalysisFailure.objects.exists()  # nothing recorded on this path
    list(analysis.analyse_stored_entries([(views[1].id, views[1].revision)]))
    risk_signal_busy(monkeypatch, 0)
    StoredAnalysis.objects.filter(entry_id=views[1].id).update(hooks_done=False)  # a second one owed
    now = timezone.now()
    assert analysis.retry_failed(now) == 0  # within the grace: its hooks may still be running
    monkeypatch.setattr(analysis, "HOOKS_OWED_BATCH", 1, raising=False)
    later = now + timedelta(seconds=61)  # the grace is a minute
    assert analysis.retry_failed(later) == 1  # a bounded batch a round, oldest first
    assert _ready_tasks() == [[str(first.id), first.revision]]
    assert analysis.retry_failed(later) == 1  # the first is queued: not twice; the next one
    assert analysis.retry_failed(later) == 0
    for args in _ready_tasks():
        analysis.analyse_entry_task.call(*args)
    assert not StoredAnalysis.objects.filter(hooks_done=False).exists()
    DBTaskResult.objects.all().delete()
    assert analysis.retry_failed(later) == 0
    analysis.analyse_entry_task.call(str(first.id), first.revision)  # delivered once more: no second alert
    alerted = sorted(RiskAlert.objects.filter(client=alice).values_list("record_id", flat=True))
    assert alerted == sorted(f"{v.id}#r1" for v in views), alerted  # one alert each, never a second


def _doctor_exit(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    from reverie.cli import runtime
    from reverie.cli.doctor_cmds import doctor
    from reverie.errors import IntegrityError

    monkeypatch.setattr(runtime, "_ready", True)
    capsys.readouterr()
    try:
        doctor(quarantine=False)
    except IntegrityError as exc:
        return capsys.readouterr().out, exc.message
    return capsys.readouterr().out, ""


def test_doctor_fails_when_an_analysed_entrys_alert_is_owed_and_given_up_not_while_it_is_retried(
    make_user: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    leased_background: None,
) -> None:
    """Before: doctor reported it among the analyses that failed and exited 0, though the alert never went out."""
    import reverie.analysis.pipeline as pipeline

    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="free_association", body=QUIET))
    monkeypatch.setattr(pipeline, "analyse", lambda *a, **k: FakeAnalysis([IDEATION]))
    risk_signal_busy(monkeypatch, 3)
    analysis.analyse_entry_task.call(str(view.id), view.revision)
    said, failed = _doctor_exit(monkeypatch, capsys)
    assert not failed and "will be retried by the worker" in said, said  # retrying: exit 0
    for _try in range(2):
        analysis.analyse_entry_task.call(str(view.id), view.revision)
    assert AnalysisFailure.objects.get(entry_id=view.id).attempts == analysis.MAX_TRIES
    assert analysis.retry_failed(timezone.now() + timedelta(days=30)) == 0  # given up
    said, failed = _doctor_exit(monkeypatch, capsys)
    assert "1 analysed entry still owes its risk alert" in failed, (said, failed)
    assert "reverie reanalyse" in failed and failed in said
    assert "apples" not in said + failed
    assert not RiskAlert.objects.filter(client=alice).exists()
    monkeypatch.setattr(analysis, "replacing", contextlib.nullcontext)  # the hooks alone, not the model again
    assert analysis.reanalyse().failed == 0  # the command the doctor names
    assert RiskAlert.objects.filter(client=alice).count() == 1
    said, failed = _doctor_exit(monkeypatch, capsys)
    assert not failed and "owe their risk alert" not in said, said
