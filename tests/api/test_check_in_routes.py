"""Issue 12 §4 over the API: a client using the API learns of the check-in in the save's own answer (create and
edit), with dialable crisis lines and the safety plan, reads the pending check-in and answers it through the same
service as the web: the answer reaches the therapist's alert with its urgency, audited; only the client may."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from api_client import Api, as_session, as_token, csrf_header

from reverie.care.models import CheckIn, RiskAlert
from reverie.care.services import alerts, safety
from reverie.clinic.models import AuditEvent
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."
QUIET = "A long walk by the river with my sister. Tea afterwards."


def _write(api: Api, body: str) -> Any:
    response = api.post("entries", {"kind": "reflection", "body": body})
    assert response.status_code == 201, response.content
    return response.json()


def _hrefs(country_lines: list[dict[str, Any]]) -> list[str]:
    return [link["href"] for c in country_lines for line in c["lines"] for link in line["links"]]


def test_api_save_answers_with_the_check_in_it_raised(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    api = as_token(client)
    saved = _write(api, RISKY)

    check_in = saved["check_in"]
    assert check_in is not None and saved["body"] == RISKY  # the entry is saved and returned: nothing blocked
    pending = alerts.pending_check_in(client)
    assert pending is not None and check_in["id"] == str(pending.id) and check_in["answer"] is None
    assert [c["answer"] for c in check_in["choices"]] == ["safe", "need_help", "misunderstood"]
    assert [c["label"] for c in check_in["choices"]][1] == "I need help now"
    assert check_in["answer_with"] == "/api/v1/check-in"
    assert check_in["safety_plan_url"].endswith("/safety/plan/") and check_in["safety_url"].endswith(
        "/safety/"
    )
    hrefs = _hrefs(check_in["crisis_lines"])
    assert hrefs and all(h.startswith(("tel:", "sms:")) for h in hrefs)
    assert "tel:988" in hrefs  # a number in dialable form: digits only, no spaces
    assert all(" " not in h.split("?")[0] for h in hrefs)
    assert [a.client_id for a in alerts.open_alerts(therapist)] == [client.pk]

    quiet = _write(api, QUIET)  # a quiet save raises none (the earlier check-in still waits, unlocked)
    assert quiet["check_in"] is None and alerts.pending_check_in(client) == pending


def test_api_edit_answers_with_its_own_check_in(paired: tuple[Any, Any]) -> None:
    client, _ = paired
    api = as_token(client)
    entry = _write(api, QUIET)
    assert entry["check_in"] is None and alerts.pending_check_in(client) is None

    edited = api.patch(f"entries/{entry['id']}", {"body": RISKY})
    assert edited.status_code == 200, edited.content
    doc = edited.json()
    alert = RiskAlert.objects.get(client=client)
    assert alert.record_id == alerts.revision_record(uuid.UUID(entry["id"]), doc["revision"])
    assert doc["check_in"]["id"] == str(CheckIn.objects.get(client=client, alert=alert).id)
    assert api.get(f"entries/{entry['id']}").status_code == 200  # reading is not locked


def test_api_check_in_read_and_answered_with_its_urgency(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    safety.save_plan(
        client,
        safety.plan_data_from_text(
            {"trusted_contacts": "Mum: 07700 900123", "coping_steps": "Walk", "crisis_country": "GB"}
        ),
    )
    api = as_token(client)
    assert api.get("check-in").json() == {"pending": None}
    saved = _write(api, RISKY)

    state = api.get("check-in").json()["pending"]
    assert state["id"] == saved["check_in"]["id"]
    assert state["crisis_lines"][0]["country"] == "GB"  # the plan's country first
    contacts = next(s for s in state["safety_plan"] if s["title"] == "People I can ask for help")
    assert contacts["items"][0]["text"] == "Mum: 07700 900123"
    assert {x["href"] for x in contacts["items"][0]["links"]} == {"tel:07700900123", "sms:07700900123"}

    answered = api.post("check-in", {"id": state["id"], "answer": "need_help"})
    assert answered.status_code == 200, answered.content
    assert answered.json()["answer"] == "need_help" and answered.json()["answered_at"]
    alert = RiskAlert.objects.get(client=client)
    assert (alert.answer, alert.urgency) == ("need_help", alerts.NEED_HELP_URGENCY)
    assert alerts.open_alerts(therapist)[0].id == alert.id
    assert AuditEvent.objects.filter(action="check_in.need_help", actor_id=client.pk).count() == 1
    assert AuditEvent.objects.filter(action="risk.alert.answer.need_help", record_id=str(alert.id)).exists()
    assert api.get("check-in").json() == {"pending": None}


def test_api_misunderstood_lowers_the_alert_and_keeps_it(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    api = as_token(client)
    saved = _write(api, RISKY)
    response = api.post("check-in", {"id": saved["check_in"]["id"], "answer": "misunderstood"})
    assert response.status_code == 200, response.content
    alert = RiskAlert.objects.get(client=client)
    assert (alert.answer, alert.urgency) == ("misunderstood", alerts.MISUNDERSTOOD_URGENCY)
    assert [a.id for a in alerts.open_alerts(therapist)] == [alert.id]  # lowered, never deleted
    assert alerts.misunderstood_feedback(client) == [alert]


def test_api_check_in_is_the_clients_own(paired: tuple[Any, Any], make_user: Any) -> None:
    client, therapist = paired
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    pending = alerts.pending_check_in(client)
    assert pending is not None
    stranger = as_token(make_user(role="client"))
    missing = stranger.post("check-in", {"id": str(uuid.uuid4()), "answer": "safe"})
    someone_elses = stranger.post("check-in", {"id": str(pending.id), "answer": "safe"})
    assert someone_elses.status_code == missing.status_code == 404
    assert someone_elses.json() == missing.json()
    by_therapist = as_token(therapist).post("check-in", {"id": str(pending.id), "answer": "misunderstood"})
    assert by_therapist.status_code == 404 and by_therapist.json() == missing.json()
    assert as_token(therapist).get("check-in").json() == {"pending": None}
    assert stranger.get("check-in").json() == {"pending": None}
    assert CheckIn.objects.get(pk=pending.pk).answered_at is None  # nothing changed

    bad = as_token(client).post("check-in", {"id": str(pending.id), "answer": "whatever"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "E100"
    assert CheckIn.objects.get(pk=pending.pk).answered_at is None


def test_api_check_in_with_the_session_needs_csrf(paired: tuple[Any, Any]) -> None:
    client, _ = paired
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    pending = alerts.pending_check_in(client)
    assert pending is not None
    api = as_session(client, enforce_csrf=True)
    body = {"id": str(pending.id), "answer": "safe"}
    assert api.post("check-in", body).status_code == 403
    assert api.post("check-in", body, **csrf_header(api)).status_code == 200
    assert alerts.pending_check_in(client) is None


def test_api_crisis_lines_carry_dialable_links() -> None:
    from django.test import Client

    lines = Client().get("/api/v1/safety/crisis-lines").json()
    hrefs = _hrefs(lines)
    assert hrefs and all(h.startswith(("tel:", "sms:")) for h in hrefs)
    assert all(h.split(":", 1)[1].split("?")[0].lstrip("+").isdigit() for h in hrefs)


def test_api_phq9_item_nine_answers_with_its_check_in(paired: tuple[Any, Any]) -> None:
    from datetime import datetime

    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = paired
    create_course(
        therapist,
        CourseDraft(client=client.username, programme="dit", start=datetime(2026, 1, 5, 10), timezone="UTC"),
    )
    api = as_token(client)
    last = {"session_number": 16}  # the course (5 Jan to 20 Apr 2026) is over: the answers name their session
    quiet = api.post("measures", {"questionnaire": "gad7", "answers": [1] * 7, **last})
    assert quiet.status_code == 201 and quiet.json()["check_in"] is None
    risky = api.post("measures", {"questionnaire": "phq9", "answers": [0] * 8 + [1], **last})
    assert risky.status_code == 201, risky.content
    check_in = risky.json()["check_in"]
    alert = RiskAlert.objects.get(client=client, source="phq9_item9")
    assert check_in["id"] == str(CheckIn.objects.get(client=client, alert=alert).id)
    assert _hrefs(check_in["crisis_lines"])
    assert api.get("check-in").json()["pending"]["id"] == check_in["id"]


def test_api_linking_tells_the_client_what_the_therapist_will_see(make_user: Any) -> None:
    client, therapist = make_user(role="client"), make_user(role="therapist")
    issued = as_token(client).post("pair/invitations")
    assert issued.status_code == 201
    notice = issued.json()["therapist_sees"]
    assert (
        "how serious it sounded" in notice
        and "a date" in notice
        and "The alert never quotes your words" in notice
    )
    assert "before the link" in notice
    theirs = as_token(therapist).post("pair/invitations").json()
    assert theirs["therapist_sees"] is None  # said to the client, not to the therapist
    accepted = as_token(client).post("pair/accept", {"code": theirs["code"]})
    assert accepted.status_code == 201 and accepted.json()["therapist_sees"] == notice
