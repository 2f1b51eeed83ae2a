"""An analysis task that keeps failing with nothing recorded is retried at most MAX_TRIES times (review r76)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from reverie.clinic.models import AnalysisFailure
from reverie.clinic.services import analysis, journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db

WORDS = "We walked to the market and bought apples for the week."


def test_a_task_that_fails_the_same_way_every_try_is_counted_each_time_and_given_up_after_max_tries(
    make_user: Any, leased_background: None
) -> None:
    """An entry whose analysis task ends its worker every time (``SystemExit`` from inside the task: what
    django-tasks-db's own worker does, or a library that calls ``sys.exit``) leaves a FAILED task row each try
    and nothing recorded by ``_attempt``. The upkeep (``record_unrecorded_failures``) records the first such row
    as try 1, but every later failed row of the same entry revision is skipped ("already recorded"), so the
    count stays at 1 and the failure's time is never moved on: the sweep queues the entry again on every round,
    for ever (here 6 retries in 6 rounds), the worker dies on it each time, and ``reverie doctor`` never reports
    it given up. What should happen (module doc: "retries it within MAX_TRIES"): each failed try is counted once,
    so after MAX_TRIES (3) failed tries nothing queues it again and the count reads 3."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    view = journal.create_entry(make_user(), EntryDraft(kind="free_association", body=WORDS))
    analysis.analyse_entry_task.enqueue(str(view.id), view.revision)
    now = timezone.now()
    queued_again = 0
    for round_ in range(1, 7):
        ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        for row in ready:  # the worker takes the task and dies on it, nothing recorded
            row.claim("worker-a")
            row.set_failed(SystemExit(1))
        queued_again += analysis.retry_failed(now + timedelta(days=round_))
    failure = AnalysisFailure.objects.get(entry_id=view.id)
    assert (failure.attempts, queued_again) == (analysis.MAX_TRIES, analysis.MAX_TRIES - 1)  # 3 tries in all
    health = analysis.health()  # what ``reverie doctor`` says: given up, not retrying
    assert (health.given_up, health.retrying, health.errors) == (1, 0, {"SystemExit": 1})
