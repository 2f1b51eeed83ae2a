"""Emptying the trash deletes only what the confirm page showed: "Delete 1 entry for good?" must not delete 2."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reverie.clinic.models import Entry
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db


def test_empty_trash_deletes_only_what_the_person_confirmed(make_user: Any, web_as: Any) -> None:
    """The confirm page counts the trash when it is shown; the "Yes, delete it for good" button carries nothing
    but ``confirm=yes``, and ``journal.empty_trash`` purges whatever is in the trash when it arrives. An entry moved
    to the trash in the meantime (another tab, the phone, the API: "I'll sort it out later") is destroyed for good
    although the page the person agreed to said "Delete 1 entry"."""
    fay = make_user("t-empty")
    old = journal.create_entry(fay, EntryDraft(kind="dream", body="an old dream, meant to go"))
    keep = journal.create_entry(
        fay, EntryDraft(kind="reflection", body="trashed a minute ago, not meant to die")
    )
    journal.trash_entry(fay, old.id)
    web = web_as(fay)
    page = web.get("/trash/empty/")
    assert page.context["count"] == 1 and b"Delete 1 entry for good?" in page.content
    journal.trash_entry(fay, keep.id)  # meanwhile, elsewhere
    web.post("/trash/empty/", {"confirm": "yes"})
    assert Entry.objects.filter(pk=keep.id).exists(), (
        "an entry the person never confirmed was deleted for good"
    )


def test_empty_trash_changed_since_the_page_was_shown_asks_again_with_the_new_count(
    make_user: Any, web_as: Any
) -> None:
    """The page carries what the trash held when it was shown; confirming after the trash changed deletes nothing
    and shows the page again, saying so plainly, with what it holds now. Confirming that page deletes both."""
    gil = make_user("t-empty-changed")
    first, second = (
        journal.create_entry(gil, EntryDraft(kind="dream", body=words))
        for words in ("a dream to let go", "a thought to let go later")
    )
    journal.trash_entry(gil, first.id)
    web = web_as(gil)
    shown = re.search(r'name="shown" value="([0-9a-f]+)"', web.get("/trash/empty/").content.decode())
    assert shown is not None
    journal.trash_entry(gil, second.id)
    again = web.post("/trash/empty/", {"confirm": "yes", "shown": shown.group(1)})
    text = again.content.decode()
    assert again.status_code == 200 and "Your trash changed after that page was shown" in text
    assert "nothing was deleted" in text and "Delete 2 entries for good?" in text
    assert Entry.objects.filter(client=gil).count() == 2
    fresh = re.search(r'name="shown" value="([0-9a-f]+)"', text)
    assert fresh is not None and fresh.group(1) != shown.group(1)
    done = web.post("/trash/empty/", {"confirm": "yes", "shown": fresh.group(1)}, follow=True)
    assert "2 entries deleted for good. The trash is empty." in done.content.decode()
    assert not Entry.objects.filter(client=gil).exists()
