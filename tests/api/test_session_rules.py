"""The API's session sign-in follows the web's rules but answers in JSON, never with a redirect."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_api_therapist_session_without_two_step_is_refused_in_json(make_user: Any) -> None:
    therapist = make_user(role="therapist")
    web = Client()
    web.force_login(therapist)  # signed in with the password only: the second step is still owed
    response = web.get("/api/v1/me")
    assert response.status_code == 401 and response.json()["error"]["code"]


def test_api_therapist_session_after_two_step_works(make_user: Any, web_as: Any) -> None:
    therapist = make_user(role="therapist")
    assert web_as(therapist).get("/api/v1/me").status_code == 200
