"""A client's hard evening on a phone (x7's walk): pages say plainly what they do and never take a code."""

from __future__ import annotations

import re
from typing import Any

import pytest


def test_safety_plan_country_is_chosen_by_name_not_typed_as_a_code(make_user: Any, web_as: Any) -> None:
    client = web_as(make_user())
    page = client.get("/safety/plan/").content.decode()
    assert "two letters" not in page and 'maxlength="2"' not in page
    assert '<select id="crisis_country" name="crisis_country">' in page
    assert '<option value="GB">United Kingdom</option>' in page and '<option value="" selected>' in page
    saved = client.post(
        "/safety/plan/", {"warning_signs": "Not sleeping", "crisis_country": "GB"}
    ).content.decode()
    assert "Saved." in saved and '<option value="GB" selected>United Kingdom</option>' in saved
    again = client.get("/safety/plan/").content.decode()
    assert '<option value="GB" selected>United Kingdom</option>' in again


def test_check_in_names_what_the_country_list_is_for(make_user: Any, web_as: Any) -> None:
    page = web_as(make_user()).get("/check-in/").content.decode()
    heading = page.index("More lines in each country: tap a country to open them")
    assert heading < page.index("<details><summary>United States</summary>")


def test_dream_page_says_what_it_counts_in_plain_words(make_user: Any, web_as: Any) -> None:
    page = web_as(make_user()).get("/dreams/").content.decode()
    assert "Coded with the Hall" not in page
    assert "counts what appears in your dreams (people, feelings, places, what happens)" in page


def test_export_formats_sit_inside_their_labels(make_user: Any, web_as: Any) -> None:
    page = web_as(make_user()).get("/export/").content.decode()
    for value, key in (("json", "f-json"), ("markdown", "f-md")):
        assert re.search(
            rf'<label for="{key}"><input type="radio" id="{key}" name="format" value="{value}"', page
        )


def test_erase_with_a_wrong_password_keeps_the_typed_name_but_never_the_password(
    make_user: Any, web_as: Any
) -> None:
    user = make_user("sleepless")
    page = (
        web_as(user)
        .post("/account/erase/", {"confirm": "Sleepless", "password": "not my password at all"})
        .content.decode()
    )
    assert "Nothing was erased." in page
    assert 'name="confirm" autocomplete="off" required value="Sleepless"' in page
    assert "not my password at all" not in page


def test_standalone_back_links_are_tap_targets(make_user: Any, web_as: Any) -> None:
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft

    user = make_user()
    web = web_as(user)
    missing = web.get("/journal/no-such-entry/").content.decode()
    assert '<a class="tap" href="/">Back to Reverie</a>' in missing
    entry = journal.create_entry(user, EntryDraft(kind="reflection", body="A quiet night."))
    history = web.get(f"/journal/{entry.id}/history/").content.decode()
    assert f'<a class="tap" href="/journal/{entry.id}/">Back to the entry</a>' in history


@pytest.mark.parametrize(
    ("kind", "label", "words"),
    [
        ("setting", "questionable outdoor setting", "A place outdoors"),
        ("setting", "familiar indoor setting", "A familiar place indoors"),
        ("setting", "distorted ambiguous setting", "A familiar place, changed"),
        ("setting", "geographical outdoor setting", "A real, named place outdoors"),
        ("emotion", "apprehension (dreamer)", "Fear, worry or shame, felt by you"),
        ("emotion", "anger (another character)", "Anger, felt by someone else in the dream"),
        ("emotion", "sadness", "Sadness"),  # a link between a dream and an entry says no one's
        ("interaction", "aggression toward the dreamer", "Aggression toward you"),
        ("interaction", "friendliness mutual, with the dreamer", "Friendliness both ways, with you"),
        ("interaction", "aggression between others", "Aggression between other people"),
        ("character", "1MKA", "Someone you did not name"),
        ("character", "mother", "Mother"),
    ],
)
def test_dream_elements_read_in_a_persons_words(kind: str, label: str, words: str) -> None:
    """u4 left them: the dreams page showed the coder's labels ("Questionable outdoor setting", "Apprehension
    (dreamer)", a character's code). They now read in a person's words."""
    from reverie.clinic.web.dream_views import element_words

    assert element_words(kind, label) == words


@pytest.mark.parametrize(
    ("interaction", "words"),
    [
        (("aggression", 5, ("D",), ("1MSA",)), "Aggression by you"),
        (("aggression", 5, ("1MSA",), ("D",)), "Aggression toward you"),
        (("friendliness", 3, ("D",), ("1FKA",), "="), "Friendliness both ways, with you"),
        (("friendliness", 3, ("D",), (), "*"), "Friendliness by you"),
        (("aggression", 5, ("1MSA",), ("1FKA",)), "Aggression between other people"),
    ],
)
def test_interaction_role_words_come_from_the_coders_one_table(
    interaction: tuple[Any, ...], words: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """u5: the page rewrote the coder's role phrases by matching copies of them, so changing a phrase in the coder
    left its words on the page. Both read one table (analysis.dreams.recurring.ROLE_WORDS): a phrase changed
    there still reads in a person's words, and every role has them."""
    from reverie.analysis.dreams import recurring
    from reverie.analysis.dreams.codes import Interaction
    from reverie.clinic.web.dream_views import element_words

    coded = Interaction(*interaction)
    assert element_words("interaction", recurring.interaction_label(coded)) == words
    changed = {role: (f"{said} (coded)", plain) for role, (said, plain) in recurring.ROLE_WORDS.items()}
    monkeypatch.setattr(recurring, "ROLE_WORDS", changed)
    label = recurring.interaction_label(coded)
    assert label.endswith("(coded)")
    assert element_words("interaction", label) == words
