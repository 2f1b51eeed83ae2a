"""Voices that break the rules by mechanism (issue 13, third frozen batch): the terse diary drops its "I"
("Rang my brother after work.", "Furious."), and a writer's picturing or "thought she'd …" is no response of
the other. Rules only: no encoder, no learned coder."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.analysis.document import prepare
from reverie.analysis.episodes import find_episodes


def rules(text: str) -> list[tuple[Any, ...]]:
    return [
        (f.label, *(f.data[c]["cluster"] if f.data[c] else None for c in ("w", "ro", "rs")))
        for f in find_episodes(prepare(text, "journal"))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the writer acts towards the other without an "I": an interaction, and the feeling is the writer's
        (
            "Rang my brother after work. He laughed at my plan. Embarrassed all night.",
            [("sibling", None, 5, 8)],
        ),
        ("Asked my boss for a day off. He said no. Furious.", [("boss", None, 5, 4)]),
    ],
)
def test_a_diary_sentence_without_its_i_is_the_writers(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert rules(text) == expected


def test_a_dropped_i_wish_is_the_writers_wish() -> None:
    ((other, w, _, _),) = rules("Called my dad. Wanted to be left alone after that. He shouted at me anyway.")
    assert (other, w) == ("father", 4)


def test_a_third_person_verb_without_subject_is_not_the_writer() -> None:
    assert rules("Sounds like my sister is doing well. Good for her.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Sent my dad the photos. Pictured him deleting them without a look. Anxious all evening.",
        "I emailed my boss the report. I imagined him tearing it apart in the meeting. I felt sick.",
    ],
)
def test_what_the_writer_pictures_is_no_response(text: str) -> None:
    ((_, _, ro, _),) = rules(text)
    assert ro is None


def test_what_the_writer_thought_the_other_would_do_is_no_response() -> None:
    text = "I told my friend about the loan. Thought she'd lecture me. She just nodded and said she'd help. Relieved."
    ((other, _, ro, _),) = rules(text)
    assert (other, ro) == ("friend", 6)


@pytest.mark.parametrize(
    ("text", "rs"),
    [
        ("My sister found me the number of a group. Felt relieved, honestly.", 3),
        (
            "Mum said fine but slammed the cupboard doors. Sat in the car anyway, feeling guilty the whole hour.",
            8,
        ),
    ],
)
def test_an_opening_diary_verb_the_tagger_reads_as_a_noun_is_still_the_writer(text: str, rs: int) -> None:
    ((_, _, _, got),) = rules(text)
    assert got == rs


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Ammi phoned me at work again. She said I never visit. I felt guilty.", "mother"),
        ("Nani raised me. I wanted her to be proud of me. She shrugged at my news. I felt small.", "other"),
    ],
)
def test_kinship_words_of_other_languages_are_people(text: str, other: str) -> None:
    assert [found[0] for found in rules(text)] == [other]
