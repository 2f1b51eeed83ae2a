"""in inline mode every save runs the retry sweep, one that carries its analysis forward included."""

from __future__ import annotations

from typing import Any

import pytest

from analysis_fakes import IDEATION, FakeAnalysis, risk_signal_busy
from reverie.care.models import RiskAlert
from reverie.clinic.models import StoredAnalysis
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db

QUIET = "We walked to the market and bought apples for the week."
BOOK = "A quiet evening with a book."


def test_an_owed_alert_is_raised_at_the_next_save_even_a_tag_edit(
    make_user: Any,
    monkeypatch: pytest.MonkeyPatch,
    inline: None,
    django_capture_on_commit_callbacks: Any,
) -> None:
    """A failed risk hook in inline mode is retried at the client's next save, also one that only edits tags."""
    import reverie.analysis.pipeline as pipeline

    alice = make_user()
    monkeypatch.setattr(
        pipeline, "analyse", lambda text, *a, **k: FakeAnalysis([IDEATION] if "apples" in text else [])
    )
    with django_capture_on_commit_callbacks(execute=True):
        book = journal.create_entry(alice, EntryDraft(kind="free_association", body=BOOK))
    assert StoredAnalysis.objects.filter(entry_id=book.id).exists()
    risk_signal_busy(monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        first = journal.create_entry(alice, EntryDraft(kind="free_association", body=QUIET))
    assert not StoredAnalysis.objects.get(entry_id=first.id).hooks_done  # the alert is owed
    assert not RiskAlert.objects.filter(client=alice).exists()

    with django_capture_on_commit_callbacks(execute=True):  # the next save: a tag added to the other entry
        journal.update_entry(
            alice, book.id, EntryDraft(kind="free_association", body=BOOK, tags=("evening",))
        )
    assert StoredAnalysis.objects.get(entry_id=first.id).hooks_done  # before: still owed, no alert
    assert RiskAlert.objects.filter(client=alice).count() == 1
