"""People 1.5.0 / episodes 1.10.0: mechanisms that recur across vignette batches written by different people
(docs/ccrt.md, "Recurring mechanisms across nine batches (c8)"). Each rule is tested both ways, on sentences
written for this file."""

from __future__ import annotations

import pytest

from reverie.analysis.document import prepare
from reverie.analysis.people import find_mentions


def _roles(text: str) -> list[tuple[str, str]]:
    doc = prepare(text, "journal")
    return [(m.role, text[m.span.start : m.span.end]) for m in find_mentions(doc) if m.role != "self"]


# ---- an article makes a kinship or authority word someone else's ------------------------------------------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("A daughter in the queue at the post office snapped at me for pushing in.", "daughter"),
        ("Another mum at the gate told me my boy was a bad influence.", "mum"),
        ("The father of the bride called me over and complained about the cake.", "father"),
        ("A manager from the other depot shouted at me across the yard.", "manager"),
        ("A lecturer I had never met stopped me in the corridor and criticised my poster.", "lecturer"),
    ],
)
def test_a_kinship_or_authority_word_with_an_article_is_someone_else(text: str, word: str) -> None:
    assert ("other", word) in _roles(text)


@pytest.mark.parametrize(
    ("text", "role", "word"),
    [
        ("My daughter snapped at me for being late again.", "child", "My daughter"),
        ("Mum told me my boy was a bad influence.", "mother", "Mum"),
        ("The wife laughed when I burnt the toast.", "partner", "wife"),
        ("The boss called me into the office at nine.", "boss", "boss"),
        ("A friend from the allotment rang to ask about my knee.", "friend", "friend"),
        ("A colleague in payroll covered for me on Tuesday.", "colleague", "colleague"),
        ("I saw a therapist for the first time and she listened.", "therapist", "therapist"),
    ],
)
def test_the_writers_own_people_keep_their_role(text: str, role: str, word: str) -> None:
    assert (role, word) in _roles(text)


def test_the_kids_with_the_are_still_the_writers_children() -> None:
    assert ("child", "kids") in _roles("The kids were fighting over the remote and I lost my temper.")
