"""A task a worker leaves failed is never lost: one cut short by a forced stop goes back to the queue; one failed
with nothing recorded (django-tasks-db's own ``sys.exit`` inside a task) is recorded and retried by the upkeep;
a failed task row keeps its exception's class and frames, never its message."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from reverie.clinic.models import AnalysisFailure
from reverie.clinic.services import analysis, journal, worker
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db

WORDS = "We walked to the market and bought apples for the week."


def _row(view: Any) -> Any:
    from django_tasks_db.models import DBTaskResult

    analysis.analyse_entry_task.enqueue(str(view.id), view.revision)
    row = DBTaskResult.objects.get()
    row.claim("worker-a")
    return row


def test_a_task_cut_short_by_a_forced_stop_goes_back_to_the_queue_not_failed(
    make_user: Any, leased_background: None
) -> None:
    from django_tasks_db.compat import TaskResultStatus

    view = journal.create_entry(make_user(), EntryDraft(kind="free_association", body=WORDS))
    row = _row(view)
    worker._settle_failed(row, "worker-a", worker.ForcedStop())
    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY and row.started_at is None
    assert row.worker_ids == []  # not counted as a lost worker
    assert not AnalysisFailure.objects.exists()


def test_a_failed_task_row_keeps_the_exceptions_class_never_its_message(
    make_user: Any, leased_background: None
) -> None:
    from django_tasks_db.compat import TaskResultStatus

    view = journal.create_entry(make_user(), EntryDraft(kind="free_association", body=WORDS))
    row = _row(view)
    try:
        raise KeyboardInterrupt(f"while reading {WORDS!r}")
    except KeyboardInterrupt as exc:
        worker._settle_failed(row, "worker-a", exc)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED
    assert row.exception_class_path == "builtins.KeyboardInterrupt"
    assert "KeyboardInterrupt" in row.traceback and "market" not in row.traceback


def test_an_analysis_task_failed_with_nothing_recorded_is_recorded_and_retried(
    make_user: Any, leased_background: None
) -> None:
    """What django-tasks-db's worker leaves after a second SIGTERM mid-task (``sys.exit(1)`` inside the task): the
    row failed with ``builtins.SystemExit`` and no ``AnalysisFailure``. The upkeep records it as a failed try and
    queues it again once the wait is over."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    view = journal.create_entry(make_user(), EntryDraft(kind="free_association", body=WORDS))
    row = _row(view)
    row.set_failed(SystemExit(1))
    now = timezone.now()
    assert analysis.retry_failed(now) == 0  # recorded now; the wait (a minute) is not over
    failure = AnalysisFailure.objects.get(entry_id=view.id)
    assert (failure.attempts, failure.last_error, failure.revision) == (1, "SystemExit", view.revision)
    assert analysis.retry_failed(now + timedelta(seconds=61)) == 1
    ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert [r.args_kwargs["args"] for r in ready] == [[str(view.id), view.revision]]
    assert analysis.retry_failed(now + timedelta(seconds=61)) == 0  # queued: not twice, not recorded again
    assert AnalysisFailure.objects.get(entry_id=view.id).attempts == 1
