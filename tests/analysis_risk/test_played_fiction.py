"""A first-person act inside a played or performed work is the player's or the actor's (nineteenth round's probe).

"In the game I overdosed on potions" read as an attempt and "In the play I drank the poison and died on stage" as an
attempt: the fiction check set aside only sentences without a first person. A sentence that opens on a game, play,
musical, film, show or scene, or holds a word only games use (respawn, checkpoint, NPC …), narrates the player's act;
a wish, thought or urge before the act, or "for real", keeps it the writer's. Sentences written for this test.
"""

from __future__ import annotations

import pytest

from reverie.analysis.risk import LEVELS, screen

PLAYED = (
    "In the game I overdosed on potions and my guy passed out.",
    "In the play I drank the poison and died on stage every night.",
    "In Minecraft I drowned myself to respawn at home.",
    "In the musical I stab myself in the last scene.",
    "In the school play I hang myself at the end of act two, the rope is fake.",
)
# The writer's own: a wish in the frame, a frame that says it is real, or no frame at the start of the sentence.
OWN = (
    ("In the game I just wanted to die, I was so bad.", "ideation"),
    ("During the show I thought about killing myself.", "ideation"),
    ("During the film I cut my arm under my sleeve.", "behavior"),
    ("Game over for me, I took all the pills tonight.", "attempt"),
    ("I got through the checkpoint at the border and then swallowed the whole packet.", "ideation"),
    ("In the school play I cut myself for real backstage.", "behavior"),
    ("After the game I took all my pills.", "attempt"),
    ("In the end I took all my pills.", "attempt"),
    ("In the park I cut my wrists.", "attempt"),
)


def test_the_sentences_are_written_for_this_test(written_texts: frozenset[str]) -> None:
    texts = [*PLAYED, *(text for text, _ in OWN)]
    assert not [t for t in texts if t.strip().lower() in written_texts]


@pytest.mark.parametrize("text", PLAYED)
def test_a_played_or_performed_act_is_set_aside_as_fiction(text: str) -> None:
    result = screen(text)
    assert not result.flagged, result.to_data()
    assert any(s.reason == "fiction" for s in result.suppressed), result.to_data()


@pytest.mark.parametrize(("text", "level"), OWN)
def test_the_writers_own_wish_or_act_keeps_its_level(text: str, level: str) -> None:
    result = screen(text)
    assert LEVELS.index(result.level) >= LEVELS.index(level), result.to_data()
