"""The journal's 20-a-page paging (h52) reaches every entry once, also when entries share the same time (review
r49)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest

from reverie.clinic.models import Entry
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def _walk(web: Any, query: str = "") -> list[str]:
    """The entries seen following "Older entries" from the first page (its link carries the ``after`` cursor)."""
    seen: list[str] = []
    address = f"/journal/?{query.lstrip('&')}"
    while True:
        html = web.get(address).content.decode()
        seen += list(dict.fromkeys(re.findall(rf'href="/journal/({UUID})/"', html)))
        older = re.search(r'<a href="(\?[^"]*)">Older entries</a>', html)
        if older is None:
            return seen
        address = "/journal/" + older.group(1).replace("&amp;", "&")


def test_entries_at_the_same_time_are_each_reached_once_by_paging(make_user: Any, web_as: Any) -> None:
    """45 entries imported with one time each appear exactly once across the journal's pages."""
    alice = make_user()
    made = {
        str(journal.create_entry(alice, EntryDraft(kind="reflection", body=f"day {n}")).id) for n in range(45)
    }
    same = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    Entry.objects.filter(client=alice).update(happened_at=same, written_at=same)
    seen = _walk(web_as(alice))
    assert len(seen) == len(set(seen)) == 45
    assert set(seen) == made


def test_the_journal_order_is_total_so_offset_paging_is_deterministic(make_user: Any) -> None:
    """The list order ends on a unique key: PostgreSQL's top-N sort may order ties differently page to page."""
    from reverie.clinic.services.policy import visible_entries

    alice = make_user()
    order = visible_entries(alice).query.order_by or Entry._meta.ordering
    names = [str(o).lstrip("-") for o in order]
    assert names, "no order at all"
    last = Entry._meta.get_field("id" if names[-1] == "pk" else names[-1])
    assert last.unique or last.primary_key, f"the order {names} has no unique tie-break"


def test_an_old_bookmark_of_a_page_number_still_opens_that_page(make_user: Any, web_as: Any) -> None:
    """``/journal/?page=2`` (a bookmark from before the cursor, h79) lists the 21st to 40th entries, and its
    "Older entries" goes on from the last of them."""
    alice = make_user()
    made = [
        str(journal.create_entry(alice, EntryDraft(kind="reflection", body=f"day {n}")).id) for n in range(45)
    ]
    newest_first = made[::-1]
    web = web_as(alice)
    html = web.get("/journal/?page=2").content.decode()
    assert list(dict.fromkeys(re.findall(rf'href="/journal/({UUID})/"', html))) == newest_first[20:40]
    assert f'href="?after={newest_first[39]}&amp;kind="' in html
