"""An acknowledgement is confirmed, and its note can be read back (review r133, fault 2).

After Acknowledge the alert left the list with no word, and no page showed acknowledged alerts, who acknowledged
them, when, or the note (``alerts._store_acknowledgement`` sealed it; nothing ever read it). Now the alerts page says
"Acknowledged; your note is kept." and links each client's history of acknowledged alerts: the alert line as the
alerts page shows it (level in words, when written, the client's check-in answer), when it was acknowledged, by
whom, and the note, opened for the therapist who wrote it alone. Reading it is audited, content-free; a client not
linked answers as a missing one. Only process edges are real."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from reverie.care.models import AlertAcknowledgement, RiskAlert
from reverie.care.services import alerts
from reverie.clinic.models import AuditEvent
from reverie.clinic.services import journal, people
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."
NOTE = "Phoned him 17:00; safe, plan made."


def _ack_fields(page: str, alert_id: object) -> tuple[str, dict[str, str]]:
    action = reverse("care:alert_ack", args=[alert_id])
    form = re.search(r'<form method="post" action="' + re.escape(action) + r'".*?</form>', page, re.S)
    assert form is not None
    fields = {
        m.group(1): m.group(2)
        for m in re.finditer(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form.group(0))
        if m.group(1) != "csrfmiddlewaretoken"
    }
    return action, fields


def test_acknowledging_says_so_and_the_note_is_read_back_by_its_writer_alone(
    paired: tuple[Any, Any], make_user: Any, web_as: Any
) -> None:
    client, therapist = paired
    second = make_user(role="therapist")
    people.accept_invitation(second, people.issue_invitation(client))
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    alert = RiskAlert.objects.get(client=client)
    check_in = alerts.pending_check_in(client)
    assert check_in is not None
    alerts.answer_check_in(client, check_in.id, "safe")

    web = web_as(therapist)
    action, fields = _ack_fields(web.get(reverse("care:alerts")).content.decode(), alert.id)
    done = web.post(action, {**fields, "note": NOTE}, follow=True)
    page = done.content.decode()
    assert "Acknowledged; your note is kept." in page
    history_url = reverse("care:acknowledged", args=[client.pk])
    assert history_url in page, "the alerts page links the client's acknowledged alerts"

    stored = AlertAcknowledgement.objects.get(therapist=therapist)
    assert NOTE.encode() not in bytes(stored.note), "the note is kept sealed"

    history = web.get(history_url)
    text = history.content.decode()
    assert history.status_code == 200
    assert "Phoned him 17:00; safe, plan made." in text.replace("&#x27;", "'")
    assert "acknowledged by you" in text and "I&#x27;m safe for now" in text
    assert "kill myself" not in text, "the line never quotes the entry"
    assert AuditEvent.objects.filter(
        action="risk.acknowledge.read", actor_id=therapist.pk, subject_id=client.pk
    ).exists()

    # the other linked therapist: their own acknowledgement without a note, and never the first one's note
    other = web_as(second)
    action, fields = _ack_fields(other.get(reverse("care:alerts")).content.decode(), alert.id)
    assert "Acknowledged." in other.post(action, fields, follow=True).content.decode()
    theirs = other.get(history_url).content.decode()
    assert "Phoned him" not in theirs and "no note" in theirs
    assert "Phoned him" in web.get(history_url).content.decode()


def test_the_history_of_a_client_not_linked_answers_as_a_missing_one(
    paired: tuple[Any, Any], make_user: Any, web_as: Any
) -> None:
    client, _therapist = paired
    stranger = make_user(role="therapist")
    web = web_as(stranger)
    theirs = web.get(reverse("care:acknowledged", args=[client.pk]))
    missing = web.get(reverse("care:acknowledged", args=[10**12]))
    assert theirs.status_code == missing.status_code == 404
    assert web_as(client).get(reverse("care:acknowledged", args=[client.pk])).status_code == 403
