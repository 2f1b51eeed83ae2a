"""The alert line of a refused PHQ-9 says plainly that a saved PHQ-9 followed (h187 left, review r133 fault 7): the
refused form's alert stays on the list, to acknowledge, but "several days (the form was not saved)" alone left the
therapist to guess whether the client ever sent it. Only process edges are real."""

from __future__ import annotations

import html
import re
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from reverie.care.models import RiskAlert
from reverie.care.services import measures
from reverie.care.services.course import CourseDraft, create_course
from reverie.errors import InvalidInput
from web_client import signed_in

pytestmark = pytest.mark.django_db


def _course(client: Any, therapist: Any) -> Any:
    first = (timezone.now().astimezone(ZoneInfo("Europe/London")) + timedelta(days=2)).replace(
        hour=10, minute=0, second=0
    )
    draft = CourseDraft(
        client=client.username, programme="dit", start=first.replace(tzinfo=None, microsecond=0),
        timezone="Europe/London",
    )  # fmt: skip
    return create_course(therapist, draft)


def _lines(therapist: Any) -> list[str]:
    page = html.unescape(signed_in(therapist).get("/alerts/").content.decode())
    text = re.sub(r"<[^>]+>", "", page)
    return [line for line in text.splitlines() if "PHQ-9" in line or "questionnaire" in line]


def test_the_refused_forms_alert_says_a_saved_phq9_followed(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    _course(client, therapist)
    with pytest.raises(InvalidInput):  # question 1 out of range: refused, question 9 "several days" alerts
        measures.submit(client, "phq9", [7] + [1] * 7 + [1], session_number=1)
    refused = RiskAlert.objects.get(client=client, source="phq9_item9")
    assert measures.saved_after(refused) is None
    before = " ".join(_lines(therapist))
    assert "the form was not saved" in before and "a saved PHQ-9 followed" not in before
    measures.submit(client, "phq9", [1] * 8 + [2], session_number=1)  # the real one, minutes later
    saved = measures.saved_after(refused)
    assert saved is not None and saved.item9 == "more than half the days"
    after = " ".join(_lines(therapist))
    assert after.count("a saved PHQ-9 followed on ") == 1, after  # on the refused form's line only
    assert "(question 9: more than half the days)" in after
    kept = RiskAlert.objects.exclude(pk=refused.pk).get(client=client, source="phq9_item9")
    assert measures.saved_after(kept) is None


def test_a_saved_form_answering_question_9_not_at_all_is_said_too(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    _course(client, therapist)
    with pytest.raises(InvalidInput):
        measures.submit(client, "phq9", [7] + [1] * 7 + [1], session_number=1)
    measures.submit(client, "phq9", [1] * 8 + [0], session_number=1)
    refused = RiskAlert.objects.get(client=client, source="phq9_item9")
    saved = measures.saved_after(refused)
    assert saved is not None and saved.item9 == "not at all"
    assert "(question 9: not at all)" in " ".join(_lines(therapist))
