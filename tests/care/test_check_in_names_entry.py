"""r128 fault 8: the check-in names the entry that raised it as the journal names it: its title, else its kind and
the day it happened in the person's zone (``reverie/_entry_name.html``, the journal's own naming), never the day it
was saved. An entry that happened on 5 December at 23:40 in Chicago and was saved the next day was "your entry of
6 December" on the check-in and "Free association, 5 Dec" in the journal."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = [pytest.mark.django_db, pytest.mark.db]
RISKY = "Some nights I wish I could go to sleep and never wake up."
HAPPENED = datetime(2026, 12, 6, 5, 40, tzinfo=UTC)  # 5 Dec, 23:40 in Chicago
SAVED = datetime(2026, 12, 6, 22, 54, tzinfo=UTC)  # 6 Dec, 16:54 in Chicago


def _in_chicago(make_user: Any, monkeypatch: Any) -> Any:
    monkeypatch.setattr("django.utils.timezone.now", lambda: SAVED)
    maya = make_user()
    maya.time_zone = "America/Chicago"
    maya.save(update_fields=["time_zone"])
    return maya


def test_the_check_in_names_the_entry_by_the_day_it_happened(
    make_user: Any, web_as: Any, monkeypatch: Any
) -> None:
    maya = _in_chicago(make_user, monkeypatch)
    journal.create_entry(maya, EntryDraft(kind="free_association", body=RISKY, happened_at=HAPPENED))
    browser = web_as(maya)
    assert "Free association, 5 Dec" in browser.get("/journal/").content.decode()
    page = browser.get("/check-in/").content.decode()
    assert RISKY in page
    assert 'your entry “<span dir="auto">Free association, 5 Dec</span>”' in page
    assert "6 December" not in page and "6 Dec" not in page


def test_a_titled_entry_is_named_by_its_title(make_user: Any, web_as: Any, monkeypatch: Any) -> None:
    maya = _in_chicago(make_user, monkeypatch)
    draft = EntryDraft(kind="free_association", body=RISKY, happened_at=HAPPENED, title="Late")
    journal.create_entry(maya, draft)
    page = web_as(maya).get("/check-in/").content.decode()
    assert 'your entry “<span dir="auto">Late</span>”' in page
