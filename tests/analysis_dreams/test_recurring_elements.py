"""Recurring elements across a series, with counts and dream ids."""

from __future__ import annotations

from reverie.analysis.dreams.codes import Character, DreamCoding, Emotion, Interaction, Setting
from reverie.analysis.dreams.recurring import recurring_elements


def test_recurring_characters_settings_emotions_and_interactions() -> None:
    dreams = [
        DreamCoding(
            characters=(Character("1FMA", label="mother"),),
            emotions=(Emotion("AP", ("D",)),),
            settings=(Setting("I", "F"),),
            interactions=(Interaction("aggression", 6, ("1MSA",), ("D",)),),
            dream_id="a",
        ),
        DreamCoding(
            characters=(Character("1FMA", label="Mother"), Character("1ANI", label="dog")),
            emotions=(Emotion("AP", ("D",)), Emotion("AP", ("D",))),
            settings=(Setting("I", "F"),),
            interactions=(Interaction("aggression", 7, ("1MSA",), ("D",)),),
            dream_id="b",
        ),
        DreamCoding(characters=(Character("1ANI", label="dog"),)),
    ]
    found = {(e.kind, e.label): e for e in recurring_elements(dreams)}
    assert found[("character", "mother")].count == 2
    assert found[("character", "mother")].dream_ids == ("a", "b")
    assert found[("character", "dog")].dream_ids == ("b", "#3")
    assert found[("emotion", "apprehension (dreamer)")].count == 2  # counted once per dream
    assert found[("setting", "familiar indoor setting")].count == 2
    assert found[("interaction", "aggression toward the dreamer")].count == 2


def test_single_occurrences_are_not_recurring() -> None:
    dreams = [DreamCoding(characters=(Character("1MKA", label="Tom"),), dream_id="x")]
    assert recurring_elements(dreams) == []
    assert len(recurring_elements(dreams, min_dreams=1)) == 1
