"""A self-harm act told by composition, whatever the instrument (sixteenth round, after the batches' behaviour lines).

Something taken to, pressed on or dragged across the writer's own body ("took the edge of a file to my shin"), the body
held on something hot, a body part bitten or scratched, or a wall punched, with what it did or why said beside it
("till it bled", "three lines", "not deep", "to feel something", "on purpose"), reads as self-harm (``behavior``).
Not when someone or something else does it ("the cat scratched my legs"), when the thing is care ("rubbed the cream
on my knuckles"), when the purpose is everyday ("held my hands over the fire to warm them"), or when nothing says it
hurt or was meant. Sentences written for this test (none from the bank or a challenge batch).
"""

from __future__ import annotations

import pytest

from reverie.analysis.risk import screen

SELF_HARM = (
    "Took the edge of a file to my shin in the workshop, three lines, not deep.",
    "Dragged a broken ruler across my wrist in the staff kitchen till it bled.",
    "I pressed the soldering iron into my forearm on purpose, twice.",
    "Held my hand against the hot hob till the skin blistered.",
    "Bit my own fingers till they bled during the call. I deserved it.",
    "Kicked the garage door till my toes split, because I wanted it to hurt me.",
    "been scraping my thighs with a key again, needed to feel something",
)
NOT_SELF_HARM = (
    "The cat scratched my legs when I picked her up, three lines, not deep.",
    "Rubbed the new cream on my knuckles till it soaked in, twice a day.",
    "Held my hands over the wood stove to warm them after the walk.",
    "The nurse took the plaster off my arm, it bled a little.",
    "Punched the bag at the gym on purpose, it's the drill.",
    "I drew a heart on my wrist with a felt tip, three lines.",
    "My little brother bit my hand till it bled, the brat.",
)


def test_none_of_these_sentences_is_in_the_bank_or_a_batch(written_texts: frozenset[str]) -> None:
    assert not {s.lower() for s in SELF_HARM + NOT_SELF_HARM} & written_texts


@pytest.mark.parametrize("text", SELF_HARM)
def test_an_act_on_ones_own_body_with_its_hurt_said_is_self_harm(text: str) -> None:
    result = screen(text, model=False)
    assert result.level == "behavior", result.to_data()


@pytest.mark.parametrize("text", NOT_SELF_HARM)
def test_the_same_frame_told_otherwise_is_no_self_harm_by_the_composed_rule(text: str) -> None:
    result = screen(text, model=False)
    assert not any(t.rule == "self_harm_composed" for t in result.triggers), result.to_data()
