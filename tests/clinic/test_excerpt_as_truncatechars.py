"""The journal rows' excerpt (``entry_words.excerpt``, issue 16: Django's ``truncatechars`` walked every character
of every row's text) gives exactly what ``truncatechars`` gives, for any text and length, and the journal page shows
the same excerpt as before."""

from __future__ import annotations

from typing import Any

import pytest
from django.template.defaultfilters import truncatechars
from hypothesis import given, settings
from hypothesis import strategies as st

from reverie.clinic.templatetags.entry_words import excerpt

CASES = [
    "",
    "short",
    "x" * 159,
    "x" * 160,
    "x" * 161,
    "y" * 400,
    "ends in an ellipsis" + "…" * 200,
    "e\u0301" * 120,  # combining accents: NFC makes them one character each
    "a\u0308\u0323" * 100,  # several combining marks a letter
    "mixed " * 20 + "naïve café " * 10,
    "🙂" * 170,
    "\u200f" + "שלום " * 50,
    "line\nbreaks\r\n" * 30,
    "<b>not markup</b> & co " * 10,
]


@pytest.mark.parametrize("text", CASES)
@pytest.mark.parametrize("length", [-1, 0, 1, 2, 10, 159, 160, 161, "160", "x"])
def test_excerpt_is_truncatechars(text: str, length: Any) -> None:
    assert excerpt(text, length) == truncatechars(text, length)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(text=st.text(max_size=400), length=st.integers(min_value=-2, max_value=300))
def test_excerpt_is_truncatechars_for_any_text(text: str, length: int) -> None:
    assert excerpt(text, length) == truncatechars(text, length)


@pytest.mark.django_db
def test_journal_row_shows_the_same_excerpt(make_user: Any, web_as: Any) -> None:
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft

    alice = make_user()
    bodies = ["A walk by the river. " * 12, "Café au lait, e\u0301te\u0301. " * 12, "Short one."]
    for body in bodies:
        journal.create_entry(alice, EntryDraft(kind="free_association", body=body))
    html = web_as(alice).get("/journal/").content.decode()
    for body in bodies:
        shown = str(truncatechars(body, 160)).replace("'", "&#x27;")
        assert f'<span class="excerpt" dir="auto">{shown}</span>' in html
