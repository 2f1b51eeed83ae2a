"""The risk flow: a journal entry screened as ideation at save → check-in at the top of the next page (nothing
locked) → the answer reaches the therapist's alert → acknowledgement, each step audited; nothing sent anywhere,
the entry saved regardless."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.models import CheckIn, RiskAlert
from reverie.care.services import alerts, safety
from reverie.clinic.models import AuditEvent, Entry, EntryScreen, StoredAnalysis
from reverie.clinic.services import audit, journal
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import Conflict, NotFound
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db


def _stored(entry: Any, level: str, notes: list[str] | None = None) -> tuple[StoredAnalysis, dict[str, Any]]:
    stored = StoredAnalysis.objects.create(
        entry=entry, revision=entry.revision, risk_level=level, payload=b"x"
    )
    return stored, {"notes": notes or [], "findings": []}


def test_risk_flow_ideation_entry_to_acknowledged_alert(paired: tuple[Any, Any]) -> None:
    from reverie.clinic.services.analysis import analyse_stored_entry

    client, therapist = paired
    safety.save_plan(client, {"coping_steps": ["call my sister"], "crisis_country": "US"})
    view = journal.create_entry(
        client,
        EntryDraft(kind="reflection", body="I keep thinking I want to kill myself. Nobody would miss me."),
    )
    alert = RiskAlert.objects.get(client=client)  # raised by the save itself, before any analysis
    stored = analyse_stored_entry(view.id, view.revision)
    assert stored is not None and stored.risk_level == "ideation"
    assert Entry.objects.get(pk=view.id) and RiskAlert.objects.get(client=client) == alert  # no duplicate

    web = _as(client)
    journal_page = web.get("/journal/")  # nothing is locked: the journal opens, the check-in sits on top
    assert journal_page.status_code == 200 and b'id="check-in"' in journal_page.content
    for path in ("/insights/", "/export/", "/account/erase/"):
        assert web.get(path).status_code == 200
    page = web.get("/check-in/")
    assert b"It sounds like things are very hard right now. Are you safe?" in page.content
    assert b"call my sister" in page.content and b"988" in page.content  # plan and lines in the same view
    assert b'href="tel:988"' in page.content and b'href="sms:988"' in page.content
    check_in = CheckIn.objects.get(client=client)
    answered = web.post("/check-in/", {"check_in": str(check_in.id), "answer": "safe"})
    assert answered.status_code == 200 and b"call my sister" in answered.content
    assert b'id="check-in"' not in web.get("/journal/").content

    therapist_web = _as(therapist)
    assert b"Alerts (1)" in therapist_web.get("/courses/").content
    alert.refresh_from_db()
    assert alert.source == "journal" and alert.level == "ideation"
    assert alert.record_id == f"{view.id}#r{view.revision}" and alert.answer == "safe"
    listing = therapist_web.get("/alerts/")
    assert (
        b"a journal entry: thoughts of suicide or self-harm" in listing.content
        and b"kill" not in listing.content
    )
    assert (
        "I&#x27;m safe for now" in listing.content.decode() or "I'm safe for now" in listing.content.decode()
    )
    assert (
        therapist_web.post(f"/alerts/{alert.id}/acknowledge/", {"note": "Called her; safe."}).status_code
        == 302
    )
    alert.refresh_from_db()
    assert alert.acknowledged_by == therapist and b"Called her" not in bytes(alert.note or b"")
    assert alerts.open_alerts(therapist) == []

    actions = list(AuditEvent.objects.values_list("action", flat=True))
    for expected in (
        "risk.alert.journal",
        "check_in.request",
        "check_in.safe",
        "risk.alert.answer.safe",
        "risk.acknowledge",
    ):
        assert expected in actions
    assert audit.verify().ok


def test_risk_flow_need_help_and_misunderstood_keep_the_plan_visible(paired: tuple[Any, Any]) -> None:
    client, _ = paired
    entry = journal.create_entry(client, EntryDraft(kind="reflection", body="A hard day."))
    row = Entry.objects.get(pk=entry.id)
    web = _as(client)
    for answer, phrase in (("need_help", b"Please reach out now"), ("misunderstood", b"just in case")):
        stored, result = _stored(row, "behavior")
        alerts.on_analysis(row, stored, result)
        pending = alerts.pending_check_in(client)
        assert pending is not None
        page = web.post("/check-in/", {"check_in": str(pending.id), "answer": answer})
        assert phrase in page.content and b"Crisis lines" in page.content and b"988" in page.content
        assert AuditEvent.objects.filter(action=f"check_in.{answer}").exists()
        StoredAnalysis.objects.all().delete()
        RiskAlert.objects.all().delete()


def test_risk_flow_screen_that_could_not_run_still_alerts(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    entry = journal.create_entry(client, EntryDraft(kind="dream", body="Dark water."))
    row = Entry.objects.get(pk=entry.id)
    stored, result = _stored(row, "none", ["The risk analyzer could not run."])
    alerts.on_analysis(row, stored, result)
    assert (
        not RiskAlert.objects.exists()
    )  # the save's own screen read this revision: a later failure adds nothing
    EntryScreen.objects.filter(
        entry=row
    ).delete()  # an entry without a save-time screen (saved before there was one)
    alerts.on_analysis(row, stored, result)
    alerts.on_analysis(row, stored, result)  # idempotent per source record
    (alert,) = alerts.open_alerts(therapist)
    assert alert.level == "unscreened"
    assert CheckIn.objects.filter(client=client).count() == 1


def test_risk_flow_quiet_entries_raise_nothing(paired: tuple[Any, Any]) -> None:
    client, _ = paired
    entry = journal.create_entry(client, EntryDraft(kind="reflection", body="A good walk."))
    row = Entry.objects.get(pk=entry.id)
    for level in ("none", "indicator"):
        stored, result = _stored(row, level)
        alerts.on_analysis(row, stored, result)
        stored.delete()
    assert not RiskAlert.objects.exists() and alerts.pending_check_in(client) is None


def test_risk_flow_only_the_linked_therapist_acknowledges(paired: tuple[Any, Any], make_user: Any) -> None:
    client, therapist = paired
    alert = alerts.raise_alert(client, "session", "ideation", "session-1")
    with pytest.raises(NotFound):
        alerts.acknowledge(make_user(role="therapist"), alert.id, "")
    with pytest.raises(NotFound):
        alerts.acknowledge(client, alert.id, "")
    alerts.acknowledge(therapist, alert.id, "")
    with pytest.raises(Conflict):
        alerts.acknowledge(therapist, alert.id, "")
