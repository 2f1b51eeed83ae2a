"""An edit saved after the entry was moved to the trash elsewhere keeps the words (review r11)."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db


def test_edit_saved_after_the_entry_was_trashed_in_another_tab_keeps_the_words(
    make_user: Any, web_as: Any
) -> None:
    """Two tabs (or the phone and the laptop): one is rewriting an entry, the other moves it to the trash. Saving the
    rewrite answers the bare "No such entry." page (404): the edit view reads the entry first and a trashed one is
    not found. The rewritten text is not on the page and is not stored anywhere. A newer *revision* gets the
    conflict page with the person's text (StaleEdit); being trashed meanwhile gets nothing."""
    eli = make_user("trashed")
    entry = journal.create_entry(eli, EntryDraft(kind="reflection", body="the short first draft"))
    web = web_as(eli)
    assert web.get(f"/journal/{entry.id}/edit/").status_code == 200  # tab A opens the editor
    journal.trash_entry(eli, entry.id)  # tab B: "Move to trash"
    rewritten = "The long rewrite, forty minutes of it, about why I stayed"
    response = web.post(
        f"/journal/{entry.id}/edit/",
        {"kind": "reflection", "body": rewritten, "base_revision": str(entry.revision)},
    )
    assert rewritten.encode() in response.content, (
        f"edit of a meanwhile-trashed entry answered {response.status_code} without the text: it is lost"
    )
