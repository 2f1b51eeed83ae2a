"""The check-in page shows its writer what Reverie read: the sentences of their own entry that the save-time screen
flagged, so a misreading is plain to see ("You misunderstood") and a true reading is met with their own words. Only
the writer sees them (never the therapist, never in the banner on other pages), only for the revision that raised the
check-in, and nothing once the entry is in the trash."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.services import alerts
from reverie.clinic.models import AuditEvent
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
CALM = "Long day at the library, then soup with my sister."
RISKY = "Some nights I wish I could go to sleep and never wake up."
SECOND = "I have been saving my tablets for the night I decide to take them all."


def _raise(client: Any, body: str) -> Any:
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=body))
    assert alerts.pending_check_in(client) is not None
    return view


def test_the_check_in_page_shows_the_flagged_sentences_and_not_the_others(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    client, therapist = paired
    _raise(client, f"{CALM} {RISKY}")
    page = web_as(client).get("/check-in/").content.decode()
    assert "What Reverie read" in page
    assert RISKY in page
    assert CALM not in page  # only the sentence the screen flagged
    assert "it can be wrong" in page
    banner_page = web_as(client).get("/write/").content.decode()
    assert 'id="check-in"' in banner_page and RISKY not in banner_page  # the words are not on every page
    # a way to them: the check-in page, the answers first and the words right under them (u5: the link led to the
    # words, past the answers)
    assert 'href="/check-in/">What Reverie read</a>' in banner_page
    alerts_page = web_as(therapist).get("/alerts/")
    assert (
        alerts_page.status_code == 200 and RISKY not in alerts_page.content.decode()
    )  # a level and a date only


def test_the_words_come_from_the_revision_that_raised_the_check_in(paired: tuple[Any, Any]) -> None:
    client, _ = paired
    view = _raise(client, RISKY)
    pending = alerts.pending_check_in(client)
    assert alerts.check_in_words(client, pending) == (RISKY,)
    journal.update_entry(client, view.id, EntryDraft(kind="reflection", body=f"{CALM} {SECOND}"))
    newest = alerts.pending_check_in(client)
    assert newest is not None and newest.pk != pending.pk
    assert alerts.check_in_words(client, newest) == (SECOND,)  # the edit's own check-in: its own sentence
    assert alerts.check_in_words(client, pending) == (RISKY,)  # the first one still reads the first version


def test_no_words_for_someone_else_for_a_trashed_entry_or_a_questionnaire(
    paired: tuple[Any, Any], make_user: Any
) -> None:
    client, therapist = paired
    view = _raise(client, RISKY)
    pending = alerts.pending_check_in(client)
    stranger = make_user()
    assert alerts.check_in_words(stranger, pending) == ()
    assert alerts.check_in_words(therapist, pending) == ()
    assert alerts.check_in_words(client, None) == ()
    journal.trash_entry(client, view.id)
    assert alerts.check_in_words(client, pending) == ()


def test_reading_the_words_back_is_audited_as_a_read_of_the_entry(paired: tuple[Any, Any]) -> None:
    client, _ = paired
    view = _raise(client, RISKY)
    before = AuditEvent.objects.filter(action="entry.read", record_id=str(view.id)).count()
    assert alerts.check_in_words(client, alerts.pending_check_in(client)) == (RISKY,)
    assert AuditEvent.objects.filter(action="entry.read", record_id=str(view.id)).count() == before + 1


def test_a_long_flagged_sentence_is_cut(paired: tuple[Any, Any]) -> None:
    client, _ = paired
    long = "Tonight I want to kill myself " + "and I keep walking round the flat " * 12 + "in the dark."
    _raise(client, long)
    (shown,) = alerts.check_in_words(client, alerts.pending_check_in(client))
    assert shown.endswith(" …") and len(shown) <= journal.FLAGGED_WORDS_CHARS + 2
    assert long.startswith(shown[:-2])


def test_the_api_shows_the_same_words_while_the_check_in_waits(paired: tuple[Any, Any]) -> None:
    from django.test import Client

    from reverie.api import tokens

    client, _ = paired
    _raise(client, f"{CALM} {RISKY}")
    api = Client(headers={"Authorization": f"Bearer {tokens.issue(client, 'read back').secret}"})
    pending = api.get("/api/v1/check-in").json()["pending"]
    assert pending["read"] == [RISKY]
    answered = api.post(
        "/api/v1/check-in", {"id": pending["id"], "answer": "misunderstood"}, content_type="application/json"
    ).json()
    assert answered["read"] == []  # once answered, the words are not sent again


def test_the_command_line_shows_the_words_with_the_waiting_check_in(cli: Any) -> None:
    cli("user", "create", "rina")
    cli("journal", "write", "-u", "rina", input=f"{CALM} {RISKY}")
    _, out, _ = cli("journal", "check-in", "-u", "rina")
    assert "What Reverie read" in out and f"> {RISKY}" in out and CALM not in out
    cli("journal", "check-in", "-u", "rina", "--answer", "misunderstood")
    _, out, _ = cli("journal", "check-in", "-u", "rina")
    assert "No check-in is waiting." in out


def test_a_questionnaire_check_in_shows_the_question_and_the_answer(
    dit: tuple[Any, Any, Any], web_as: Any
) -> None:
    from reverie.care.services import measures

    client, therapist, _ = dit
    measures.submit(client, "phq9", [0] * 8 + [2], session_number=1)
    pending = alerts.pending_check_in(client)
    (shown,) = alerts.check_in_words(client, pending)
    assert shown.startswith("Question 9: “") and shown.endswith("Your answer: “More than half the days”.")
    assert alerts.check_in_words(therapist, pending) == ()
    page = web_as(client).get("/check-in/").content.decode()
    assert "asked about thoughts of being better off dead" in page and "More than half the days" in page


@pytest.mark.parametrize("revision", ["1", "١", "01 ", "0", ""])
def test_the_words_need_the_record_ids_revision_in_ascii_digits(
    paired: tuple[Any, Any], revision: str
) -> None:
    client, _ = paired
    view = _raise(client, RISKY)
    pending = alerts.pending_check_in(client)
    assert pending is not None and pending.alert is not None
    pending.alert.record_id = f"{view.id}#r{revision}"  # "١": another script's 1, which int() would read
    assert alerts.check_in_words(client, pending) == ((RISKY,) if revision == "1" else ())
