"""Review r40: an entry's feelings are sealed content, so no error message about them may repeat their names."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import QueryDict

from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft, Feeling, ordinal
from reverie.clinic.web.forms import feelings_from_post
from reverie.errors import InvalidInput

pytestmark = pytest.mark.django_db

M = "zqxcanaryr40feeling"


def test_a_refused_feeling_intensity_does_not_repeat_the_feeling(make_user: Any) -> None:
    """Refusing a feeling's intensity names the problem, never the feeling the person typed."""
    client = make_user()
    with pytest.raises(InvalidInput) as refused:
        journal.create_entry(client, EntryDraft(kind="reflection", body="x", feelings=(Feeling(M, 9),)))
    assert M not in str(refused.value)
    assert "1st feeling" in str(refused.value)


def test_a_feeling_listed_twice_is_refused_without_repeating_it(make_user: Any) -> None:
    """Refusing a feeling given twice names the problem, never the feeling the person typed."""
    client = make_user()
    with pytest.raises(InvalidInput) as refused:
        journal.create_entry(
            client, EntryDraft(kind="reflection", body="x", feelings=(Feeling(M, 2), Feeling(M, 3)))
        )
    assert M not in str(refused.value)
    assert "2nd feeling" in str(refused.value)


def test_the_write_form_refuses_an_intensity_without_repeating_the_feeling() -> None:
    """The web form's own intensity check names the feeling by its place too (which feelings were ticked is the
    entry's content as much as a typed one)."""
    post = QueryDict(mutable=True)
    post["feel_tenderness"] = "1"
    post["int_tenderness"] = "much"
    with pytest.raises(InvalidInput) as refused:
        feelings_from_post(post, "")
    assert "tenderness" not in str(refused.value)
    assert "1st feeling" in str(refused.value)


@pytest.mark.parametrize(
    ("number", "words"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st")],
)
def test_ordinals(number: int, words: str) -> None:
    assert ordinal(number) == words
