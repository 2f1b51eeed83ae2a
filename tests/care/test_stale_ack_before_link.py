"""r59 review of ff398d3 (a stale alert acknowledgement is refused, 409): ``alerts.shown_state`` digests the
alert's level and when it was raised for every line, including a ``before_link`` line, which shows neither (the
therapist sees the alert only because the client answered "I need help now" while linked; the level and date of
the words written before the link are hidden from them: review r23, ``open_alerts``). A later reading of those
earlier words (the analysis rates them higher: ``alerts.signal``) changes nothing on that line, yet changes the
digest, so the therapist's acknowledgement is refused with "This alert changed since your page showed it": a
refusal that tells them the hidden pre-link words were just re-rated, and that asks them to look again at a line
that did not change."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from reverie.care.models import AlertAcknowledgement
from reverie.care.services import alerts
from reverie.clinic.services import journal, people
from reverie.clinic.services.journal import EntryDraft
from web_client import signed_in

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."
# Hidden values that are not what the therapist sees: the digest under test, the CSRF token, and the draft writer's
# signed stamp (``drafts.sign_writer``), which carries the second it was signed: two loads a second apart differ
# there (h168 saw this test fail once by that alone).
HIDDEN = re.compile(r'<input type="hidden" name="(shown|csrfmiddlewaretoken|writer)" value="[^"]*">')


def _visible(page: str) -> str:
    return HIDDEN.sub("", page)


def test_a_reading_of_pre_link_words_does_not_refuse_the_before_link_acknowledgement(make_user: Any) -> None:
    """The client wrote risky words before linking, then (linked) answered "I need help now": the therapist's
    Alerts page shows that answer, no level, no date. The analysis then reads the earlier words higher. The
    therapist taps Acknowledge on the page they just loaded, whose line is exactly what the page shows now. They get
    409 "This alert changed since your page showed it" (and the client's audit trail says they tried from a page
    that did not show its latest state): they learn the pre-link words were re-rated, which the line is built to
    hide, and nothing they can see has changed. The acknowledgement should go through."""
    client, therapist = make_user(role="client"), make_user(role="therapist")
    before = journal.create_entry(
        client, EntryDraft(kind="reflection", body=RISKY)
    )  # written before the link
    record = alerts.revision_record(before.id, before.revision)
    people.accept_invitation(therapist, people.issue_invitation(client))
    check_in = alerts.pending_check_in(client)
    assert check_in is not None
    alerts.answer_check_in(client, check_in.id, "need_help")
    browser = signed_in(therapist)
    page = browser.get(reverse("care:alerts")).content.decode()
    [line] = alerts.open_alerts(therapist)
    assert line.before_link
    shown = re.search(r'name="shown" value="([^"]+)"', page)
    assert shown is not None

    alerts.signal(
        client, "journal", "attempt", record, written_at=before.happened_at
    )  # read higher, hidden here
    again = browser.get(reverse("care:alerts")).content.decode()
    assert _visible(again) == _visible(page), "the line the therapist sees is unchanged"

    answer = browser.post(reverse("care:alert_ack", args=[line.id]), {"shown": shown.group(1), "note": ""})
    assert answer.status_code == 302, answer.content.decode()[-600:]
    assert AlertAcknowledgement.objects.filter(alert_id=line.id, therapist=therapist).exists()
