"""The therapist's session-prep page: shared entries since the last session, measures, alerts, patterns."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.services import measures
from reverie.clinic.services import analysis, journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db


def test_prep_page_gathers_what_changed(dit: tuple[Any, Any, Any], web_as: Any, make_user: Any) -> None:
    client, therapist, course = dit
    shared = journal.create_entry(
        client,
        EntryDraft(
            kind="reflection", body="My partner got close and I pulled away again, like with my father."
        ),
    )
    journal.set_shared(client, shared.id, True)
    analysis.analyse_stored_entry(shared.id, 1)
    private = journal.create_entry(client, EntryDraft(kind="dream", body="a private dream"))
    analysis.analyse_stored_entry(private.id, 1)
    measures.submit(client, "phq9", [2, 2, 2, 2, 2, 2, 2, 1, 1], session_number=1)
    page = web_as(therapist).get(f"/courses/{course.id}/prep/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Preparing for the next session" in text and "Session" in text
    assert f"/journal/{shared.id}/" in text and f"/journal/{private.id}/" not in text
    assert "PHQ-9" in text and "<svg" in text
    assert "Risk alerts to acknowledge" in text  # item 9 above 0
    # r128: the risk overview counts the alerts the therapist received (here PHQ-9 item 9), never the entries
    assert "Risk alerts, last 30 days" in text and "1 risk alert;" in text and "screened" not in text
    other = make_user(role="therapist")
    assert web_as(other).get(f"/courses/{course.id}/prep/").status_code == 404
    # the course's own client: the therapist-only page answers "This page is for your therapist" (r25)
    assert web_as(client).get(f"/courses/{course.id}/prep/").status_code == 403


def test_caseload_shows_what_needs_attention(dit: tuple[Any, Any, Any], web_as: Any) -> None:
    from reverie.care.services.caseload import caseload

    client, therapist, course = dit
    measures.submit(client, "phq9", [1, 1, 1, 1, 1, 1, 1, 1, 2], session_number=1)
    rows = caseload(therapist)
    assert len(rows) == 1 and rows[0].open_alerts == 1 and "of 16" in rows[0].position
    page = web_as(therapist).get("/").content.decode()
    assert "1 alert to acknowledge" in page and f"/courses/{course.id}/prep/" in page
