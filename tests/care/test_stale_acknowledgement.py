"""Review r55: acknowledging an alert from a page loaded before the client answered "I need help now".

The therapist's alert list shows the level, the urgency and the client's answer (docs/course.md: "`/alerts/` shows the
level, when it was written, the urgency and the client's answer"), and "I need help now" re-opens the alert so that
the therapist sees it. The Acknowledge form carries only a note, nothing of what the page showed
(``care.web.safety_views.alert_acknowledge`` → ``care.services.alerts.acknowledge``): posted from a page loaded
before the answer, it closes the alert over an "I need help now" the therapist never saw. The formulation's Share and
the goodbye letter's Give refuse a version the page did not show (409); the acknowledgement of a risk does not."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from reverie.care.models import RiskAlert
from reverie.care.services import alerts
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft
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
    The therapist, on the page as it was, acknowledges (with a note, "seen, will raise on Monday"). What they see
    now: the alert gone from their list, "I need help now" never shown to them. What they should see: the
    acknowledgement refused (409) with the alert as it is now (urgent, "I need help now"), or at least the alert
    still on their list, since what they acknowledged is not what the alert says."""
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

    browser.post(action, {**fields, "note": "seen, will raise on Monday"})
    open_now = [a.id for a in alerts.open_alerts(therapist)]
    # refused (409) stores nothing, so the alert is still open; accepted, it must not have closed it unseen
    assert alert.id in open_now
