"""Review r61: PHQ-9 item 9 answered above 0 on a form the server refuses.

docs/measures.md §1: "PHQ-9 item 9 > 0 sets risk_item_positive whatever the total: the caller must start the
follow-up (safety plan, therapist alert)". The web form (``measure_views.measure_fill``) only does so after a
successful save: when the same form is refused (the questionnaire was already sent for this session, or one
answer is missing) the client's "thoughts that you would be better off dead" answer is dropped without a word,
no crisis lines on the page and no alert for the therapist."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from reverie.care.models import MeasureResponse, RiskAlert
from reverie.care.services import alerts, measures
from reverie.errors import InvalidInput
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db


def _phq9(item9: int, **others: str) -> dict[str, str]:
    answers = {f"item{n}": "1" for n in range(1, 9)}
    answers["item9"] = str(item9)
    answers.update(others)
    return answers


def test_a_second_phq9_with_item_9_above_0_shows_crisis_lines_and_alerts_the_therapist(
    dit: tuple[Any, Any, Any],
) -> None:
    """A client fills PHQ-9 in the morning (item 9: not at all), then at 2 a.m. opens the same form again and
    answers item 9 "nearly every day". They see only "PHQ-9 was already submitted for session 16" above the form:
    no safety plan, no crisis lines, and their therapist is never told. They should see the safety plan and the
    crisis lines at once and the therapist should get an alert, even though the scores stay as first sent."""
    client, _, _ = dit
    web = _as(client)
    first = web.post("/measures/fill/phq9/", {**_phq9(0), "session": "16"})
    assert first.status_code == 200 and MeasureResponse.objects.count() == 1
    assert not RiskAlert.objects.filter(client=client).exists()

    again = web.post("/measures/fill/phq9/", {**_phq9(3), "session": "16"})
    page = again.content.decode()
    assert 'id="lines-heading"' in page, (
        "no crisis lines shown after item 9 answered 3 (refused as a resubmit)"
    )
    assert RiskAlert.objects.filter(client=client, source="phq9_item9").exists(), (
        "the therapist is never alerted"
    )


def test_item_9_above_0_with_another_answer_missing_still_shows_crisis_lines_and_alerts(
    dit: tuple[Any, Any, Any],
) -> None:
    """A client (a screen reader, or a browser that does not enforce ``required``) skips question 2 but answers
    question 9 "more than half the days". The page says only "Answer question 2." and nothing is stored: no
    crisis lines, no alert. They should see the safety plan and crisis lines at once and the therapist be alerted
    (the item 9 answer is known even if the questionnaire is incomplete)."""
    client, _, _ = dit
    answers = _phq9(2)
    del answers["item2"]
    reply = _as(client).post("/measures/fill/phq9/", {**answers, "session": "16"})
    page = reply.content.decode()
    assert 'id="lines-heading"' in page, (
        "no crisis lines shown after item 9 answered 2 (another answer missing)"
    )
    assert RiskAlert.objects.filter(client=client, source="phq9_item9").exists(), (
        "the therapist is never alerted"
    )


def test_item_9_above_0_from_a_client_without_a_course_still_shows_crisis_lines(make_user: Any) -> None:
    """A client whose therapist has not set up a course yet can open the PHQ-9 form (/measures/fill/phq9/ shows
    all nine questions). Answering question 9 "nearly every day" and sending gives an error above the form and no
    crisis lines or safety plan. With no course to save to, they should still see the safety plan and the crisis
    lines at once."""
    client = make_user(role="client")
    web = _as(client)
    form = web.get("/measures/fill/phq9/")
    assert form.status_code == 200 and b'name="item9"' in form.content
    reply = web.post("/measures/fill/phq9/", _phq9(3))
    assert 'id="lines-heading"' in reply.content.decode(), "item 9 answered 3 and no crisis lines shown"


def test_the_same_answer_stored_then_sent_again_is_one_alert(dit: tuple[Any, Any, Any]) -> None:
    """Item 9 answered "more than half the days" and stored, then the same form sent again for the same session
    (refused, 409): the page shows the crisis lines again, but the therapist gets one alert, not two."""
    client, therapist, _ = dit
    web = _as(client)
    assert web.post("/measures/fill/phq9/", {**_phq9(2), "session": "16"}).status_code == 200
    again = web.post("/measures/fill/phq9/", {**_phq9(2), "session": "16"})
    assert again.status_code == 409 and 'id="lines-heading"' in again.content.decode()
    assert RiskAlert.objects.filter(client=client).count() == 1
    assert len(alerts.open_alerts(therapist)) == 1


def test_a_refused_form_then_the_stored_one_with_the_same_answer_is_one_alert(
    dit: tuple[Any, Any, Any],
) -> None:
    """Question 2 skipped, item 9 "several days": refused, alerted. The client answers question 2 and sends it
    again: the answers are stored and carry that same alert, never a second one."""
    client, _, _ = dit
    web = _as(client)
    answers = _phq9(1)
    del answers["item2"]
    refused = web.post("/measures/fill/phq9/", {**answers, "session": "16"})
    assert refused.status_code == 400 and "Answer question 2." in refused.content.decode()
    assert 'value="1" checked' in refused.content.decode()  # the typed answers are kept
    (first,) = RiskAlert.objects.filter(client=client)
    assert web.post("/measures/fill/phq9/", {**_phq9(1), "session": "16"}).status_code == 200
    assert [a.id for a in RiskAlert.objects.filter(client=client)] == [first.id]


def test_a_higher_answer_sent_again_is_a_new_alert_more_urgent(dit: tuple[Any, Any, Any]) -> None:
    """Stored with item 9 "several days", then sent again "nearly every day" (refused): the second answer is not
    the same one, so it raises its own alert at the higher urgency."""
    client, _, _ = dit
    web = _as(client)
    web.post("/measures/fill/phq9/", {**_phq9(1), "session": "16"})
    web.post("/measures/fill/phq9/", {**_phq9(3), "session": "16"})
    levels = sorted(RiskAlert.objects.filter(client=client).values_list("level", "urgency"))
    assert levels == [("ideation", 2), (alerts.IDEATION_OFTEN, 3)]


def test_the_service_screens_a_refused_form_for_the_api_and_the_cli(dit: tuple[Any, Any, Any]) -> None:
    """``measures.submit`` (the API's ``POST /measures`` and ``reverie measure fill``) refused for a session still
    ahead: the alert and the client's check-in are there all the same, the check-in naming the answer."""
    client, therapist, _ = dit
    with pytest.raises(InvalidInput):
        measures.submit(
            client, "phq9", [1] * 8 + [3], session_number=16, now=datetime(2026, 1, 6, tzinfo=UTC)
        )
    (alert,) = RiskAlert.objects.filter(client=client, source="phq9_item9")
    assert alert.level == alerts.IDEATION_OFTEN and [a.id for a in alerts.open_alerts(therapist)] == [
        alert.id
    ]
    pending = alerts.pending_check_in(client)
    assert pending is not None and pending.alert_id == alert.id
    assert alerts.check_in_words(client, pending) == (
        "Question 9: “Thoughts that you would be better off dead or of hurting yourself in some way” Your answer:"
        " “More than half the days or nearly every day”.",
    )


def test_the_command_line_shows_the_plan_for_a_form_it_refuses_itself(
    dit: tuple[Any, Any, Any], monkeypatch: Any, capsys: Any
) -> None:
    """``reverie measure fill phq9 --answers 1,1,x,…,3``: the command refuses the "x" before anything is stored,
    and still shows the safety plan and crisis lines and alerts the therapist."""
    from reverie.cli import care_cmds

    client, _, _ = dit
    monkeypatch.setenv("REVERIE_PASSWORD", "a long test password")
    with pytest.raises(InvalidInput):
        care_cmds.measure_fill("phq9", "1,1,x,1,1,1,1,1,3", user=client.username, session=16)
    out = capsys.readouterr().out
    assert "Crisis lines" in out and "better off dead" in out
    assert RiskAlert.objects.filter(client=client, source="phq9_item9", level=alerts.IDEATION_OFTEN).exists()
