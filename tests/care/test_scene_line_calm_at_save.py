"""h152 (review r126): a client who saves only the time ("Two in the morning.") on the web is not asked "are you
safe?", and their therapist gets no alert; a wish written after the time still raises both."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.models.safety import CHECK_IN_QUESTION, UNSURE_QUESTION
from reverie.care.services import alerts
from reverie.clinic.models import Entry, EntryScreen
from risk_model import sentence_model

pytestmark = pytest.mark.django_db


def _save(web: Any, body: str) -> str:
    page = web.post("/write/", {"kind": "reflection", "body": body}, follow=True)
    assert page.status_code == 200
    return page.content.decode()


def test_r126_the_time_alone_is_calm_at_save(paired: tuple[Any, Any], web_as: Any) -> None:
    sentence_model()
    client, therapist = paired
    html = _save(web_as(client), "Two in the morning.")
    entry = Entry.objects.get(client=client)
    assert EntryScreen.objects.get(entry_id=entry.id).level == "none"
    assert UNSURE_QUESTION not in html and CHECK_IN_QUESTION not in html
    assert alerts.pending_check_in(client) is None and alerts.open_alerts(therapist) == []


def test_a_wish_after_the_time_still_asks(paired: tuple[Any, Any], web_as: Any) -> None:
    sentence_model()
    client, therapist = paired
    html = _save(web_as(client), "2am. i want it to stop.")
    assert alerts.pending_check_in(client) is not None and len(alerts.open_alerts(therapist)) == 1
    assert UNSURE_QUESTION in html  # the sentence model alone: the gentler question
