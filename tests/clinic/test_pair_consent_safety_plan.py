"""What a client is told, when linking, that their therapist will see, against what the therapist can then open
(review r57). Real SQLite, the Django test client; nothing mocked."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reverie.care.services import safety
from reverie.clinic.services import people

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def _words(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_link_page_tells_the_client_their_safety_plan_goes_to_the_therapist(
    make_user: Any, web_as: Any
) -> None:
    """A client wrote their safety plan on their own (reasons to live, the people they would call, with their phone
    numbers) before having a therapist. They link, reading on "My therapist" that "Nothing you write is shared
    unless you share that entry" and, under "What your therapist will see", only about risk alerts. From the moment
    of the link the therapist opens the whole plan (and may change it), the names and numbers included, though the
    client was never told. The page should say, where it says what the therapist will see, that the therapist
    reads (and can edit) their safety plan."""
    client, therapist = make_user(role="client"), make_user(role="therapist")
    safety.save_plan(
        client,
        {
            "reasons_for_living": ["my niece Ada"],
            "trusted_contacts": [{"name": "Mum", "phone": "07700 900123"}],
        },
    )
    people.accept_invitation(client, people.issue_invitation(therapist))
    seen = web_as(therapist).get(f"/clients/{client.pk}/safety-plan/")
    assert seen.status_code == 200 and "07700 900123" in seen.content.decode()  # the therapist reads it all
    page = web_as(client).get("/pair/").content.decode()
    section = re.search(r'<section class="consent".*?</section>', page, re.S)
    assert section is not None  # "What your therapist will see"
    told = _words(section.group(0))
    assert "safety plan" in told.lower(), told


def test_every_door_tells_the_client_the_same_words_and_the_safety_plan_page_says_it_plainly(
    make_user: Any, web_as: Any
) -> None:
    """The web's link message, the API's accept answer and the safety-plan page tell a client the same thing: their
    therapist can read and edit the whole plan (one source of words, ``alerts.THERAPIST_SEES``)."""
    import sys
    from pathlib import Path

    from reverie.care.services import alerts

    sys.path.insert(0, str(Path(__file__).parents[1] / "api"))
    from api_client import as_token

    client, therapist = make_user(role="client"), make_user(role="therapist")
    linked = web_as(client).post("/pair/", {"action": "accept", "code": people.issue_invitation(therapist)})
    assert "your linked therapist can read and edit all of it" in _words(linked.content.decode())
    other, second = make_user(role="client"), make_user(role="therapist")
    answer = as_token(other).post("pair/accept", {"code": people.issue_invitation(second)})
    assert answer.status_code == 201 and "read and edit" in answer.json()["therapist_sees"]
    assert answer.json()["therapist_sees"] == alerts.THERAPIST_SEES
    page = _words(web_as(client).get("/safety/plan/").content.decode())
    assert alerts.SAFETY_PLAN_SHARED in page
