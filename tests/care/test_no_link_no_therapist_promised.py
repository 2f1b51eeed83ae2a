"""h122 (left open by h112): a client with no link open (``Pair.objects.open()``: here their only therapist's
account was turned off) is never told that a therapist will see something: not on the questionnaire's pages after
question 9 answered above 0 (web), not by ``reverie measure fill`` nor by ``reverie journal check-in --answer
misunderstood`` (CLI). While the link is open, the same places still say the therapist sees it."""

from __future__ import annotations

import html
from typing import Any

import pytest
from test_risk_at_save import PASSWORD, RISKY

from reverie.care.services import alerts
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
ITEM9 = {f"item{n}": "0" for n in range(1, 10)} | {"item9": "1", "session": "16"}


def _leave(therapist: Any) -> None:
    """The therapist's account turned off in the database, bypassing the account's save (h132: a save with
    ``is_active`` off ends the links and courses, as ``reverie user deactivate`` does): the link is no longer open,
    the course still is, the state a direct SQL change leaves until the command runs."""
    type(therapist).objects.filter(pk=therapist.pk).update(is_active=False)


def _page(response: Any, status: int = 200) -> str:
    assert response.status_code == status, response.status_code
    return " ".join(html.unescape(response.content.decode()).split())


@pytest.mark.parametrize("linked", [True, False])
def test_the_questionnaire_pages_promise_a_therapist_only_while_linked(
    linked: bool, dit: tuple[Any, Any, Any], web_as: Any
) -> None:
    """The page after the answers ("Thank you for answering honestly") and the form sent back with a refused
    answer both say who sees question 9's answer: the therapist while linked, no one otherwise."""
    client, therapist, _course = dit
    if not linked:
        _leave(therapist)
    refused = _page(
        web_as(client).post("/measures/fill/phq9/", {k: v for k, v in ITEM9.items() if k != "item1"}),
        400,
    )
    done = _page(web_as(client).post("/measures/fill/phq9/", ITEM9))
    assert "Thank you for answering honestly" in done and "You said you have had thoughts" in refused
    for page in (refused, done):
        assert ("Your therapist will see" in page) is linked
        assert (alerts.SEEN_BY_NO_ONE in page) is not linked


@pytest.mark.parametrize("linked", [True, False])
def test_the_command_line_promises_a_therapist_only_while_linked(
    linked: bool, dit: tuple[Any, Any, Any], monkeypatch: Any, capsys: Any
) -> None:
    """``reverie measure fill`` with question 9 above 0, and ``reverie journal check-in --answer misunderstood``
    after a risky entry: "Your therapist will see/sees" only while a link is open."""
    from reverie.cli import care_cmds, journal_cmds

    client, therapist, _course = dit
    if not linked:
        _leave(therapist)
    monkeypatch.setenv("REVERIE_PASSWORD", PASSWORD)
    care_cmds.measure_fill("phq9", "0,0,0,0,0,0,0,0,1", user=client.username, session=16)
    filled = " ".join(capsys.readouterr().out.split())
    assert "Crisis lines" in filled
    assert ("Your therapist will see" in filled) is linked
    assert (alerts.SEEN_BY_NO_ONE in filled) is not linked
    while (pending := alerts.pending_check_in(client)) is not None:  # the questionnaire's own check-in
        alerts.answer_check_in(client, pending.id, "safe")
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    journal_cmds.check_in(answer="misunderstood", user=client.username)
    answered = capsys.readouterr().out
    assert "Thank you for telling us." in answered
    assert ("Your therapist sees" in answered) is linked


@pytest.mark.parametrize("linked", [True, False])
def test_the_cancel_page_promises_the_therapist_only_while_linked(
    linked: bool, running: Any, web_as: Any
) -> None:
    """The page that asks before a client cancels a session (session 7, next Monday) says the course's therapist
    sees the cancellation and the note only while their link is open."""
    client, therapist, course, _clock = running
    if not linked:
        _leave(therapist)
    page = _page(web_as(client).get(f"/courses/{course.id}/sessions/7/cancel/"))
    assert "Cancel the session of" in page and 'name="note"' in page
    assert ("sees the cancellation and your note" in page) is linked
    assert ("is no longer linked with you" in page) is not linked
