"""The demo as people meet it: recent dates (relative to the clock), no text twice, a full therapist side, the
progress on the page while it loads, and /demo/ never 405 on reload."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client

from reverie.clinic.models import Entry, StoredAnalysis
from reverie.clinic.services import demo, journal

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 5, 14, 12, 0, tzinfo=UTC)  # the clock edge: a fixed "now" (not in the future)


def test_demo_is_recent_varied_and_has_a_therapist_side() -> None:
    from reverie.care.models import Course, MeasureResponse, ProgressNote, RiskAlert
    from reverie.care.services import goals

    accounts = demo.load_demo(n_entries=12, now=NOW)
    rows = list(Entry.objects.filter(client=accounts.client))
    assert accounts.entries == 12 == len(rows)
    assert all(NOW - timedelta(days=183) <= r.happened_at < NOW for r in rows)
    assert max(r.happened_at for r in rows) > NOW - timedelta(days=30)  # "the last 30 days" has entries
    bodies = [v.body for v in journal.list_entries(accounts.client, limit=100)]
    assert len(set(bodies)) == len(bodies)  # no text twice
    assert StoredAnalysis.objects.filter(entry__client=accounts.client).count() == 12
    course = Course.objects.get(client=accounts.client)
    assert course.sessions.filter(attendance="attended").count() >= 6
    assert course.sessions.filter(attendance="cancelled_by_client").count() == 1
    assert MeasureResponse.objects.filter(course=course, questionnaire="phq9").count() >= 6
    first, last = (
        MeasureResponse.objects.filter(course=course, questionnaire="phq9")
        .order_by("session__start")[i]
        .total
        for i in (0, 5)
    )
    assert last < first  # progress shows
    assert ProgressNote.objects.filter(course=course).count() == 4
    assert RiskAlert.objects.filter(client=accounts.client).exists()  # one alert to acknowledge
    assert goals.goals_for(accounts.client, course.id)[0].ratings[-1][1] == 5
    assert course.formulations.count() == 1


def test_the_page_shows_progress_and_a_reload_is_not_405(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "DEMO_ENTRIES", 3)
    web = Client()
    response = web.post("/demo/")
    assert response.status_code == 200 and response.streaming
    html = b"".join(response.streaming_content).decode()
    assert (
        "Loading the demo" in html and html.count("<progress") == 3 + 1 + 1
    )  # written, read, therapist side
    assert "Demo data loaded" in html and "3 invented entries" in html and html.rstrip().endswith("</html>")
    again = web.get("/demo/")
    assert again.status_code == 302 and again["Location"] == "/"
    assert web.post("/demo/").status_code == 302  # a re-post after loading: home, nothing loaded twice
    assert Client().get("/demo/")["Location"] == "/login/"


def test_demo_client_is_not_greeted_by_an_old_questionnaires_check_in() -> None:
    # The demo's second PHQ-9 has item 9 at 1: it raises an alert and a check-in, as any would. The demo client
    # answered it at the time ("I'm safe for now"), so the demo opens without a months-old question at the top of
    # every page, and the therapist still sees the alert with the answer and its time.
    from reverie.care.models import RiskAlert
    from reverie.care.services import alerts

    accounts = demo.load_demo(n_entries=4, now=NOW)
    assert alerts.pending_check_in(accounts.client) is None
    phq = RiskAlert.objects.get(client=accounts.client, source="phq9_item9")
    assert phq.answer == "safe" and phq.answered_at is not None
    assert phq.answered_at < NOW - timedelta(days=7)
