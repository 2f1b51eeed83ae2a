"""The therapist's alerts and the end of a link on a 360x740 phone, in real Chromium (review r133, faults 1-3).

The alert line links the entry the client shared ("Read the entry (shared with you)") and it opens; Acknowledge says
"Acknowledged; your note is kept." and the client's acknowledged alerts open from the alerts page with the note; the
link's confirmation names the course record that becomes unreachable and its "Download the course record" gives the
file before "Yes, end the link". Each page: nothing sideways at 360 px, no tap target under 24x24 px, text >= 12 px."""

from __future__ import annotations

import json
from typing import Any

import pytest
from phone_measure import measure
from test_check_in_390 import _sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
RISKY = "I can't do this anymore. I've been thinking about killing myself."
NOTE = "Phoned her 17:00; safe, plan made."


def _fits(page: Any, where: str) -> None:
    found = measure(page)
    assert found["scrollWidth"] <= 360, (where, found["widest"])
    assert not found["small"], (where, found["small"])
    assert found["font"] >= 12, (where, found["fontText"])


def test_browser_alert_entry_link_acknowledged_history_and_link_end_on_a_phone(
    phone: Any, live_server: Any, dit: tuple[Any, Any, Any]
) -> None:
    from reverie.care.services import notes
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft

    client, therapist, course = dit
    notes.write_progress_note(therapist, course.id, 1, "Session one: we agreed the focus.")
    entry = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    journal.set_shared(client, entry.id, True)
    _sign_in_as(phone, therapist, live_server)

    phone.goto("/alerts/")
    _fits(phone, "alerts")
    phone.click("text=Read the entry (shared with you)")
    phone.wait_for_url(f"**/journal/{entry.id}/")
    assert "thinking about killing myself" in phone.locator("main").inner_text()

    phone.goto("/alerts/")
    phone.fill("input[name=note]", NOTE)
    phone.click("button:has-text('Acknowledge')")
    phone.wait_for_url("**/alerts/")
    assert "Acknowledged; your note is kept." in phone.locator("main").inner_text()
    _fits(phone, "alerts after acknowledging")
    phone.click(f"text={client.username}: acknowledged alerts")
    phone.wait_for_url(f"**/clients/{client.pk}/alerts/acknowledged/")
    history = phone.locator("main").inner_text()
    assert NOTE in history and "acknowledged by you" in history and "killing" not in history
    _fits(phone, "acknowledged alerts")

    phone.goto("/pair/")
    phone.click("button:has-text('End link')")
    confirm = phone.locator("main").inner_text()
    assert "become unreachable" in confirm and "1 progress note," in confirm
    _fits(phone, "end link confirmation")
    download_y = phone.locator("button:has-text('Download the course record')").bounding_box()["y"]
    end_y = phone.locator("button:has-text('Yes, end the link')").bounding_box()["y"]
    assert download_y < end_y
    with phone.expect_download() as got:
        phone.click("button:has-text('Download the course record')")
    with open(got.value.path(), encoding="utf-8") as file:
        assert "Session one: we agreed the focus." in json.dumps(json.load(file), ensure_ascii=False)
