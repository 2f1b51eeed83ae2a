"""Imported entries are analysed as saved ones are (qa34 point 5): the import queues the same after-save work for
each entry it creates (none for one it skips), and once analysed the imported "does this fit?" answers show."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.clinic.models import Entry, StoredAnalysis
from reverie.clinic.services import analysis, journal, observations, portability
from reverie.clinic.services.journal import EntryDraft
from reverie.journal.interchange import dump_reverie_json

pytestmark = pytest.mark.django_db
ANALYSE_TASK = "reverie.clinic.services.analysis.analyse_entry_task"
TEXT = (
    "My partner wanted to get closer last night and I shut down. When I was a kid my mother "
    "went silent whenever I needed her. I love him but I'm so angry that he pushed."
)


def _answered_export(client: Any) -> tuple[bytes, str]:
    """An export of one really analysed entry whose first observation the person said fits."""
    view = journal.create_entry(client, EntryDraft(kind="free_association", body=TEXT))
    analysis.analyse_stored_entry(view.id, view.revision)
    reading = observations.noticed(client, view.id)
    assert reading is not None and reading.shown
    first = reading.shown[0].observation
    observations.answer(client, view.id, first.ref, "fits")
    journal.create_entry(client, EntryDraft(kind="reflection", body="A quiet day by the canal."))
    return dump_reverie_json(portability.export_journal(client)), first.key


def test_import_queues_analysis_for_each_created_entry_and_none_for_skipped(
    make_user: Any, background: None, django_capture_on_commit_callbacks: Any
) -> None:
    from django_tasks_db.models import DBTaskResult

    alice, bob = make_user(), make_user()
    data, _ = _answered_export(alice)
    with django_capture_on_commit_callbacks(execute=True):
        report = portability.import_journal(bob, data)
    assert report.created == 2
    queued = sorted(
        tuple(row.args_kwargs["args"]) for row in DBTaskResult.objects.filter(task_path=ANALYSE_TASK)
    )
    created = sorted((str(e.id), e.revision) for e in Entry.objects.filter(client=bob))
    assert queued == created  # before: no task at all for an imported entry
    with django_capture_on_commit_callbacks(execute=True):
        again = portability.import_journal(bob, data)
    assert (again.created, again.skipped) == (0, 2)
    assert DBTaskResult.objects.filter(task_path=ANALYSE_TASK).count() == 2  # skipped ones: nothing new


def test_imported_answers_show_once_the_entry_is_analysed(
    make_user: Any, web_as: Any, django_capture_on_commit_callbacks: Any, request: pytest.FixtureRequest
) -> None:
    alice, bob = make_user(), make_user()
    data, key = _answered_export(alice)
    request.getfixturevalue("inline")
    with django_capture_on_commit_callbacks(execute=True):
        portability.import_journal(bob, data)
    entries = Entry.objects.filter(client=bob)
    assert StoredAnalysis.objects.filter(entry__in=entries).count() == 2  # before: 0 until edited
    imported = next(e for e in entries if journal.get_entry(bob, e.id).body == TEXT)
    reading = observations.noticed(bob, imported.id)
    assert reading is not None
    answers = {s.observation.key: s.answer for s in reading.shown}
    assert answers[key] == "fits"
    assert sum(1 for a in answers.values() if a) == 1  # the near miss: the others stay unanswered
    page = web_as(bob).get(f"/journal/{imported.id}/").content.decode()
    assert "What Reverie noticed" in page
