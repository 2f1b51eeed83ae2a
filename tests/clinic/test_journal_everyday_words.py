"""Review r126: a client's everyday journal, start to end, through the web pages a phone shows (Django's test
client: what is checked here needs no browser). A feeling written the way Reverie itself writes one, a search typed
on a phone's keyboard, and the page after erasing everything."""

from __future__ import annotations

import re
from typing import Any

import pytest

from web_client import form_fields, signed_in

pytestmark = pytest.mark.django_db


def _write(web: Any, **fields: str) -> str:
    """Posts the write page's own form with ``fields`` changed; the address of the entry saved."""
    sent = form_fields(web.get("/write/").content.decode())
    sent.update(fields)
    answer = web.post("/write/", sent)
    assert answer.status_code == 302, answer.status_code
    return str(answer["Location"])


def _found(web: Any, words: str) -> int:
    """How many entries the journal's search (the form's POST, then its page) lists for ``words``."""
    page = web.post("/journal/", {"q": words}, follow=True)
    assert page.status_code == 200
    return len(re.findall(r'class="entry-card"', page.content.decode()))


def test_another_feeling_typed_as_reverie_shows_one_keeps_its_strength(make_user: Any) -> None:
    """Every entry page shows a feeling as "anger 5/5". Nora types another feeling the same way in "Other
    feelings": "awe 4/5". Her entry then shows "awe 4/5 3/5": a feeling named "awe 4/5" at strength 3, the middle
    (forms.feelings_from_post reads a strength only when the last word is digits alone, and keeps anything else as
    the name, at 3), so the strength she gave is silently replaced and "awe 4/5" counts in her patterns as a
    feeling of its own. She should get awe at 4, or be told how to write it, her words kept."""
    from reverie.clinic.models import Entry
    from reverie.clinic.services import journal

    client = make_user("nora")
    web = signed_in(client)
    sent = form_fields(web.get("/write/").content.decode())
    sent.update(body="The sky over the estate at 2 a.m.", other_feelings="awe 4/5")
    answer = web.post("/write/", sent)
    if answer.status_code == 302:  # saved: as awe, at the strength she gave
        feelings = journal.get_entry(client, Entry.objects.get(client=client).id).feelings
        assert [(f.name, f.intensity) for f in feelings] == [("awe", 4)], feelings
    else:  # or refused plainly, on the box, with her words kept
        page = answer.content.decode()
        assert answer.status_code == 400 and "The sky over the estate at 2 a.m." in page
        assert 'aria-invalid="true"' in page and "other_feelings" in page


@pytest.mark.parametrize(
    ("written", "searched"),
    [
        ("I didn't call Mum back.", "didn\u2019t call"),  # written on a laptop, searched on a phone
        ("I didn\u2019t call Mum back.", "didn't call"),  # written on a phone, searched on a laptop
    ],
)
def test_search_finds_words_whatever_apostrophe_the_keyboard_typed(
    make_user: Any, written: str, searched: str
) -> None:
    """A phone's keyboard types a curly apostrophe (iOS "Smart Punctuation", on by default, and many Android
    keyboards: "didn’t", U+2019); a laptop and the API's clients type the straight one ("didn't"). Nora wrote "I
    didn't call Mum back." on one and searches "didn't call" on the other: "No entries match." The search's one
    folding (reverie.text.folded: NFC, case, white space, emoji selectors) leaves the two apostrophes apart, so a
    search for a word with an apostrophe finds only the entries typed on the same kind of keyboard. The entry should
    be found either way."""
    client = make_user("nora")
    web = signed_in(client)
    _write(web, body=written)
    assert _found(web, "call Mum") == 1  # the search itself works
    assert _found(web, searched) == 1, f"{searched!r} does not find {written!r}"


def test_the_erased_page_counts_one_entry_in_words(make_user: Any) -> None:
    """Nora erases her account, which held one entry. The last page she sees says "Your account and 1 entries are
    gone" (templates/reverie/erased.html writes "entries" whatever the count). It should say "1 entry"."""
    client = make_user("nora")
    web = signed_in(client)
    _write(web, body="The only thing I wrote here.")
    page = web.post("/account/erase/", {"confirm": "nora", "password": "a long test password"}, follow=True)
    assert page.status_code == 200
    said = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.content.decode()))
    assert "Everything is erased" in said
    assert "1 entries" not in said, "the count of one entry is said as '1 entries'"
    assert "1 entry" in said
