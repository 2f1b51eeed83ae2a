"""Acknowledging an alert from a page loaded before the client answered "I need help now" (review r55).

The therapist's alert list shows the level, the urgency and the client's answer (docs/course.md: "`/alerts/` shows the
level, when it was written, the urgency and the client's answer"), and "I need help now" re-opens the alert so that
the therapist sees it. The Acknowledge form carried only a note, nothing of what the page showed
(``care.web.safety_views.alert_acknowledge`` → ``care.services.alerts.acknowledge``): posted from a page loaded
before the answer, it closed the alert over an "I need help now" the therapist never saw. As the formulation's Share
refuses a version the page did not show, the form now carries what the line showed (``shown``) and a changed alert
is refused (409), its new answer named, nothing acknowledged, the refusal audited. Only process edges are real."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from reverie.care.models import AlertAcknowledgement, RiskAlert
from reverie.care.services import alerts
from reverie.clinic.models import AuditEvent
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import Conflict
from web_client import signed_in

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."


def _ack_form(page: str, alert_id: object) -> tuple[str, dict[str, str]]:
    """The Acknowledge form of one alert as the page holds it: its action and every field it would send."""
    action = reverse("care:alert_ack", args=[alert_id])
    form = re.search(r'<form method="post" action="' + re.escape(action) + r'".*?</form>', page, re.S)
    assert form is not None, "the alert's Acknowledge form is on the page"
    fields = {
        m.group(1): m.group(2)
        for m in re.finditer(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form.group(0))
        if m.group(1) != "csrfmiddlewaretoken"
    }
    return action, fields


def test_acknowledging_from_a_page_loaded_before_need_help_does_not_close_it_unseen(
    paired: tuple[Any, Any],
) -> None:
    """The therapist opens Alerts: "no answer from the client yet". The client then answers "I need help now".
    The therapist, on the page as it was, acknowledges (with a note, "seen, will raise on Monday"). Before, the
    alert left their list, "I need help now" never shown to them. Now the acknowledgement is refused (409) with the
    alert as it is now ("I need help now"), nothing stored, the refusal audited; from the page as it is now, the
    acknowledgement goes through."""
    client, therapist = paired
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    alert = RiskAlert.objects.get(client=client)
    browser = signed_in(therapist)
    page = browser.get(reverse("care:alerts")).content.decode()
    assert "no answer from the client yet" in page
    action, fields = _ack_form(page, alert.id)

    check_in = alerts.pending_check_in(client)
    assert check_in is not None and check_in.alert_id == alert.id
    alerts.answer_check_in(client, check_in.id, "need_help")  # after the page was loaded

    refused = browser.post(action, {**fields, "note": "seen, will raise on Monday"})
    assert alert.id in [a.id for a in alerts.open_alerts(therapist)]
    assert refused.status_code == 409
    text = refused.content.decode()
    assert "changed since your page showed it" in text and "I need help now" in text
    assert not AlertAcknowledgement.objects.filter(alert=alert).exists()
    assert AuditEvent.objects.filter(action="risk.acknowledge.stale", record_id=str(alert.id)).exists()

    _action, fresh = _ack_form(text, alert.id)  # the page as it is now: the acknowledgement goes through
    assert fresh["note"] == "seen, will raise on Monday", "the typed note is kept in that alert's form"
    assert browser.post(action, {**fresh, "note": "seen"}).status_code == 302
    assert alert.id not in [a.id for a in alerts.open_alerts(therapist)]


def test_the_service_refuses_a_stale_shown_state_and_takes_the_current_one(paired: tuple[Any, Any]) -> None:
    """``alerts.acknowledge(..., shown=...)``: the state before the answer is refused (Conflict), the state now is
    acknowledged; without ``shown`` the alert as it is now is acknowledged, as before."""
    client, therapist = paired
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    alert = RiskAlert.objects.get(client=client)
    before = alerts.shown_state(alert)
    check_in = alerts.pending_check_in(client)
    assert check_in is not None
    alerts.answer_check_in(client, check_in.id, "need_help")
    with pytest.raises(Conflict, match="I need help now"):
        alerts.acknowledge(therapist, alert.id, shown=before)
    alert.refresh_from_db()
    alerts.acknowledge(therapist, alert.id, shown=alerts.shown_state(alert))
    assert alert.id not in [a.id for a in alerts.open_alerts(therapist)]
