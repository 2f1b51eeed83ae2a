"""The API's GET /pairs and the departed notice: only a link ended with the therapist's account (review r118)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from reverie.clinic.services import people

pytestmark = pytest.mark.django_db


def test_api_pairs_does_not_say_a_link_the_client_ended_ended_with_the_therapists_account(
    make_user: Any,
) -> None:
    """A client ended their link themselves; months later that therapist left the clinic (``reverie user
    deactivate``). ``GET /pairs`` now lists the link the client ended, with ``notice`` "Your therapist's account at
    this clinic has been closed; what you share now reaches no one ..." and ``ended_at`` the day the client ended it,
    which the schema documents as "set only on a link that ended because the therapist's account was closed". The
    client should get the empty list they had (they ended it; no therapist of theirs has left)."""
    from api_client import as_token

    client, therapist = make_user(role="client"), make_user(role="therapist")
    pair = people.accept_invitation(client, people.issue_invitation(therapist))
    people.end_pair(client, pair.pk)
    mine = as_token(client)
    assert json.loads(mine.get("pairs").content) == []
    people.deactivate_user(therapist.username)
    listed = json.loads(mine.get("pairs").content)
    assert listed == [], listed


def test_notice_not_shown_for_a_link_the_client_ended_before_the_therapist_left(make_user: Any) -> None:
    """The same link on the web's notice (``departed_notice``): empty, while a link the clinic ended with the
    therapist's account still gets it."""
    client, therapist = make_user(role="client"), make_user(role="therapist")
    pair = people.accept_invitation(client, people.issue_invitation(therapist))
    people.end_pair(client, pair.pk)
    people.deactivate_user(therapist.username)
    assert people.departed_notice(client) == ""
    other = make_user(role="therapist")
    people.accept_invitation(client, people.issue_invitation(other))
    people.deactivate_user(other.username)
    assert people.departed_notice(client) == people.DEPARTED_THERAPIST
