"""A journal page past the end says so and links to the last page, instead of "No entries yet." (qa34 point 8)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft


@pytest.fixture
def five_entries(make_user: Any, web_as: Any, monkeypatch: Any) -> Any:
    monkeypatch.setattr("reverie.clinic.web.views.PAGE", 2)
    user = make_user()
    for n in range(5):
        journal.create_entry(user, EntryDraft(kind="reflection", body=f"walked the dog, day {n}"))
    return web_as(user)


def test_journal_page_past_the_end_links_to_the_last_page(five_entries: Any) -> None:
    page = five_entries.get("/journal/?page=99").content.decode()
    assert "No entries yet." not in page and "There is no page 99: the journal has 3 pages." in page
    assert 'href="?page=3&amp;kind="' in page


def test_journal_past_the_end_of_a_search_counts_the_matches(five_entries: Any) -> None:
    """An old bookmark's search (``?q=``) still answers; the way to its last page is a link carrying the search
    sealed (``?s=``, review r75: no link carries the words searched for, h79)."""
    page = five_entries.get("/journal/?page=4&q=day+1").content.decode()
    assert "the journal has 1 page for this search." in page
    link = re.search(r'<a href="(\?s=[^"]+&amp;page=1)">Go to the last page', page)
    assert link is not None, "no link to the last page"
    # the sealed search (random ciphertext) aside, no link carries the words
    assert not [link for link in re.findall(r'href="([^"]*)"', page) if "day" in re.sub(r"s=[^&]*", "", link)]
    last = five_entries.get("/journal/" + link[1].replace("&amp;", "&")).content.decode()
    assert "walked the dog, day 1" in last and "day 2" not in last


def test_journal_last_page_itself_still_lists_entries(five_entries: Any) -> None:
    page = five_entries.get("/journal/?page=3").content.decode()
    assert "day 0" in page and "There is no page" not in page and "No entries" not in page
