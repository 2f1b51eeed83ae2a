"""Review r38: an entry in the trash while its analysis task runs, then taken out of the trash."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.clinic.services import analysis, journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db


def test_an_entry_restored_from_the_trash_after_its_task_ran_is_still_analysed(
    make_user: Any, background: None, django_capture_on_commit_callbacks: Any
) -> None:
    """An entry trashed before the worker reached it and then restored is queued for analysis again, not left "still reading" for ever."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    alice = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        view = journal.create_entry(alice, EntryDraft(kind="reflection", body="A quiet evening with a book."))
    journal.trash_entry(alice, view.id)  # a second thought, while the backlog is long
    row = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert analysis.analyse_entry_task.call(*row.args_kwargs["args"]) is None  # the worker: gone, skipped
    row.status = TaskResultStatus.SUCCESSFUL
    row.save(update_fields=["status"])
    with django_capture_on_commit_callbacks(execute=True):
        journal.restore_entry(alice, view.id)
    assert analysis.pending_count(alice) == 1  # the Patterns page says "still reading"
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists(), "nothing will ever read it"
