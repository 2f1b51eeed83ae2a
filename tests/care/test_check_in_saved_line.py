"""While a check-in waits, "Your entry was saved." is said only on the page right after the save that raised it, the
entry's own page (review r135 fault 4): it was on every page, above "Not saved yet — your text is here" and "The
entry is deleted for good.", so a tired person could leave before pressing "Save it now". Elsewhere the banner keeps
its check-in (the question, the answers) without that sentence."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.services import alerts
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = [pytest.mark.django_db]
SAID = "Your entry was saved."


def test_said_on_the_entry_page_that_raised_it_and_nowhere_else(make_user: Any, web_as: Any) -> None:
    client = make_user("r135-saved")
    entry = journal.create_entry(client, EntryDraft(kind="reflection", body="a hard night"))
    other = journal.create_entry(client, EntryDraft(kind="reflection", body="another day"))
    alerts.signal(client, "journal", "ideation", str(entry.id), written_at=entry.written_at)
    web = web_as(client)
    first = web.get(f"/journal/{entry.id}/").content.decode()  # the full showing, on the entry that raised it
    assert 'id="check-in"' in first and SAID in first
    for path in (
        "/journal/",
        "/export/",
        "/trash/",
        f"/journal/{other.id}/",
        f"/journal/{entry.id}/history/",
    ):
        page = web.get(path).content.decode()
        assert 'id="check-in"' in page and "safe for now" in page, path
        assert SAID not in page, path


def test_not_said_above_a_page_that_says_nothing_was_saved(make_user: Any, web_as: Any) -> None:
    """A check-in raised out of sight (its full showing still owed) and the next page is the words given back after
    a refused form: the banner asks, and does not say the entry was saved."""
    client = make_user("r135-unsaved")
    entry = journal.create_entry(client, EntryDraft(kind="reflection", body="written on the laptop"))
    alerts.signal(client, "journal", "ideation", str(entry.id), written_at=entry.written_at)
    page = web_as(client).post(
        "/write/", {"kind": "reflection", "body": "x" * 10, "happened_at": "2999-01-01T10:00"}
    )
    text = page.content.decode()
    assert page.status_code == 400 and 'id="check-in"' in text and SAID not in text
