"""Issue 12 §4: the client's answer reaches the therapist with its urgency; "You misunderstood" lowers the alert but
keeps it; a therapist is alerted only about what was written while linked, and the client is told so at linking."""

from __future__ import annotations

from typing import Any

import pytest

from course_clock import START
from reverie.care.models import CheckIn, RiskAlert
from reverie.care.services import alerts
from reverie.care.services.caseload import caseload
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.models import AuditEvent, Entry, StoredAnalysis
from reverie.clinic.services import journal, people
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import NotFound

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."


def _link(client: Any, therapist: Any) -> None:
    people.accept_invitation(therapist, people.issue_invitation(client))


def _course(client: Any, therapist: Any, hour: int = 10) -> None:
    start = START.replace(hour=hour)
    create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=start, timezone="Europe/London")
    )


def _risky_entry(client: Any) -> RiskAlert:
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    return RiskAlert.objects.get(record_id=alerts.revision_record(view.id, view.revision))


def test_need_help_reaches_the_therapist_first_with_its_urgency(make_user: Any, web_as: Any) -> None:
    therapist = make_user(role="therapist")
    calm, asking = make_user(role="client"), make_user(role="client")
    for hour, client in ((10, calm), (14, asking)):
        _link(client, therapist)
        _course(client, therapist, hour)
    _risky_entry(calm)
    needing = _risky_entry(asking)
    pending = alerts.pending_check_in(asking)
    assert pending is not None and pending.alert_id == needing.id

    answered = web_as(asking).post("/check-in/", {"check_in": str(pending.id), "answer": "need_help"})
    assert b"Please reach out now" in answered.content and b'href="tel:' in answered.content

    needing.refresh_from_db()
    assert (needing.answer, needing.urgency) == ("need_help", alerts.NEED_HELP_URGENCY)
    assert next(a.client_id for a in alerts.open_alerts(therapist)) == asking.pk  # most urgent first
    assert caseload(therapist)[0].course.client_id == asking.pk  # the caseload sorts by it too
    page = web_as(therapist).get("/alerts/").content.decode()
    # one colon (r133 11g: "urgency: urgent: asked for help now")
    assert "urgency: urgent (asked for help now)" in page and "I need help now" in page
    assert RISKY not in page and "kill" not in page
    assert "the client asked for help now" in web_as(therapist).get("/").content.decode()
    assert AuditEvent.objects.filter(action="risk.alert.answer.need_help").exists()


def test_misunderstood_lowers_the_alert_but_never_deletes_it(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    alert = _risky_entry(client)
    check_in = alerts.pending_check_in(client)
    assert check_in is not None
    alerts.answer_check_in(client, check_in.id, "misunderstood")

    alert.refresh_from_db()
    assert alert.answer == "misunderstood" and alert.urgency == alerts.MISUNDERSTOOD_URGENCY
    assert alert.urgency < alerts.urgency_for(alert.level)
    assert alert.acknowledged_at is None and [a.id for a in alerts.open_alerts(therapist)] == [alert.id]
    assert alerts.misunderstood_feedback(client) == [alert]  # kept as feedback on the screen
    assert CheckIn.objects.get(pk=check_in.id).answer == "misunderstood"
    assert AuditEvent.objects.filter(action="risk.feedback.misunderstood", record_id=str(alert.id)).exists()

    # a later, higher reading of the same revision upgrades the level; the client's word keeps the urgency low
    entry = Entry.objects.get(client=client)
    stored = StoredAnalysis.objects.create(
        entry=entry, revision=entry.revision, risk_level="attempt", payload=b"x"
    )
    alerts.on_analysis(entry, stored, {"findings": [], "notes": []})
    alert.refresh_from_db()
    assert alert.level == "attempt" and alert.urgency == alerts.MISUNDERSTOOD_URGENCY
    assert RiskAlert.objects.filter(client=client).count() == 1


def test_safe_answers_every_pending_check_in_and_lifts_the_banner(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    client, _ = paired
    first, second = _risky_entry(client), _risky_entry(client)
    web = web_as(client)
    page = web.get("/journal/").content.decode()
    # at the top of the page's content: first inside <main> (where the skip link lands, h75), above its h1
    assert page.index('id="main"') < page.index('id="check-in"') < page.index("<h1")
    pending = alerts.pending_check_in(client)
    assert pending is not None and pending.alert_id == second.id  # the newest: the entry just saved
    web.post("/check-in/", {"check_in": str(pending.id), "answer": "safe"})
    assert (
        alerts.pending_check_in(client) is None
        and 'id="check-in"' not in web.get("/journal/").content.decode()
    )
    first.refresh_from_db()
    assert first.answer == "safe"


def test_entries_written_before_the_link_never_alert_a_newly_linked_therapist(
    make_user: Any, web_as: Any
) -> None:
    client, earlier, later = make_user(), make_user(role="therapist"), make_user(role="therapist")
    _link(client, earlier)
    before = _risky_entry(client)
    view_id = Entry.objects.get(client=client).id
    _link(client, later)

    assert [a.id for a in alerts.open_alerts(earlier)] == [before.id]  # linked when it was written
    assert alerts.open_alerts(later) == []  # not linked then: no alert, now or ever
    with pytest.raises(NotFound):
        alerts.acknowledge(later, before.id, "")
    assert b"journal entry" not in web_as(later).get("/alerts/").content

    entry = Entry.objects.get(pk=view_id)  # the late full analysis of the old entry changes nothing for them
    stored = StoredAnalysis.objects.create(
        entry=entry, revision=entry.revision, risk_level="attempt", payload=b"x"
    )
    alerts.on_analysis(entry, stored, {"findings": [], "notes": []})
    assert alerts.open_alerts(later) == []

    after = _risky_entry(client)  # written while linked: both see it
    assert after.id in {a.id for a in alerts.open_alerts(later)}
    assert after.id in {a.id for a in alerts.open_alerts(earlier)}


def test_the_client_is_told_at_linking_what_the_therapist_will_see(make_user: Any, web_as: Any) -> None:
    client, therapist = make_user(), make_user(role="therapist")
    web = web_as(client)
    page = web.get("/pair/").content.decode()
    assert (
        "What your therapist will see" in page
        and "how serious it sounded" in page
        and "The alert never quotes your words" in page
    )
    assert "Nothing you wrote before the link" in page
    assert (
        "your therapist reads a goal or a note you send them as you wrote it" in page
    )  # not "never your words"
    code = people.issue_invitation(therapist)
    linked = web.post("/pair/", {"action": "accept", "code": code}).content.decode()
    assert (
        "You are now linked" in linked and "The alert never quotes your words" in linked
    )  # alerts.THERAPIST_SEES, as the API says
    # once, under its heading (r133 11c: the "You are now linked." line repeated the whole paragraph above it)
    assert linked.count("The alert never quotes your words") == 1
    assert "You are now linked. What your therapist sees is below." in linked
    assert "your linked therapist can read and edit all of it" in linked  # the safety plan (r57)
    assert "What your therapist will see" not in web_as(therapist).get("/pair/").content.decode()
