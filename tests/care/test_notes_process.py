from __future__ import annotations

from typing import Any

import pytest

from reverie.care.models import ProgressNote, TherapistNote
from reverie.care.services import formulation, notes
from reverie.clinic.models import AuditEvent
from reverie.clinic.services import audit
from reverie.errors import InvalidInput, NotFound, PermissionDenied

pytestmark = pytest.mark.django_db
CANARY = "canary-process-7f3e"


def test_notes_are_sealed_with_the_clients_key(dit: tuple[Any, Any, Any]) -> None:
    _, therapist, course = dit
    notes.write_progress_note(therapist, course.id, 1, "Talked about work.")
    notes.add_therapist_note(therapist, course.id, "process", CANARY, slot=1)
    for row in [*ProgressNote.objects.all(), *TherapistNote.objects.all()]:
        assert b"work" not in bytes(row.payload) and CANARY.encode() not in bytes(row.payload)


def test_notes_process_and_transference_notes_are_never_the_clients(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    notes.write_progress_note(therapist, course.id, 1, "Progress of session one.")
    notes.add_therapist_note(therapist, course.id, "process", CANARY, slot=1)
    notes.add_therapist_note(therapist, course.id, "transference", "Treats me like her father.")
    notes.add_therapist_note(therapist, course.id, "countertransference", "I felt protective.")
    assert [n.text for n in notes.progress_notes(client, course.id)] == ["Progress of session one."]
    with pytest.raises(NotFound):
        notes.therapist_notes(client, course.id)
    kinds = [n.kind for n in notes.therapist_notes(therapist, course.id)]
    assert kinds == ["process", "transference", "countertransference"]
    record = notes.course_record(client, course.id)
    assert CANARY not in str(record) and "process_notes" not in record
    with pytest.raises(PermissionDenied):
        notes.course_record(client, course.id, include_process_notes=True, reason="I would like to see them")


def test_notes_process_notes_only_on_an_explicit_audited_request(dit: tuple[Any, Any, Any]) -> None:
    _, therapist, course = dit
    notes.add_therapist_note(therapist, course.id, "process", CANARY)
    assert CANARY not in str(notes.course_record(therapist, course.id))
    assert CANARY not in " ".join(notes.texts_for_analysis(therapist, course.id))
    with pytest.raises(InvalidInput):
        notes.course_record(therapist, course.id, include_process_notes=True, reason="")
    record = notes.course_record(
        therapist, course.id, include_process_notes=True, reason="Court order 2026/17"
    )
    assert CANARY in str(record["process_notes"])
    texts = notes.texts_for_analysis(
        therapist, course.id, include_process_notes=True, reason="Supervision review"
    )
    assert CANARY in texts
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"process_notes.include.export", "process_notes.include.analysis"} <= actions
    assert audit.verify().ok


def test_notes_bad_kind_and_other_therapists(dit: tuple[Any, Any, Any], make_user: Any) -> None:
    _, therapist, course = dit
    with pytest.raises(InvalidInput):
        notes.add_therapist_note(therapist, course.id, "gossip", "text")
    other = make_user(role="therapist")
    with pytest.raises(NotFound):
        notes.write_progress_note(other, course.id, 1, "text")
    with pytest.raises(NotFound):
        notes.progress_notes(other, course.id)


def test_formulation_versions_are_dated_and_show_what_changed(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    formulation.save_formulation(
        therapist, course.id, {"ipaf_self": "unlovable", "ccrt_w": "6", "ccrt_ro": "5"}
    )
    formulation.save_formulation(
        therapist,
        course.id,
        {"ipaf_self": "unlovable", "ccrt_w": "6", "ccrt_ro": "8", "defence": "withdrawal"},
    )
    with pytest.raises(InvalidInput):
        formulation.save_formulation(
            therapist,
            course.id,
            {"ipaf_self": "unlovable", "ccrt_w": "6", "ccrt_ro": "8", "defence": "withdrawal"},
        )
    versions = formulation.versions(therapist, course.id)
    assert [v.version for v in versions] == [1, 2]
    assert set(versions[1].changed) == {"ccrt_ro", "defence"}
    assert versions[1].cluster_label("ccrt_ro") == "understanding"
    assert versions[0].cluster_label("ccrt_w") == "be loved and understood"
    with pytest.raises(NotFound):
        formulation.versions(client, course.id)
    formulation.share(therapist, course.id, True)
    assert [v.version for v in formulation.versions(client, course.id)] == [
        1
    ]  # the version current when shared, numbered in the client's own sequence (h93: no gaps from drafts)
    formulation.save_formulation(
        therapist, course.id, {"ipaf_self": "unlovable", "ccrt_w": "6", "defence": "x"}
    )
    assert [v.version for v in formulation.versions(client, course.id)] == [
        1,
        2,
    ]  # and those saved while shared


@pytest.mark.parametrize(
    "draft", [{"ccrt_w": "9"}, {"ccrt_rs": "x"}, {"unknown": "a"}, {}, {"past": "x" * 2001}]
)
def test_formulation_bad_input_is_refused(dit: tuple[Any, Any, Any], draft: dict[str, str]) -> None:
    _, therapist, course = dit
    with pytest.raises(InvalidInput):
        formulation.save_formulation(therapist, course.id, draft)


def test_notes_session_risk_becomes_one_content_free_alert(dit: tuple[Any, Any, Any]) -> None:
    from reverie.care.services import alerts

    _, therapist, course = dit
    first = notes.flag_session_risk(therapist, course.id, 2, "ideation")
    again = notes.flag_session_risk(therapist, course.id, 2, "ideation")
    assert first.id == again.id and first.source == "session"
    assert [a.id for a in alerts.open_alerts(therapist)] == [first.id]
    with pytest.raises(InvalidInput):
        notes.flag_session_risk(therapist, course.id, 2, "sad")


def test_a_process_note_for_a_session_not_held_yet_is_refused_as_a_progress_note_is(
    running: Any, web_as: Any
) -> None:
    """A process note for a session still ahead is refused (400, nothing stored), as a progress note is (review
    r26): one rule for every note and flag bound to a session (:func:`notes.check_notable`)."""
    _client, therapist, course, _clock = running
    page = web_as(therapist).post(
        f"/courses/{course.id}/sessions/12/", {"action": "note", "kind": "process", "text": "what happened"}
    )
    assert page.status_code == 400
    assert b"has not been held yet" in page.content
    assert TherapistNote.objects.count() == 0


def test_a_risk_flag_for_a_session_not_held_yet_is_refused_and_the_page_offers_no_forms(
    running: Any, web_as: Any
) -> None:
    """The same rule for a risk flag, in the service (web, API and CLI agree); the page of a session still ahead
    offers none of those forms, only the plain reason."""
    from reverie.care.models import RiskAlert

    _client, therapist, course, _clock = running
    with pytest.raises(InvalidInput, match="has not been held yet"):
        notes.flag_session_risk(therapist, course.id, 12, "ideation")
    with pytest.raises(InvalidInput, match="has not been held yet"):
        notes.add_therapist_note(therapist, course.id, "transference", "Too early.", slot=12)
    assert RiskAlert.objects.count() == 0
    page = web_as(therapist).get(f"/courses/{course.id}/sessions/12/").content.decode()
    assert 'value="note"' not in page and 'value="risk"' not in page and 'value="progress"' not in page
    assert "has not been held yet" in page
    held = web_as(therapist).get(f"/courses/{course.id}/sessions/6/").content.decode()
    assert 'value="note"' in held and 'value="risk"' in held


def test_a_risk_flag_or_process_note_for_a_cancelled_session_weeks_ahead_is_refused(
    running: Any, web_as: Any
) -> None:
    """A session cancelled weeks ahead was never held: no risk flag or process note is bound to it (h12's rule;
    review r28). Only its progress note, documenting the cancellation, is taken; the page offers that form alone."""
    from reverie.care.models import RiskAlert
    from reverie.care.services import sessions
    from reverie.errors import ReverieError

    _client, therapist, course, _clock = running  # now 10 February; session 12 is on 23 March
    sessions.cancel_session(therapist, course.id, 12)
    refused = 0
    try:
        notes.flag_session_risk(therapist, course.id, 12, "ideation")
    except ReverieError:
        refused += 1
    try:
        notes.add_therapist_note(therapist, course.id, "process", "About a session never held.", slot=12)
    except ReverieError:
        refused += 1
    assert (RiskAlert.objects.count(), TherapistNote.objects.count(), refused) == (0, 0, 2)
    with pytest.raises(InvalidInput, match="cancelled, so it was never held"):
        notes.add_therapist_note(therapist, course.id, "countertransference", "Relief.", slot=12)
    page = web_as(therapist).get(f"/courses/{course.id}/sessions/12/").content.decode()
    assert 'value="progress"' in page and 'value="note"' not in page and 'value="risk"' not in page
    assert "cancelled, so it was never held" in page
    notes.write_progress_note(therapist, course.id, 12, "Cancelled ahead: the client moves house that week.")
    assert ProgressNote.objects.count() == 1
