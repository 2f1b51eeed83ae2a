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


def test_the_entry_page_of_ones_own_trashed_entry_says_where_it_is(make_user: Any, web_as: Any) -> None:
    """Back after "Move to trash" (or a bookmark) opens the entry's page: its writer reads that it is in the trash,
    with a Restore button and the way to the trash, never "No such entry." (review r126). Anyone else's entry in a
    trash answers exactly as an id that names nothing."""
    import re
    import uuid

    eli, other = make_user("eli"), make_user("other")
    entry = journal.create_entry(
        eli, EntryDraft(kind="dream", title="The sea", body="A dream about the sea.")
    )
    journal.trash_entry(eli, entry.id)
    page = web_as(eli).get(f"/journal/{entry.id}/")
    html = page.content.decode()
    assert page.status_code == 200 and "No such entry" not in html
    assert "This entry is in the trash" in html and "The sea" in html
    assert f'action="/trash/{entry.id}/restore/"' in html and 'href="/trash/"' in html
    restored = web_as(eli).post(f"/trash/{entry.id}/restore/")
    assert restored.status_code == 302 and journal.get_entry(eli, entry.id).body == "A dream about the sea."

    journal.trash_entry(eli, entry.id)
    theirs = web_as(other).get(f"/journal/{entry.id}/")
    none = web_as(other).get(f"/journal/{uuid.uuid4()}/")
    assert theirs.status_code == none.status_code == 404

    def main(answer: Any) -> str:
        return re.sub(r"\s+", " ", answer.content.decode().split("<main", 1)[1].split("</main>", 1)[0])

    assert main(theirs) == main(none) and "trash" not in main(theirs).lower()
