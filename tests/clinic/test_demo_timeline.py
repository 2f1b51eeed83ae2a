"""Review r129 (faults 5 and 6): the demo's timeline is one that can happen. Each entry was written (and shared)
an hour or a few after the moment it is about, not at the load, so the prep page's "Shared since the last session"
lists only entries written since that session, each row saying when it was written and what moment it is about;
each questionnaire was filled in the morning of its session (its FHIR ``authored``), and the item-9 alert it raised
was written then and answered by the client after it, never before."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from reverie.clinic.models import Entry
from reverie.clinic.services import demo
from web_client import signed_in

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 5, 14, 12, 0, tzinfo=UTC)


@pytest.fixture
def loaded(monkeypatch: Any) -> Any:
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)
    return demo.load_demo(n_entries=12, now=NOW)


def test_entries_are_written_after_what_they_are_about_not_at_the_load(loaded: Any) -> None:
    rows = list(Entry.objects.filter(client=loaded.client))
    assert rows and all(r.happened_at < r.written_at <= NOW - timedelta(minutes=30) for r in rows)
    assert all(r.updated_at == r.written_at for r in rows)
    assert all(r.shared_at == r.written_at for r in rows if r.shared_at is not None)
    assert min(r.written_at for r in rows) < NOW - timedelta(days=60)


def test_the_questionnaires_and_the_alert_are_dated_in_an_order_that_can_happen(loaded: Any) -> None:
    from reverie.care.models import MeasureResponse, RiskAlert
    from reverie.care.services import measures

    for row in MeasureResponse.objects.filter(client=loaded.client).select_related("session"):
        assert row.session.start - timedelta(hours=3) <= row.submitted_at < row.session.start, (
            row.session.start
        )
    alert = RiskAlert.objects.get(client=loaded.client, source="phq9_item9")
    session_id = alert.record_id.split(":")[1]  # measures.follow_up_key: phq9:<session id>:<level>
    answered = MeasureResponse.objects.get(session_id=session_id, questionnaire="phq9")
    assert alert.written_at == answered.submitted_at
    assert alert.answered_at is not None and alert.written_at < alert.answered_at < answered.session.start
    fhir = measures.fhir_resource(loaded.client, answered.id)
    assert fhir["authored"].startswith(answered.submitted_at.date().isoformat())


def test_the_prep_page_lists_only_entries_written_since_the_last_session_and_says_when(loaded: Any) -> None:
    from reverie.care.models import Course
    from reverie.care.services import course as courses
    from reverie.care.services.prep import prepare

    course = Course.objects.get(client=loaded.client)
    prep = prepare(loaded.therapist, course.id)
    assert prep.last_session is not None
    assert all(
        v.written_at > prep.last_session or v.updated_at > prep.last_session for v in prep.shared_since
    )
    shared = Entry.objects.filter(client=loaded.client, shared_at__isnull=False).count()
    assert len(prep.shared_since) < shared  # not every shared entry: only those since the last session
    page = signed_in(loaded.therapist).get(f"/courses/{course.id}/prep/").content.decode()
    if prep.shared_since:
        assert "written <time" in page and " · about <time" in page
    assert courses.held_sessions(course)
