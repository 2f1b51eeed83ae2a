"""A dream the person says came back is recognised (review r134 fault 8): their tag "recurring" (any case) or their
words ("the same dream again", "had that dream again", "recurring dream") mark it on its page and count it on the
dream series ("Dreams that came back: 3 since March"), in plain words. Only from the person's own tag or
words: Reverie abstains otherwise, and where the words are denied, feared or asked."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.analysis.dreams.recurring import came_back
from reverie.clinic.services import journal
from reverie.clinic.services.dreams import series_for
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
UTC = ZoneInfo("UTC")


@pytest.mark.parametrize(
    ("text", "tags", "said"),
    [
        ("The same dream again: my mother was packing a suitcase.", (), "The same dream again"),
        ("I had that dream again, the one with the lift.", (), "had that dream again"),
        ("It was my recurring dream about the sea.", (), "recurring dream"),
        ("A train left without me.", ("Recurring",), "tag"),
        ("A train left without me.", ("#recurring-dream",), "tag"),
        ("My mother was packing a suitcase.", ("family",), ""),  # nothing said: abstain
        ("I haven't had that dream again since May.", (), ""),
        ("I hope I never have that dream again.", (), ""),
        ("It was not a recurring dream.", (), ""),
        ("Was it the same dream again? I could not tell.", (), ""),
        ("We were in the same dream, she said.", (), ""),
    ],
)
def test_came_back_only_from_the_persons_own_tag_or_words(
    text: str, tags: tuple[str, ...], said: str
) -> None:
    assert came_back(text, tags) == said


def _dream(client: Any, body: str, day: datetime, tags: tuple[str, ...] = ()) -> Any:
    return journal.create_entry(client, EntryDraft(kind="dream", body=body, happened_at=day, tags=tags))


def test_the_series_counts_them_and_each_dreams_page_says_so(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    first = _dream(alice, "A lift fell and fell.", datetime(2026, 3, 14, 6, tzinfo=UTC), ("recurring",))
    _dream(alice, "The same dream again: the lift fell.", datetime(2026, 6, 2, 6, tzinfo=UTC))
    _dream(alice, "Had that dream again. The lift, the falling.", datetime(2026, 11, 20, 6, tzinfo=UTC))
    plain = _dream(alice, "A picnic by a river with my aunt.", datetime(2026, 11, 21, 6, tzinfo=UTC))
    daydream = journal.create_entry(
        alice, EntryDraft(kind="daydream", body="Recurring dream of a house by the sea, awake at my desk.")
    )
    said = series_for(alice).came_back
    assert said is not None and said.count == 3 and said.since.month == 3  # the daydream is no dream
    web = web_as(alice)
    page = html.unescape(web.get("/dreams/").content.decode())
    assert "Dreams that came back: 3 since March." in page
    assert f'href="/journal/{first.id}/"' in page
    assert "Nothing has come back" not in page
    tagged = html.unescape(web.get(f"/journal/{first.id}/").content.decode())
    assert "A dream that came back: you tagged it “recurring”." in tagged
    assert "A dream that came back" not in web.get(f"/journal/{plain.id}/").content.decode()
    assert "A dream that came back" not in web.get(f"/journal/{daydream.id}/").content.decode()


def test_no_line_when_no_dream_was_said_to_come_back(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    _dream(alice, "My mother was packing a suitcase.", datetime(2026, 11, 20, 6, tzinfo=UTC))
    assert series_for(alice).came_back is None
    assert "A dream that came back" not in web_as(alice).get("/dreams/").content.decode()


def test_two_different_recurring_dreams_are_never_said_to_be_one(make_user: Any, web_as: Any) -> None:
    """Reverie cannot tell one recurring dream from another: the series counts dreams, not times of one dream."""
    alice = make_user()
    _dream(alice, "A lift fell and fell.", datetime(2026, 3, 14, 6, tzinfo=UTC), ("recurring",))
    _dream(alice, "The exam hall, no pen, again.", datetime(2026, 6, 2, 6, tzinfo=UTC), ("recurring",))
    page = html.unescape(web_as(alice).get("/dreams/").content.decode())
    assert "Dreams that came back: 2 since March." in page
    assert "A dream that came back: twice" not in page and "times since" not in page
