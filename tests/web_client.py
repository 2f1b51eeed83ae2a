"""A Django test client signed in as a user, past the two-step sign-in (therapists must have passed it).

Shared by the ``web_as`` fixture (tests/conftest.py) and the test modules that sign people in directly."""

from __future__ import annotations

from typing import Any

from django.test import Client


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    session = client.session
    session["otp"] = True  # a therapist's second factor passed (when the clinic asks for one)
    session.save()
    return client
