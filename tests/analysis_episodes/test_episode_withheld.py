"""Episodes 1.6.0: the other's response stated as an absence. An elided "he didn't" after what the writer wished,
waited or asked for is a rebuff (RO5); after a fear it is no rebuff; what the writer waits for is wished, not
the other's response; "didn't say anything" and "no time for me" are rebuffs. Sentences written for these
tests, in no vignette file."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.analysis.document import prepare
from reverie.analysis.episodes import find_episodes


def ro(text: str) -> list[tuple[str, Any]]:
    """Rules only (no encoder, no learned coder): the other and the RO cluster of each episode."""
    return [
        (f.label, f.data["ro"]["cluster"] if f.data["ro"] else None)
        for f in find_episodes(prepare(text, "journal"))
    ]


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("I asked my son to come for Christmas. He wouldn't. I felt empty.", "child"),
        ("I hoped my friend Dev would call on my birthday. He never did. I felt forgotten.", "friend"),
        ("I wanted my dad to say well done. He didn't. I went to my room.", "father"),
    ],
)
def test_an_elided_refusal_after_a_wish_or_a_request_is_a_rebuff(text: str, other: str) -> None:
    assert ro(text) == [(other, 5)]


def test_what_the_writer_waits_for_is_wished_and_its_absence_is_the_response() -> None:
    # before 1.6.0: RO8 ("understanding") from the apology the writer only waited for
    text = "I waited for my husband to say sorry. He didn't. I cried in the bath."
    assert ro(text) == [("partner", 5)]


def test_an_elided_negation_after_a_fear_is_no_rebuff() -> None:
    text = "I was sure my sister would shout. But she didn't, she just hugged me. I felt relieved."
    assert ro(text) == [("sibling", 7)]


def test_a_negated_verb_with_its_object_is_not_elided() -> None:
    # "she didn't have time" is read by the lexicon, not as an elided refusal; "wasn't angry" is no refusal
    assert ro("My mum said she didn't have time for my nonsense. I wanted her to listen. I went quiet.") == [
        ("mother", 5)
    ]
    assert ro("I wanted my boss to understand. She wasn't angry at all, she listened. I felt lighter.") == [
        ("boss", 8)
    ]


def test_saying_nothing_back_is_a_rebuff() -> None:
    text = "I told my dad about the promotion. He didn't say anything. I went to bed feeling flat."
    assert ro(text) == [("father", 5)]


def test_a_promise_to_keep_quiet_is_no_rebuff() -> None:
    text = "I told my friend Leah about the divorce. She promised she won't say a word. I felt safe with her."
    assert ro(text) != [("friend", 5)]


# ---- The response follows what the writer tells the other -----------------------------------------------
def test_what_the_other_did_before_the_writer_told_them_is_the_lead_in() -> None:
    # before 1.6.0: RO6 ("helpful") from the visit that only set the scene
    text = (
        "My sister Jo came round on Sunday. We had tea in the garden. Then I told her I'd been made "
        "redundant. She laughed at me and said I'd always hated that job anyway. I felt stupid for telling her."
    )
    assert ro(text) == [("sibling", 5)]
    text = (
        "My dad helped me move into the new flat. Afterwards I told him I was leaving my course. He shouted "
        "that I was throwing my life away. I went quiet."
    )
    assert ro(text) == [("father", 3)]


def test_the_lead_in_still_codes_when_nothing_after_the_telling_does() -> None:
    text = "My friend Sam helped me move house. Later I told him thanks. I felt lucky."
    assert ro(text) == [("friend", 6)]
