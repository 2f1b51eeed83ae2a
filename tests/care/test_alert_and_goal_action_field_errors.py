"""h99: the alerts page (a therapist's note on acknowledging) and the goal action forms (rate, link evidence) showed a
refusal at the top only, or not at all (an error page, the typed note gone). Each refusal is now on its box too
(``with_error``'s field error: ``aria-invalid``, described by its message), the summary at the top still saying it,
the typed note kept."""

from __future__ import annotations

import html as html_lib
from typing import Any

import pytest
from django.urls import reverse

from field_errors import field_error
from reverie.care.models import RiskAlert
from reverie.care.services import goals
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."


def _said(page: Any, box: str, words: str, status: int = 400) -> str:
    assert page.status_code == status, page.status_code
    html = page.content.decode()
    invalid, described = field_error(html, box)
    assert invalid and words in described, (box, invalid, described)
    assert 'role="alert"' in html  # the summary at the top still says it
    return html


def test_a_refused_acknowledgement_note_is_said_on_its_box_and_kept(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    alert = RiskAlert.objects.get(client=client)
    browser = _as(therapist)
    page = browser.get(reverse("care:alerts")).content.decode()
    shown = html_lib.unescape(page.split('name="shown" value="', 1)[1].split('"', 1)[0])
    note = "Seen; will raise it on Monday. " * 70  # over the note's 2,000 characters
    answer = browser.post(reverse("care:alert_ack", args=[alert.id]), {"note": note, "shown": shown})
    html = html_lib.unescape(_said(answer, f"note-{alert.id}", "longer than the limit"))
    assert note in html  # the typed note stays in its box
    assert not RiskAlert.objects.get(pk=alert.pk).acknowledgements.exists()


@pytest.mark.parametrize(
    ("action", "form", "box", "words", "status"),
    [
        ("rate", {"rating": "11"}, "rate", "between 0 and 10", 400),
        ("evidence", {"entry": "999999"}, "entry", "No such entry", 404),
    ],
    ids=["rating-outside-the-scale", "no-such-entry"],
)
def test_a_refused_goal_action_is_said_on_its_box(
    dit: tuple[Any, Any, Any], action: str, form: dict[str, str], box: str, words: str, status: int
) -> None:
    client, _, course = dit
    journal.create_entry(client, EntryDraft(kind="reflection", body="A calmer week."))
    goal = goals.propose(client, course.id, template="mindful_choices")
    page = _as(client).post(reverse("care:goal_action", args=[goal.id, action]), form)
    _said(page, f"{box}-{goal.id}", words, status)
