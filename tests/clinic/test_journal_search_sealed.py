"""A search's answer is a redirect to ``/journal/?s=<sealed>`` (POST/redirect/GET, review r75): the words sealed for
the account that searched, for an hour, never in the clear in an address or in the session table."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft
from reverie.clinic.web import search_seal

pytestmark = pytest.mark.django_db


def _listed(html: str) -> list[str]:
    return re.findall(r'href="/journal/([0-9a-f-]{36})/"', html)


def _searched(web: Any, words: str) -> str:
    sent = web.post("/journal/", {"q": words})
    assert sent.status_code == 303
    return str(sent["Location"])


def test_the_sealed_search_opens_for_its_account_only_and_holds_no_words(make_user: Any, web_as: Any) -> None:
    from django.contrib.sessions.models import Session

    alice, bob = make_user("alice"), make_user("bob")
    made = journal.create_entry(alice, EntryDraft(kind="reflection", body="The staircase again."))
    journal.create_entry(alice, EntryDraft(kind="reflection", body="Nothing of it."))
    web = web_as(alice)
    address = _searched(web, "staircase")
    assert "staircase" not in address.lower()
    assert not [s for s in Session.objects.all() if "staircase" in s.session_data + str(s.get_decoded())]
    page = web.get(address)
    assert page.status_code == 200 and _listed(page.content.decode()) == [str(made.id)]
    other = web_as(bob).get(address)  # the address copied to another account: nothing read, search again
    assert other.status_code == 400 and "Search again" in other.content.decode()


def test_a_sealed_search_ends_after_an_hour_and_a_tampered_one_is_refused(
    make_user: Any, web_as: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice = make_user("alice")
    journal.create_entry(alice, EntryDraft(kind="reflection", body="The staircase again."))
    web = web_as(alice)
    address = _searched(web, "staircase")
    token = parse_qs(urlsplit(address).query)["s"][0]
    assert web.get(address).status_code == 200
    later = search_seal.now() + search_seal.MAX_AGE + 5
    monkeypatch.setattr(search_seal, "now", lambda: later)  # the clock: an hour and a little later
    ended = web.get(address)
    assert ended.status_code == 400 and "This search has ended" in ended.content.decode()
    monkeypatch.undo()
    flipped = token[:-3] + ("A" if token[-3] != "A" else "B") + token[-2:]
    assert web.get("/journal/", {"s": flipped}).status_code == 400
    assert web.get("/journal/", {"s": "not a seal"}).status_code == 400


def test_an_old_pager_form_sent_as_a_post_lands_on_its_page(make_user: Any, web_as: Any) -> None:
    """A results page loaded before the change (its "Older entries" a form with the words and the cursor) still
    pages on: the redirect keeps the cursor, plain."""
    alice = make_user("alice")
    made = [
        str(journal.create_entry(alice, EntryDraft(kind="reflection", body=f"Rain, note {n}.")).id)
        for n in range(3)
    ]
    web = web_as(alice)
    sent = web.post("/journal/", {"q": "rain", "after": made[2]})
    assert sent.status_code == 303 and f"after={made[2]}" in sent["Location"]
    assert _listed(web.get(sent["Location"]).content.decode()) == [made[1], made[0]]


def test_a_search_too_long_is_refused_up_front_with_its_words_kept_never_ended(
    make_user: Any, web_as: Any
) -> None:
    """r134 fault 7: a 3,000-character search was sealed, then its token refused as too long and reported at once as
    "This search has ended". One limit (``MAX_QUERY``) now decides both: a longer search is refused before it is
    sealed, in plain words, its words kept in the box; any search up to it, whatever its characters, opens."""
    alice = make_user("alice")
    journal.create_entry(alice, EntryDraft(kind="reflection", body="The staircase again."))
    web = web_as(alice)
    words = "staircase " * 300  # 3,000 characters, as r134 typed
    refused = web.post("/journal/", {"q": words})
    page = refused.content.decode()
    assert refused.status_code == 400 and "This search has ended" not in page
    assert f"Search words can be at most {search_seal.MAX_QUERY} characters long" in page
    assert "staircase staircase" in page.split('name="q"', 1)[1].split(">", 1)[0]  # the words, in the box
    legacy = web.get("/journal/", {"q": words})  # an old ?q= address says the same
    assert legacy.status_code == 400 and "at most" in legacy.content.decode()
    # the longest allowed search, of the characters that take the most room sealed, opens
    for longest in (
        "😔" * search_seal.MAX_QUERY,
        "\x01" * search_seal.MAX_QUERY,
        'a"' * (search_seal.MAX_QUERY // 2),
    ):
        token = search_seal.seal(alice.pk, longest, "free_association")
        assert search_seal.open_sealed(token, alice.pk) == (longest, "free_association")
    address = _searched(web, "staircase " * 99 + "staircase")
    assert web.get(address).status_code == 200
