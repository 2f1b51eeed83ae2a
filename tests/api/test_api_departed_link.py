"""h132: a client's ``GET /pairs`` dropped the link to a therapist whose account was closed, saying nothing; the web
page says why. The API now lists that link, ended, with the same words (``notice``), in its OpenAPI schema."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from reverie.clinic.services import people

pytestmark = pytest.mark.django_db


def test_the_api_link_list_tells_a_client_their_therapist_left(make_user: Any) -> None:
    from api_client import as_token

    client, therapist = make_user(role="client"), make_user(role="therapist")
    people.accept_invitation(client, people.issue_invitation(therapist))
    mine = as_token(client)
    listed = json.loads(mine.get("pairs").content)
    assert [p.get("notice") for p in listed] == [None]
    people.deactivate_user(therapist.username)
    listed = json.loads(mine.get("pairs").content)
    assert len(listed) == 1
    assert listed[0]["therapist"] == therapist.username
    assert listed[0]["notice"] == people.DEPARTED_THERAPIST and listed[0]["ended_at"]
    spec = json.loads(Client().get("/api/v1/openapi.json").content)
    assert "notice" in spec["components"]["schemas"]["PairOut"]["properties"]
