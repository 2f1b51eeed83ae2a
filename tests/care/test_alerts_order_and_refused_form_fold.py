"""One client's alerts sort by level within one urgency, and a refused PHQ-9's item 9 alert followed by the saved one
is not counted twice (review r133, fault 7).

maya's journal entry ("a plan or preparation") and her PHQ-9 (question 9 "more than half the days", sent minutes
later) were both urgent once she answered "I need help now"; the list sorted the later PHQ-9 first. The list now
sorts the more serious level first within one urgency. maya had also sent a PHQ-9 refused for an answer out of range
(question 9 "several days"), then the real one: two alerts for one moment, and the session-prep page counted "3 risk
alerts". The refused form's alert stays (on the list, to acknowledge, in the history: no risk hidden) but the prep
page's count folds it into the saved form's that followed within the hour with the same or a more serious answer;
a refused answer more serious than the saved one is never folded. Only process edges are real."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from reverie.care.models import RiskAlert
from reverie.care.services import alerts, measures, prep
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import InvalidInput

pytestmark = pytest.mark.django_db
PLAN = (
    "I can't do this anymore. I've been thinking about killing myself and I looked up how many of my pills it"
    " would take."
)


def _course(client: Any, therapist: Any) -> Any:
    first = (timezone.now().astimezone(ZoneInfo("Europe/London")) + timedelta(days=2)).replace(
        hour=10, minute=0, second=0
    )
    draft = CourseDraft(
        client=client.username,
        programme="dit",
        start=first.replace(tzinfo=None, microsecond=0),
        timezone="Europe/London",
    )
    return create_course(therapist, draft)


def _answer_all(client: Any, answer: str) -> None:
    check_in = alerts.pending_check_in(client)
    assert check_in is not None
    alerts.answer_check_in(client, check_in.id, answer)


def test_within_one_urgency_the_more_serious_level_comes_first(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    _course(client, therapist)
    journal.create_entry(client, EntryDraft(kind="reflection", body=PLAN))
    plan = RiskAlert.objects.get(client=client, source="journal")
    assert plan.level in ("behavior", "attempt")
    measures.submit(client, "phq9", [1] * 8 + [2], session_number=1)  # later: "more than half the days"
    _answer_all(client, "need_help")  # both urgent now
    listed = alerts.open_alerts(therapist)
    assert [a.urgency for a in listed] == [5, 5]
    assert [a.source for a in listed] == ["journal", "phq9_item9"], (
        "the plan first, though the PHQ-9 is later"
    )


def test_a_refused_form_followed_by_the_saved_one_is_counted_once(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    course = _course(client, therapist)
    with pytest.raises(
        InvalidInput
    ):  # question 1 out of range: refused, question 9 "several days" still alerts
        measures.submit(client, "phq9", [7] + [1] * 7 + [1], session_number=1)
    measures.submit(client, "phq9", [1] * 8 + [2], session_number=1)  # the real one, minutes later
    both = list(RiskAlert.objects.filter(client=client, source="phq9_item9"))
    assert len(both) == 2, "the refused form's alert is kept"
    assert len(alerts.open_alerts(therapist)) == 2, "each stays on the list, to acknowledge"

    overview = prep.risk_overview(course, timezone.now())
    assert (overview.alerts, overview.flagged) == (1, 1), "one moment, counted once, at ideation or above"

    saved = next(a for a in both if a.level == alerts.IDEATION_OFTEN)
    RiskAlert.objects.filter(pk=saved.pk).update(written_at=saved.written_at + timedelta(hours=2))
    later = prep.risk_overview(course, timezone.now() + timedelta(hours=2))
    assert later.alerts == 2, "a saved form more than an hour later is another moment"


def test_a_refused_answer_more_serious_than_the_saved_one_is_never_folded(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    course = _course(client, therapist)
    with pytest.raises(InvalidInput):  # refused, question 9 "nearly every day"
        measures.submit(client, "phq9", [7] + [1] * 7 + [3], session_number=1)
    measures.submit(client, "phq9", [1] * 8 + [1], session_number=1)  # saved: "several days"
    assert RiskAlert.objects.filter(client=client, source="phq9_item9").count() == 2
    overview = prep.risk_overview(course, timezone.now())
    assert (overview.alerts, overview.flagged) == (2, 2)
