"""Review r61: what the check-in tells a client their therapist will see, after words the therapist does read.

A goal proposed in the client's own words and a note sent when cancelling a session are shown to the therapist
word for word (the goals page, the course page's "Changes" column). When those words raise a check-in, the banner
on every page says "a linked therapist sees a level and a date, never your words" (the wording for a journal entry,
``care/_check_in_banner.html``'s ``else`` branch), which is untrue here: the client is promised privacy they do not
have. The questionnaire's check-in was given its own true sentence (docs/measures.md, point 15); these were not."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.models import RiskAlert
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db
WORDS = "Stop wanting to kill myself every night"


def test_a_goal_in_the_clients_words_is_not_said_to_be_hidden_from_the_therapist(
    dit: tuple[Any, Any, Any],
) -> None:
    """A client proposes the goal "Stop wanting to kill myself every night". The check-in that follows says the
    therapist sees "a level and a date, never your words" — but the therapist's goals page shows the goal word for
    word. The banner should not promise that the therapist never sees these words."""
    client, therapist, course = dit
    web = _as(client)
    web.post(f"/courses/{course.id}/goals/", {"title": WORDS, "description": ""})
    assert RiskAlert.objects.filter(client=client, source="goal").exists()
    page = web.get(f"/courses/{course.id}/goals/").content.decode()
    assert (
        WORDS in _as(therapist).get(f"/courses/{course.id}/goals/").content.decode()
    )  # the therapist reads it
    assert "never your words" not in page


def test_a_cancellation_note_is_not_said_to_be_hidden_from_the_therapist(running: Any) -> None:
    """A client cancels session 7 with the note "I can't come, I keep thinking I want to kill myself". The check-in
    says the therapist sees "a level and a date, never your words", yet the therapist's course page shows the note
    next to the session. The banner should not promise that the therapist never sees these words."""
    client, therapist, course, _ = running
    note = "I can't come, I keep thinking I want to kill myself"
    web = _as(client)
    reply = web.post(f"/courses/{course.id}/sessions/7/cancel/", {"confirm": "yes", "note": note})
    assert reply.status_code == 200 and b"Session cancelled" in reply.content
    assert RiskAlert.objects.filter(client=client, source="session").exists()
    therapist_page = _as(therapist).get(f"/courses/{course.id}/").content.decode()
    assert "I keep thinking I want to kill myself" in therapist_page.replace(
        "&#x27;", "'"
    )  # the therapist reads it
    page = web.get(f"/courses/{course.id}/").content.decode()
    assert "never your words" not in page


def test_the_api_and_the_command_line_say_the_same_of_a_goal(
    dit: tuple[Any, Any, Any], monkeypatch: Any, capsys: Any
) -> None:
    """The same goal's check-in read through ``GET /api/v1/check-in`` (``told``) and ``reverie journal check-in``:
    both say the therapist reads the goal, neither promises "never your words"; an entry's check-in still does."""
    from reverie.care.services import alerts
    from reverie.cli import journal_cmds

    client, _, course = dit
    web = _as(client)
    web.post(f"/courses/{course.id}/goals/", {"title": WORDS, "description": ""})
    told = web.get("/api/v1/check-in").json()["pending"]["told"]
    assert "never your words" not in told and "goals page" in told
    monkeypatch.setenv("REVERIE_PASSWORD", "a long test password")
    journal_cmds.check_in(answer=None, user=client.username)
    out = capsys.readouterr().out
    assert "never your words" not in out and "goals page" in out
    alerts.signal(client, "journal", "ideation", "entry-1", written_at=RiskAlert.objects.get().written_at)
    assert "never your words" in str(alerts.check_in_told(alerts.pending_check_in(client)))
