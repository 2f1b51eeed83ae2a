"""Ending a link names what it puts out of the therapist's reach, with the course record one tap away (review r133,
fault 1).

"End link…" beside a client with a course asked "You will no longer see this client's shared entries, risk alerts or
course pages" and ended the link on "Yes": the therapist's own course record (sessions, progress and process notes,
questionnaires) then answered 404, with no offer to download it first, and open alerts were not named (as "End the
course" names them). The confirmation now names each course with what its record holds, offers "Download the course
record" (the existing /record/ download, a POST from this page) before "Yes, end the link", and lists the client's
open alerts. Nothing is widened: after the end the course is out of reach as before. The client's *My therapist* page
then says which link ended and when (fault 11b). Only process edges are real."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from reverie.care.services import notes
from reverie.clinic.models import AuditEvent, Pair
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."


def test_ending_a_link_names_the_course_records_and_offers_the_download_first(
    dit: tuple[Any, Any, Any], web_as: Any
) -> None:
    client, therapist, course = dit
    notes.write_progress_note(therapist, course.id, 1, "Session one: we agreed the focus.")
    notes.add_therapist_note(therapist, course.id, "process", "My own process note, never the client's.", 1)
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))  # an open alert
    pair = Pair.objects.get()
    web = web_as(therapist)

    asked = web.post("/pair/", {"action": "confirm_end", "pair": str(pair.pk)})
    page = asked.content.decode()
    assert asked.status_code == 200
    record = reverse("care:record", args=[course.id])
    download = page.find(f'action="{record}"')
    assert download != -1, "the course record's download is offered on the confirmation"
    assert page.find("Download the course record") < page.find("Yes, end the link")
    assert download < page.find('value="end"'), "the download comes before the button that ends the link"
    assert "become unreachable" in page and "process notes" in page and "progress notes" in page
    assert "1 progress note," in page and "1 process note or observation" in page
    assert "1 risk alert you have not acknowledged" in page and reverse("care:alerts") in page
    assert AuditEvent.objects.filter(action="risk.alert.read", actor_id=therapist.pk).exists()
    assert "My own process note" not in page and "kill myself" not in page  # counts, never the words
    pair.refresh_from_db()
    assert pair.ended_at is None  # asking ends nothing

    got = web.post(record, {})  # the one tap: the record as a file, without process notes
    assert got.status_code == 200 and "attachment" in got["Content-Disposition"]
    kept = json.loads(b"".join(got.streaming_content) if got.streaming else got.content)
    assert "Session one: we agreed the focus." in json.dumps(kept, ensure_ascii=False)
    assert "My own process note" not in json.dumps(kept, ensure_ascii=False)

    assert b"The link has ended" in web.post("/pair/", {"action": "end", "pair": str(pair.pk)}).content
    assert web.get(reverse("care:course", args=[course.id])).status_code == 404  # nothing widened

    mine = web_as(client).get("/pair/").content.decode()
    assert f"Your link with {therapist.username} ended on" in mine and "No one linked yet." not in mine


def test_a_client_ending_the_link_is_shown_no_therapist_records(
    dit: tuple[Any, Any, Any], web_as: Any
) -> None:
    client, _therapist, _course = dit
    pair = Pair.objects.get()
    page = web_as(client).post("/pair/", {"action": "confirm_end", "pair": str(pair.pk)}).content.decode()
    assert "Yes, end the link" in page and "Download the course record" not in page


def test_a_therapist_without_a_course_or_alert_is_asked_plainly(paired: tuple[Any, Any], web_as: Any) -> None:
    _client, therapist = paired
    pair = Pair.objects.get()
    page = web_as(therapist).post("/pair/", {"action": "confirm_end", "pair": str(pair.pk)}).content.decode()
    assert (
        "Yes, end the link" in page and "become unreachable" not in page and "it is your decision" not in page
    )
