"""h46: inline analysis (no worker) retries what failed: a failed after-analysis hook (the risk alert) is run again
at the next save, through the same bounded tries as the worker's sweep, and the alert is raised exactly once."""

from __future__ import annotations

from typing import Any

import pytest

from analysis_fakes import IDEATION, FakeAnalysis, risk_signal_busy
from reverie.care.models import RiskAlert
from reverie.clinic.models import AnalysisFailure, StoredAnalysis
from reverie.clinic.services import analysis, journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db

QUIET = "We walked to the market and bought apples for the week."


def _save(user: Any, body: str, commit: Any) -> Any:
    with commit(execute=True):
        return journal.create_entry(user, EntryDraft(kind="free_association", body=body))


def test_a_failed_hook_in_inline_mode_is_retried_at_the_next_save_and_alerts_once(
    make_user: Any,
    monkeypatch: pytest.MonkeyPatch,
    inline: None,
    django_capture_on_commit_callbacks: Any,
) -> None:
    import reverie.analysis.pipeline as pipeline

    alice = make_user()
    monkeypatch.setattr(
        pipeline, "analyse", lambda text, *a, **k: FakeAnalysis([IDEATION] if "apples" in text else [])
    )
    risk_signal_busy(monkeypatch)
    first = _save(alice, QUIET, django_capture_on_commit_callbacks)
    assert not StoredAnalysis.objects.get(entry_id=first.id).hooks_done  # the hook failed: the alert is owed
    assert AnalysisFailure.objects.get(entry_id=first.id).last_error == "OperationalError"
    assert not RiskAlert.objects.filter(client=alice).exists()

    _save(alice, "A quiet evening with a book.", django_capture_on_commit_callbacks)  # the next save
    assert StoredAnalysis.objects.get(entry_id=first.id).hooks_done
    assert not AnalysisFailure.objects.exists()
    assert RiskAlert.objects.filter(client=alice).count() == 1

    _save(alice, "Another walk, no apples this time.", django_capture_on_commit_callbacks)
    assert RiskAlert.objects.filter(client=alice).count() == 2  # that save's own words; the first one's once


def test_the_inline_sweep_gives_up_after_the_bounded_tries(
    make_user: Any,
    monkeypatch: pytest.MonkeyPatch,
    inline: None,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from django.db.utils import OperationalError

    import reverie.analysis.pipeline as pipeline
    from reverie.care.services import alerts

    alice = make_user()
    monkeypatch.setattr(pipeline, "analyse", lambda *a, **k: FakeAnalysis([]))
    first = _save(alice, QUIET, django_capture_on_commit_callbacks)
    monkeypatch.setattr(pipeline, "analyse", lambda *a, **k: FakeAnalysis([IDEATION]))
    StoredAnalysis.objects.filter(entry_id=first.id).delete()

    def always_busy(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("database is locked")

    monkeypatch.setattr(alerts, "signal", always_busy)
    analysis.schedule(first.id, first.revision)  # the first try fails: 1
    for n in range(4):
        analysis.retry_inline()
    assert AnalysisFailure.objects.get(entry_id=first.id).attempts == analysis.MAX_TRIES
    assert analysis.hooks_given_up() == 1  # reported by `reverie doctor`, never tried forever
