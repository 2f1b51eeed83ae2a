"""Plain words for the right person (brief q3, QA qa33 points 10, 11 and 12): observations are about the client
when the therapist reads them; the privacy log names the other side by role; ending a link asks first; the write
form's date error and every page error are in words, without field names or error codes."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

from reverie.clinic.models import Pair
from reverie.clinic.services import observations, people

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_observation_feedback import _analysed, _visible_text

pytestmark = pytest.mark.django_db


def _panel(html: bytes) -> str:
    return _visible_text(html.split(b'id="noticed"')[1].split(b"</section>")[0])


@pytest.mark.usefixtures("relationships_spoken")
def test_observations_address_the_writer_and_speak_about_the_client_to_the_therapist(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    client, therapist = paired
    view = _analysed(client, shared=True)
    own = _panel(web_as(client).get(f"/journal/{view.id}/").content)
    theirs = _panel(web_as(therapist).get(f"/journal/{view.id}/").content)
    assert "Your words carry" in own or "You describe" in own
    assert not re.search(r"\b(You|Your|you|your|yourself)\b", theirs.split("Details")[0]), theirs
    assert "The client" in theirs
    found = observations.noticed(therapist, view.id)
    assert found is not None and all(
        s.observation.text.startswith(("The client", "In the")) for s in found.shown
    )


def test_observation_sentences_reworded_about_the_client() -> None:
    from reverie.insights.observations import about_the_client

    assert about_the_client("Your words carry embarrassment.") == "The client's words carry embarrassment."
    assert (
        about_the_client("You describe wanting your mother to love and understand you, then withdrawing.")
        == "The client describes wanting their mother to love and understand them, then withdrawing."
    )
    assert about_the_client("A friend appears in the dream.") == "A friend appears in the dream."  # near miss


def test_privacy_log_names_the_other_side_by_the_readers_role(paired: tuple[Any, Any], web_as: Any) -> None:
    from reverie.clinic.services.audit_words import sentence

    client, therapist = paired
    people.issue_invitation(therapist)
    people.issue_invitation(client)
    ther_page = web_as(therapist).get("/account/audit/").content.decode()
    client_page = web_as(client).get("/account/audit/").content.decode()
    assert "You made an invitation to link with a client." in ther_page
    assert "with a therapist" not in ther_page
    assert "You made an invitation to link with a therapist." in client_page  # the client's log is unchanged
    assert sentence("pair.end", "You", reader="therapist") == "You ended a link with a client."
    assert sentence("entry.read", "bea", reader="therapist") == "bea opened one of your journal entries."


def test_end_link_asks_first_and_ends_only_on_yes(paired: tuple[Any, Any], web_as: Any) -> None:
    client, _ = paired
    pair = Pair.objects.get()
    web = web_as(client)
    page = web.get("/pair/").content.decode()
    assert 'value="confirm_end"' in page and 'value="end"' not in page  # the list's button only asks
    asked = web.post("/pair/", {"action": "confirm_end", "pair": str(pair.pk)})
    assert asked.status_code == 200 and b"Yes, end the link" in asked.content
    pair.refresh_from_db()
    assert pair.ended_at is None  # asking ends nothing
    done = web.post("/pair/", {"action": "end", "pair": str(pair.pk)})
    assert b"The link has ended" in done.content
    pair.refresh_from_db()
    assert pair.ended_at is not None


def test_end_link_confirm_for_another_persons_link_is_refused(
    paired: tuple[Any, Any], make_user: Any, web_as: Any
) -> None:
    pair = Pair.objects.get()
    stranger = make_user()
    response = web_as(stranger).post("/pair/", {"action": "confirm_end", "pair": str(pair.pk)})
    assert response.status_code == 400 and b"Yes, end the link" not in response.content


def test_pair_page_explains_alerts_without_clinical_terms(make_user: Any, web_as: Any) -> None:
    page = _visible_text(web_as(make_user()).get("/pair/").content)
    assert "ideation" not in page and "how serious it sounded" in page


def test_write_bad_date_is_explained_without_the_field_name(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    response = web.post(
        "/write/", {"kind": "reflection", "happened_at": "2026-13-45T99:99", "body": "kept text"}
    )
    text = _visible_text(response.content)
    assert "happened_at" not in text and "When it happened" in text
    assert "kept text" in response.content.decode()


def test_page_errors_carry_no_codes(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    missing = web.get("/journal/00000000-0000-0000-0000-000000000000/")
    assert missing.status_code == 404
    assert not re.search(r"E\d{3}", _visible_text(missing.content))
    refused = web.post("/pair/", {"action": "accept", "code": "NOPE"})
    assert not re.search(r"E\d{3}", _visible_text(refused.content))


def test_patterns_page_ratings_are_the_readers_own_or_the_clients(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    from test_patterns_page import _entries

    client, therapist = paired
    _entries(client, n=4, shared=True)
    own = _visible_text(web_as(client).get("/insights/?show=1").content)
    theirs = _visible_text(web_as(therapist).get(f"/clients/{client.pk}/insights/").content)
    assert "Your ratings in words" in own and "not your ratings" in own
    assert "Your ratings" not in theirs and "your ratings" not in theirs
    assert "The client's ratings in words" in theirs
