"""Review r132: "Save it now" gives back when an entry happened in a date picker, as the write and edit pages show it,
never as the code a browser sends (``2026-12-07T09:51`` in a plain box, read at night on a phone as a raw code).
The same on the refused form's "Save again" (csrf_failed.html)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from reverie.clinic.web import drafts

pytestmark = pytest.mark.django_db


def _box(page: str, value: str) -> str:
    found = re.search(rf'<input[^>]*value="{re.escape(value)}"[^>]*>', page)
    assert found is not None, f"no box holds {value!r}"
    return found.group(0)


def test_save_it_now_gives_the_date_back_in_a_date_picker(make_user: Any) -> None:
    fields = [
        ("kind", "daydream"),
        ("happened_at", "2026-12-07T09:51"),
        ("body", "The bookshop by the sea."),
        ("title", "The bookshop"),
    ]
    request = RequestFactory().get("/")
    request.user = make_user()
    request.session = SessionStore()
    draft = drafts.Carried("/write/", request.user.pk, False, False, fields)
    page = drafts.shown_back(request, draft, message=drafts.UNKNOWN, can_save=True).content.decode()
    assert 'type="datetime-local"' in _box(page, "2026-12-07T09:51")
    assert 'name="happened_at"' in _box(page, "2026-12-07T09:51")
    assert "datetime-local" not in _box(page, "The bookshop")  # words stay in a plain box


def test_a_date_only_field_is_given_back_in_a_date_picker() -> None:
    assert drafts.given_back_type("session_date", "2026-12-07") == "date"
    assert drafts.given_back_type("happened_at", "2026-12-07T09:51") == "datetime-local"
    assert drafts.given_back_type("title", "2026-12-07T09:51 at home") == "text"
    assert drafts.given_back_type("body", "2026-12-07") == "text"  # a text box's words are never a picker
