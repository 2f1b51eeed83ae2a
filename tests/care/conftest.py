"""Fixtures for the course of therapy (the ``dit`` course and its clock, ``course_clock``, are in tests/: the drafts tests
of the clinic use them too)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings: Any) -> None:
    """These tests are about the course, not passwords: hash test accounts' passwords quickly (in-process only;
    the CLI subprocesses keep the real argon2id settings)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def running(paired: Any, monkeypatch: Any) -> Any:
    """A DIT course in its seventh week, its clock movable (tests/course_week.py)."""
    from course_week import running_course

    return running_course(paired, monkeypatch)
