"""r14 (moved from tests/review_r14): the empty-trash fingerprint when the same confirmation arrives twice."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reverie.clinic.models import Entry
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db


def test_a_repeated_confirmation_does_not_say_nothing_was_deleted(make_user: Any, web_as: Any) -> None:
    """A double tap on "Yes, delete them for good", or a tap again after the first answer was slow to come (the
    form sent twice with the same ``shown``): the first request empties the trash; the second finds an empty trash,
    its fingerprint differs, and the page says "Your trash changed ... so nothing was deleted". The person is told,
    wrongly, that their entries were not deleted (they were: for good). An empty trash now, whose entries were the
    ones confirmed, should answer as done (or "the trash is empty"), never "nothing was deleted"."""
    hal = make_user("r14-empty-twice")
    for words in ("a dream to let go", "another to let go"):
        journal.trash_entry(hal, journal.create_entry(hal, EntryDraft(kind="dream", body=words)).id)
    web = web_as(hal)
    shown = re.search(r'name="shown" value="([0-9a-f]+)"', web.get("/trash/empty/").content.decode())
    assert shown is not None
    first = web.post("/trash/empty/", {"confirm": "yes", "shown": shown.group(1)})
    assert first.status_code == 302 and not Entry.objects.filter(client=hal).exists()
    again = web.post("/trash/empty/", {"confirm": "yes", "shown": shown.group(1)}).content.decode()
    assert "nothing was deleted" not in again, (
        "told 'nothing was deleted' right after both were deleted for good"
    )
    assert "the trash is empty." in again.lower()
