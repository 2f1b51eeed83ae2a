"""Adding or removing a file (h47's new revision) keeps the same words: it raises no new risk flow, and the entry
keeps its analysis (carried forward to the new revision, nothing queued to read the same words again)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from configured import configured
from reverie.care.models import CheckIn, RiskAlert
from reverie.care.services import alerts
from reverie.clinic.models import Entry, StoredAnalysis
from reverie.clinic.services import analysis, attachments, journal
from reverie.clinic.services.journal import AttachmentDraft, EntryDraft

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."
CALM = "A calm walk by the sea with my sister."
PNG = b"\x89PNG\r\n\x1a\n" + b"revision-effects-picture"


def _picture(n: int = 0) -> AttachmentDraft:
    return AttachmentDraft(f"p{n}.png", "image/png", PNG)


def _queued_analyses() -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=analysis.analyse_entry_task.module_path).count()


def _analysed(alice: Any, body: str = CALM, hooks_done: bool = True) -> uuid.UUID:
    view = journal.create_entry(alice, EntryDraft(kind="art", body=body))
    stored = analysis.analyse_stored_entry(view.id, view.revision)
    assert stored is not None
    if not hooks_done:
        StoredAnalysis.objects.filter(pk=stored.pk).update(hooks_done=False)
    return view.id


def _current(entry_id: Any) -> StoredAnalysis | None:
    return analysis.current_analysis(Entry.objects.get(pk=entry_id))


def test_adding_a_file_after_the_check_in_was_answered_asks_nothing_again(make_user: Any) -> None:
    """A check-in answered "safe", then a picture added to the same words: no new check-in waits."""
    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="art", body=RISKY))
    pending = alerts.pending_check_in(alice)
    assert pending is not None
    alerts.answer_check_in(alice, pending.id, "safe")
    assert alerts.pending_check_in(alice) is None
    before = CheckIn.objects.filter(client=alice).count()
    for n in range(3):
        attachments.add_attachment(alice, view.id, _picture(n))
    assert alerts.pending_check_in(alice) is None
    assert CheckIn.objects.filter(client=alice).count() == before


def test_adding_a_file_keeps_the_analysis_of_the_unchanged_words(make_user: Any) -> None:
    """The words did not change, so the entry's analysis (risk note, patterns, therapist findings) stays current."""
    alice = make_user()
    entry_id = _analysed(alice)
    assert _current(entry_id) is not None
    attachments.add_attachment(alice, entry_id, _picture())
    assert _current(entry_id) is not None


def test_a_file_added_or_removed_carries_the_same_findings_and_queues_nothing(
    make_user: Any, background: None, django_capture_on_commit_callbacks: Any
) -> None:
    alice = make_user()
    entry_id = _analysed(alice, RISKY)
    before = analysis.findings_for(alice, entry_id)
    assert before is not None
    alerts_before = RiskAlert.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        info = attachments.add_attachment(alice, entry_id, _picture())
    added = analysis.findings_for(alice, entry_id)
    assert added is not None and added.revision == before.revision + 1
    assert added.result == before.result  # the same findings, at once, readable under the new revision
    assert _queued_analyses() == 0
    with django_capture_on_commit_callbacks(execute=True):
        attachments.delete_attachment(alice, info.id)
    removed = analysis.findings_for(alice, entry_id)
    assert removed is not None and removed.revision == before.revision + 2 and removed.result == before.result
    assert _queued_analyses() == 0
    assert RiskAlert.objects.count() == alerts_before
    assert StoredAnalysis.objects.filter(entry_id=entry_id).count() == 1  # moved, not copied


def test_twenty_files_queue_no_analysis(
    make_user: Any, background: None, django_capture_on_commit_callbacks: Any
) -> None:
    alice = make_user()
    entry_id = _analysed(alice)
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(attachments.MAX_PER_ENTRY):
            attachments.add_attachment(alice, entry_id, _picture(n))
    assert _queued_analyses() == 0
    stored = _current(entry_id)
    assert stored is not None and stored.revision == 1 + attachments.MAX_PER_ENTRY


def test_an_edit_of_the_words_queues_a_new_analysis_as_before(
    make_user: Any, background: None, django_capture_on_commit_callbacks: Any
) -> None:
    alice = make_user()
    entry_id = _analysed(alice)
    with django_capture_on_commit_callbacks(execute=True):
        journal.update_entry(alice, entry_id, EntryDraft(kind="art", body=CALM + " Then rain."))
    assert _current(entry_id) is None  # pending: never the earlier words' findings
    assert _queued_analyses() == 1


def test_an_edit_of_tags_alone_keeps_the_analysis(
    make_user: Any, background: None, django_capture_on_commit_callbacks: Any
) -> None:
    alice = make_user()
    entry_id = _analysed(alice)
    with django_capture_on_commit_callbacks(execute=True):
        journal.update_entry(alice, entry_id, EntryDraft(kind="art", body=CALM, tags=("sea",)))
    assert _current(entry_id) is not None
    assert _queued_analyses() == 0


def test_a_file_with_no_analysis_stored_yet_queues_one(
    make_user: Any, background: None, django_capture_on_commit_callbacks: Any
) -> None:
    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="art", body=CALM))
    with django_capture_on_commit_callbacks(execute=True):
        attachments.add_attachment(alice, view.id, _picture())
    assert _queued_analyses() == 1  # the words were never read: the new revision's analysis is queued


def test_owed_hooks_are_carried_and_raise_one_alert(make_user: Any) -> None:
    """An analysis stored but its hooks (the risk flow) not yet run: carried still owed, run once, one alert."""
    alice = make_user()
    with configured(REVERIE_ANALYSIS="off"):
        entry_id = _analysed(alice, RISKY, hooks_done=False)
        alerts_before = RiskAlert.objects.count()
        attachments.add_attachment(alice, entry_id, _picture())
    stored = _current(entry_id)
    assert stored is not None and stored.hooks_done is False
    again = analysis.analyse_stored_entry(entry_id, stored.revision)
    assert again is not None and again.pk == stored.pk and again.hooks_done
    assert RiskAlert.objects.count() == alerts_before
    analysis.analyse_stored_entry(entry_id, stored.revision)
    assert RiskAlert.objects.count() == alerts_before
