"""The risk alert reaches the therapist when it should, and only then (review r17's faults 6–15, issue 12 point 4).

"I need help now" and a higher level after an acknowledgement re-open the alert; "I need help now" answered while
linked reaches the therapist even for a check-in from before the link; each therapist acknowledges for themselves;
an edit that changes no words raises nothing new; an imported future date is not trusted; the prep page's risk
overview counts the save-time screens and only what was written since the link; reading the alert list is audited.
"""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.models import RiskAlert
from reverie.care.services import alerts
from reverie.clinic.models import EntryScreen
from reverie.clinic.services import journal, people
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."


def _alert_of(view: Any) -> RiskAlert | None:
    return RiskAlert.objects.filter(record_id=alerts.revision_record(view.id, view.revision)).first()


def _screen_level(view: Any) -> str:
    return str(EntryScreen.objects.get(entry_id=view.id, revision=view.revision).level)


def test_need_help_after_acknowledgement_reaches_the_therapist(paired: tuple[Any, Any]) -> None:
    """A client who answers 'I need help now' after the therapist acknowledged the alert still reaches the therapist:
    the alert (urgency 5) is back on the therapist's open list."""
    client, therapist = paired
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    alert = _alert_of(view)
    assert alert is not None
    alerts.acknowledge(therapist, alert.id, "")
    check_in = alerts.pending_check_in(client)
    assert check_in is not None and check_in.alert_id == alert.id
    alerts.answer_check_in(client, check_in.id, "need_help")
    alert.refresh_from_db()
    assert alert.urgency == alerts.NEED_HELP_URGENCY  # recorded …
    assert alert.id in [a.id for a in alerts.open_alerts(therapist)]  # … but does the therapist ever see it?


def test_tag_only_edit_of_pre_link_entry_does_not_alert_new_therapist(make_user: Any) -> None:
    """Words written before the link never raise an alert for the therapist: adding a tag after linking to an
    entry written before it (no new words) raises nothing on the new therapist's list."""
    client, therapist = make_user(role="client"), make_user(role="therapist")
    before = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    people.accept_invitation(therapist, people.issue_invitation(client))
    assert alerts.open_alerts(therapist) == []
    journal.update_entry(
        client,
        before.id,
        EntryDraft(kind="reflection", body=RISKY, happened_at=before.happened_at, tags=("sleep",)),
    )
    assert alerts.open_alerts(therapist) == []


def _course_for(client: Any, therapist: Any) -> Any:
    from datetime import timedelta

    from django.utils import timezone

    from reverie.care.services.course import CourseDraft, create_course

    start = (timezone.now() + timedelta(days=1)).replace(tzinfo=None, minute=0, second=0, microsecond=0)
    return create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=start, timezone="Europe/London")
    )


def test_prep_risk_overview_counts_the_save_time_screen(paired: tuple[Any, Any]) -> None:
    """The therapist's prep 'Risk screen, last 30 days' counts the entries the save-time screen flagged, without
    waiting for the worker (REVERIE_ANALYSIS=off, or a backlog)."""
    from django.utils import timezone

    from reverie.care.services.prep import risk_overview

    client, therapist = paired
    course = _course_for(client, therapist)
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    assert _screen_level(view) in alerts.RISKY_LEVELS
    overview = risk_overview(course, timezone.now())
    assert overview.flagged == 1 and overview.highest in alerts.RISKY_LEVELS


def test_prep_risk_overview_leaves_out_entries_written_before_the_link(make_user: Any) -> None:
    """The prep page's risk overview (level and date) holds nothing written before the client linked with this
    therapist, as the client was told at linking."""
    from django.utils import timezone

    from reverie.care.services.prep import risk_overview
    from reverie.clinic.models import Entry, StoredAnalysis

    client, therapist = make_user(role="client"), make_user(role="therapist")
    before = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    StoredAnalysis.objects.create(
        entry=Entry.objects.get(pk=before.id), revision=1, risk_level="ideation", payload=b"x"
    )
    people.accept_invitation(therapist, people.issue_invitation(client))
    course = _course_for(client, therapist)
    assert alerts.open_alerts(therapist) == []  # the alerts respect the link …
    overview = risk_overview(course, timezone.now())
    assert overview.flagged == 0 and overview.on is None  # … the prep page's overview should too


def test_upgrade_after_acknowledgement_reaches_the_therapist(paired: tuple[Any, Any]) -> None:
    """When the full analysis later rates an acknowledged alert higher (ideation → attempt), the therapist learns
    of it: the upgraded alert is back on their open list."""
    from reverie.clinic.models import Entry, StoredAnalysis

    client, therapist = paired
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    alert = _alert_of(view)
    assert alert is not None and alert.level == "ideation"
    alerts.acknowledge(therapist, alert.id, "")
    row = Entry.objects.get(pk=view.id)
    stored = StoredAnalysis.objects.create(
        entry=row, revision=row.revision, risk_level="attempt", payload=b"x"
    )
    alerts.on_analysis(row, stored, {"notes": [], "findings": []})
    alert.refresh_from_db()
    assert alert.level == "attempt"  # upgraded …
    assert alert.id in [a.id for a in alerts.open_alerts(therapist)]  # … yet never shown again


def test_unchanged_words_edit_raises_no_second_alert(paired: tuple[Any, Any]) -> None:
    """Adding a tag to a risky entry the client already answered and the therapist already acknowledged (no words
    changed) does not raise a second alert nor ask 'Are you safe?' again: no crying wolf."""
    client, therapist = paired
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    alert = _alert_of(view)
    check_in = alerts.pending_check_in(client)
    assert alert is not None and check_in is not None
    alerts.answer_check_in(client, check_in.id, "safe")
    alerts.acknowledge(therapist, alert.id, "")
    journal.update_entry(
        client,
        view.id,
        EntryDraft(kind="reflection", body=RISKY, happened_at=view.happened_at, tags=("sleep",)),
    )
    assert alerts.pending_check_in(client) is None
    assert alerts.open_alerts(therapist) == []


def test_import_dated_in_the_future_does_not_alert_a_therapist_linked_later(make_user: Any) -> None:
    """An entry imported before the link, whose file claims it was written in 2031 (a wrong clock, a hand-edited
    file), never raises an alert for a therapist the client links with afterwards."""
    import json

    from reverie.clinic.services import portability
    from reverie.journal.interchange import dump_reverie_json

    source, client, therapist = make_user(), make_user(), make_user(role="therapist")
    journal.create_entry(source, EntryDraft(kind="reflection", body=RISKY))
    doc = json.loads(dump_reverie_json(portability.export_journal(source)))
    for item in doc["entries"]:
        item["written_at"] = "2031-01-01T00:00:00+00:00"
        item["id"] = "00000000-0000-4000-8000-000000000001"
    assert portability.import_journal(client, json.dumps(doc).encode()).created == 1
    assert RiskAlert.objects.filter(client=client).count() == 1  # screened at import: good
    people.accept_invitation(therapist, people.issue_invitation(client))
    assert alerts.open_alerts(therapist) == []


def test_need_help_answered_after_linking_reaches_the_new_therapist(make_user: Any) -> None:
    """A client whose check-in is still waiting from before the link, and who taps 'I need help now' once linked,
    reaches the therapist: the plea is made while linked (the earlier level and words may stay hidden)."""
    client, therapist = make_user(role="client"), make_user(role="therapist")
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    people.accept_invitation(therapist, people.issue_invitation(client))
    check_in = alerts.pending_check_in(client)
    assert check_in is not None
    alerts.answer_check_in(client, check_in.id, "need_help")
    assert len(alerts.open_alerts(therapist)) == 1  # nothing reaches the therapist


def test_one_therapists_acknowledgement_does_not_hide_the_alert_from_another(make_user: Any) -> None:
    """With two therapists linked to a client, one acknowledging an alert leaves it on the other's open list."""
    client = make_user(role="client")
    first, second = make_user(role="therapist"), make_user(role="therapist")
    for therapist in (first, second):
        people.accept_invitation(therapist, people.issue_invitation(client))
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    alert = _alert_of(view)
    assert alert is not None and [a.id for a in alerts.open_alerts(second)] == [alert.id]
    alerts.acknowledge(first, alert.id, "")
    assert [a.id for a in alerts.open_alerts(second)] == [alert.id]


def test_therapist_reading_the_alert_list_is_audited(paired: tuple[Any, Any], web_as: Any) -> None:
    """A therapist opening the risk-alert list (which clients are at risk, how, when, their answers) leaves an
    audit event naming each client shown, as reading any other record of theirs does."""
    from reverie.clinic.models import AuditEvent

    client, therapist = paired
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    before = AuditEvent.objects.filter(actor_id=therapist.pk, subject_id=client.pk).count()
    page = web_as(therapist).get("/alerts/")
    assert page.status_code == 200 and "journal entry" in page.content.decode()
    assert AuditEvent.objects.filter(actor_id=therapist.pk, subject_id=client.pk).count() > before


def test_reopened_alert_says_why_and_keeps_the_acknowledgement(paired: tuple[Any, Any], web_as: Any) -> None:
    """A re-opened alert says on the therapist's list why it came back; the first acknowledgement stays in its
    history (with the level and urgency it had), and the therapist can acknowledge it again."""
    from reverie.care.models import AlertAcknowledgement
    from reverie.care.services import records

    client, therapist = paired
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    alert = _alert_of(view)
    assert alert is not None
    alerts.acknowledge(therapist, alert.id, "spoke on the phone")
    check_in = alerts.pending_check_in(client)
    assert check_in is not None
    alerts.answer_check_in(client, check_in.id, "need_help")
    page = web_as(therapist).get("/alerts/").content.decode()
    assert "back on your list" in page and "I need help now" in page
    alerts.acknowledge(therapist, alert.id, "")
    assert alerts.open_alerts(therapist) == []
    history = list(AlertAcknowledgement.objects.filter(alert=alert).values_list("urgency", flat=True))
    assert history == [alerts.LEVEL_URGENCY["ideation"], alerts.NEED_HELP_URGENCY]
    first = AlertAcknowledgement.objects.filter(alert=alert).first()
    assert first is not None and first.note is not None
    assert records.open_json(client, first.id, alerts.NOTE_PURPOSE, first.note) == {
        "text": "spoke on the phone"
    }


def test_only_the_therapist_who_acknowledged_is_told_it_came_back(make_user: Any, web_as: Any) -> None:
    """A second therapist who never acknowledged the alert sees it as any open alert, not as 'back on your list'."""
    client = make_user(role="client")
    first, second = make_user(role="therapist"), make_user(role="therapist")
    for therapist in (first, second):
        people.accept_invitation(therapist, people.issue_invitation(client))
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    alert = _alert_of(view)
    assert alert is not None
    alerts.acknowledge(first, alert.id, "")
    check_in = alerts.pending_check_in(client)
    assert check_in is not None
    alerts.answer_check_in(client, check_in.id, "need_help")
    assert "back on your list" in web_as(first).get("/alerts/").content.decode()
    assert "back on your list" not in web_as(second).get("/alerts/").content.decode()


def test_need_help_after_linking_shows_no_level_or_date_of_the_earlier_words(
    make_user: Any, web_as: Any
) -> None:
    """The plea made while linked reaches the new therapist with its answer, date and urgency, never the level or
    the date of what was written before the link."""
    client, therapist = make_user(role="client"), make_user(role="therapist")
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    people.accept_invitation(therapist, people.issue_invitation(client))
    check_in = alerts.pending_check_in(client)
    assert check_in is not None
    alerts.answer_check_in(client, check_in.id, "need_help")
    page = web_as(therapist).get("/alerts/").content.decode()
    line = page[page.index('<li class="entry-row alert-row') :].split("</li>", 1)[0]
    assert "asked for help now" in line and "I need help now" in line
    assert "ideation" not in line and "written " not in line.replace("written before the link", "")
    (shown,) = alerts.open_alerts(therapist)
    alerts.acknowledge(therapist, shown.id, "")  # the policy lets them act on it
    assert alerts.open_alerts(therapist) == []


def test_same_words_read_higher_by_the_analysis_upgrade_the_first_alert(paired: tuple[Any, Any]) -> None:
    """The full analysis of a revision that kept the words (a tag added) reaches the alert of those words: an
    upgrade re-opens it, and no second alert is raised."""
    from reverie.clinic.models import Entry, StoredAnalysis

    client, therapist = paired
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    alert = _alert_of(view)
    assert alert is not None
    alerts.acknowledge(therapist, alert.id, "")
    journal.update_entry(
        client,
        view.id,
        EntryDraft(kind="reflection", body=RISKY, happened_at=view.happened_at, tags=("sleep",)),
    )
    row = Entry.objects.get(pk=view.id)
    assert row.revision == 2 and EntryScreen.objects.get(entry=row, revision=2).words_revision == 1
    stored = StoredAnalysis.objects.create(entry=row, revision=2, risk_level="attempt", payload=b"x")
    alerts.on_analysis(row, stored, {"notes": [], "findings": []})
    assert RiskAlert.objects.filter(client=client).count() == 1
    alert.refresh_from_db()
    assert alert.level == "attempt" and [a.id for a in alerts.open_alerts(therapist)] == [alert.id]
    journal.update_entry(  # new words, by contrast, are screened and alerted as such
        client,
        view.id,
        EntryDraft(kind="reflection", body=RISKY + " I have the pills ready.", tags=("sleep",)),
    )
    assert RiskAlert.objects.filter(client=client).count() == 2


@pytest.mark.parametrize("answer", [2, 3])
def test_phq9_item9_more_often_is_more_urgent(dit: tuple[Any, Any, Any], answer: int) -> None:
    """PHQ-9 item 9 answered 2 ("more than half the days") or 3 ("nearly every day") starts more urgent than 1
    ("several days", urgency 2, as before)."""
    from reverie.care.services import measures

    client, therapist, _ = dit
    done = measures.submit(client, "phq9", [0] * 8 + [answer], session_number=1)
    assert done.alert is not None and done.alert.urgency > alerts.urgency_for("ideation") == 2
    assert [a.urgency for a in alerts.open_alerts(therapist)] == [done.alert.urgency]


def test_erasure_notice_counts_the_plea_the_therapist_saw(make_user: Any) -> None:
    """The erasure notice counts, among the alerts a therapist saw, the "I need help now" answered while linked on a
    check-in from before the link (the therapist held it)."""
    from reverie.care.services import erasure

    client, therapist = make_user(role="client"), make_user(role="therapist")
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    people.accept_invitation(therapist, people.issue_invitation(client))
    check_in = alerts.pending_check_in(client)
    assert check_in is not None
    alerts.answer_check_in(client, check_in.id, "need_help")
    (loss,) = erasure.losses(client)
    assert loss.removed["alerts"] == 1


@pytest.mark.parametrize("path", ["/", "/courses/"])
def test_alert_lines_on_the_home_and_courses_pages_are_audited(
    paired: tuple[Any, Any], web_as: Any, path: str
) -> None:
    """The home and courses pages list the same alert lines as /alerts/: reading them there is audited too, once
    per client shown."""
    from reverie.clinic.models import AuditEvent

    client, therapist = paired
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    page = web_as(therapist).get(path)
    assert page.status_code == 200 and "journal entry" in page.content.decode()
    reads = AuditEvent.objects.filter(actor_id=therapist.pk, subject_id=client.pk, action="risk.alert.read")
    assert reads.count() == 1


def test_migration_keeps_each_earlier_acknowledgement_with_its_note(paired: tuple[Any, Any]) -> None:
    """Migration care/0012 keeps an alert acknowledged before acknowledgements were per therapist as that
    therapist's acknowledgement (under the alert's id, so the note sealed under it still opens): it stays closed for
    them and open for nobody else's sake."""
    import importlib

    from django.apps import apps
    from django.utils import timezone

    from reverie.care.models import AlertAcknowledgement
    from reverie.care.services import records

    step = importlib.import_module("reverie.care.migrations.0012_alert_acknowledgement_per_therapist")
    client, therapist = paired
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    alert = _alert_of(view)
    assert alert is not None
    note = records.seal_json(client, alert.id, alerts.NOTE_PURPOSE, {"text": "called her"})
    RiskAlert.objects.filter(pk=alert.pk).update(
        acknowledged_at=timezone.now(), acknowledged_by=therapist, note=note
    )
    step._keep_acknowledgements(apps, None)
    kept = AlertAcknowledgement.objects.get(alert=alert)
    assert kept.id == alert.id and kept.therapist_id == therapist.pk and kept.note is not None
    assert records.open_json(client, kept.id, alerts.NOTE_PURPOSE, kept.note) == {"text": "called her"}
    assert alerts.open_alerts(therapist) == []


def test_save_again_of_pre_link_entry_does_not_alert_new_therapist(make_user: Any) -> None:
    """ "Save again" copies an entry's words into a new entry: words written before the link raise nothing for the
    new therapist, and no second alert nor second check-in for the client (the copy reaches the original's alert)."""
    import uuid

    from reverie.care.models import CheckIn

    client, therapist = make_user(role="client"), make_user(role="therapist")
    before = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    people.accept_invitation(therapist, people.issue_invitation(client))
    copy = journal.save_again(client, before.id, uuid.uuid4())
    assert copy.id != before.id
    assert alerts.open_alerts(therapist) == []
    assert (
        RiskAlert.objects.filter(client=client).count() == 1
        and CheckIn.objects.filter(client=client).count() == 1
    )
    journal.update_entry(  # a tag added to the copy still reaches the original words' alert
        client,
        copy.id,
        EntryDraft(kind="reflection", body=RISKY, happened_at=copy.happened_at, tags=("sleep",)),
    )
    assert alerts.open_alerts(therapist) == [] and RiskAlert.objects.filter(client=client).count() == 1


def test_upgrade_of_pre_link_words_does_not_reopen_a_before_link_alert(make_user: Any) -> None:
    """A therapist who sees an alert only because the client asked for help while linked (``before_link``: level
    and date hidden) is not told, by a re-open "rated more serious", that the pre-link words were rated higher
    (review r23); a new "I need help now" still brings it back."""
    client, therapist = make_user(role="client"), make_user(role="therapist")
    before = journal.create_entry(
        client, EntryDraft(kind="reflection", body=RISKY)
    )  # written before the link
    record = alerts.revision_record(before.id, before.revision)
    people.accept_invitation(therapist, people.issue_invitation(client))
    check_in = alerts.pending_check_in(client)
    assert check_in is not None
    alerts.answer_check_in(client, check_in.id, "need_help")
    shown = alerts.open_alerts(therapist)
    assert len(shown) == 1 and shown[0].before_link and shown[0].reopened_label == ""
    alerts.acknowledge(therapist, shown[0].id, "")
    alerts.signal(
        client, "journal", "attempt", record, written_at=before.happened_at
    )  # the analysis reads higher
    assert RiskAlert.objects.get(pk=shown[0].id).urgency == alerts.NEED_HELP_URGENCY
    assert alerts.open_alerts(therapist) == []
