"""Issue 13's CCRT rules as mechanisms: only the other's actual response is RO, a stated feeling outranks a
trailing clause, hostile and distancing wishes are coded as such, and no episode without an interaction."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.analysis.document import prepare
from reverie.analysis.episodes import find_episodes
from reverie.analysis.pipeline import analyse

ANALYZERS = ["people", "timeframes", "episodes"]


def rules(text: str) -> list[tuple[Any, ...]]:
    """Rules only (no encoder, no learned coder)."""
    return [
        (f.label, *(f.data[c]["cluster"] if f.data[c] else None for c in ("w", "ro", "rs")))
        for f in find_episodes(prepare(text, "journal"))
    ]


def shipped(text: str) -> list[tuple[Any, ...]]:
    """The shipped analyzer: rules, encoder and learned coder."""
    return [
        (f.label, *(f.data[c]["cluster"] if f.data[c] else None for c in ("w", "ro", "rs")))
        for f in analyse(text, "journal", only=ANALYZERS).of_kind("episode")
    ]


# ---- Only the other's actual response is RO -------------------------------------------------------------
HYPOTHETICAL = (
    "I told my sister about the job. She'd probably laugh at me if she knew the rest. I felt small."
)


def test_the_writers_hypothetical_is_no_response_of_the_other() -> None:
    assert rules(HYPOTHETICAL) == [("sibling", None, None, 8)]


def test_with_no_response_stated_the_learned_coder_leaves_ro_open() -> None:
    ((other, _, ro, _),) = shipped(HYPOTHETICAL)
    assert (other, ro) == ("sibling", None)


@pytest.mark.parametrize(
    "text",
    [
        "I told Mum I was moving out. She'll be furious when she finds out properly. I felt guilty.",
        "I told my boss about the mistake. He might fire me for it. I felt sick.",
        "I told my dad I failed. He would have shouted at me years ago. I felt ashamed.",
    ],
)
def test_imagined_reactions_of_the_other_are_not_coded(text: str) -> None:
    ((_, _, ro, _),) = rules(text)
    assert ro is None


def test_what_the_other_says_they_will_do_is_a_response() -> None:
    text = "My sister is moving abroad. She told me she'll always be there for me. I felt sad anyway."
    ((other, _, ro, _),) = rules(text)
    assert other == "sibling" and ro in {6, 7}


def test_scene_setting_is_no_response_and_no_episode() -> None:
    assert (
        rules("New Year at my parents'. My uncle was away. I wanted a big family evening and it was dull.")
        == []
    )


def test_a_habit_told_with_would_is_still_a_response() -> None:
    ((other, _, ro, _),) = rules("Dad would shout at me every night. I hid in my room.")
    assert (other, ro) == ("father", 3)


def test_the_writers_expectation_is_not_the_others_response() -> None:
    ((_, _, ro, rs),) = rules(
        "I asked my husband to come home early. I expected he would apologise. I felt angry."
    )
    assert ro is None and rs == 4


# ---- A stated feeling outranks a trailing clause ----------------------------------------------------------
TRAILING = "My boss said no and walked off. I felt small, so I went back to my desk and kept quiet."


def test_a_stated_feeling_outranks_a_trailing_clause() -> None:
    ((_, _, ro, rs),) = rules(TRAILING)
    assert (ro, rs) == (5, 8)  # anxious and ashamed, not unreceptive ("kept quiet")


def test_the_learned_coder_does_not_replace_a_stated_feeling() -> None:
    ((_, _, _, rs),) = shipped(TRAILING)
    assert rs == 8


# ---- Hostile and distancing wishes ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "wish"),
    [
        ("My ex texted me again. I wanted to hurt him the way he hurt me.", 2),
        ("My sister borrowed my car without asking. I wanted to make her pay.", 2),
        ("My boss criticised my report. I wanted to get even with him.", 2),
        ("My brother mocked me at dinner. I wanted to get back at him.", 2),
        ("My brother mocked me at dinner. I wanted to teach him a lesson.", 2),
        ("Dad shouted at me over dinner. I just wanted to be left alone.", 4),
        ("Mum nagged me all evening. I wanted her to leave me alone.", 4),
        ("My flatmate kept shouting at me. I wanted to get away from her.", 4),
        ("My dad started lecturing me. I wanted to disappear.", 4),
    ],
)
def test_hostile_and_distancing_wishes_are_coded_as_such(text: str, wish: int) -> None:
    ((_, w, _, _),) = rules(text)
    assert w == wish


# ---- No episode without an interaction --------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Lunch was awful. I spent the whole day alone reading and felt tired.",
        "I spent Sunday alone. Nobody called. I cleaned the flat and watched TV.",
        "My mum was in the kitchen when I got home. I wanted her to ask about my day.",
    ],
)
def test_no_episode_without_an_interaction(text: str) -> None:
    assert rules(text) == []
    assert shipped(text) == []


def test_the_writer_acting_towards_the_other_is_an_interaction() -> None:
    assert [e[0] for e in rules("I called my mum. She didn't pick up. I felt lonely.")] == ["mother"]
    assert [e[0] for e in rules("I texted my sister three times. Nothing. I felt stupid.")] == ["sibling"]
