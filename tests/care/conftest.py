"""Fixtures for the course of therapy: a linked pair with a DIT course, a fixed clock for positions."""

from __future__ import annotations

from typing import Any

import pytest
from course_clock import START


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings: Any) -> None:
    """These tests are about the course, not passwords: hash test accounts' passwords quickly (in-process only;
    the CLI subprocesses keep the real argon2id settings)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def dit(paired: tuple[Any, Any]) -> tuple[Any, Any, Any]:
    """(client, therapist, course): a 16-session weekly DIT course from Monday 5 January 2026, 10:00 London."""
    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = paired
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=START, timezone="Europe/London")
    )
    return client, therapist, course
