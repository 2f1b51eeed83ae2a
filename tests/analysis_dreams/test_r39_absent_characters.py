"""Review r39 (tests/review_r39 on branch r39), fault 4: "Your father appears in the dream" for a dream that says he
was not there. HVdC codes the characters present in a dream; dreams 1.1.3 leaves out a character whose every mention
is absent ("no one in it, not even my father", "she was not there") or only sought ("looking for my mother"), read on
the dependency parse. The review's lines go through the whole pipeline and the entry panel; the held-out lines below
(other voices, written for this check, both directions) go through the coder."""

from __future__ import annotations

import pytest

from reverie.analysis.dreams.coder import code_dream


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("I dreamt about the old house. There was no one in it, not even my father.", "father"),
        ("I dreamed I was looking for my mother everywhere but she was not there. I woke up.", "mother"),
    ],
)
def test_the_entry_panel_does_not_say_someone_appears_in_a_dream_that_says_they_were_not_there(
    text: str, absent: str
) -> None:
    """ "Your father appears in the dream" is never said of a dream that says he was not there (the character
    observation has no measured figure of its own; it rides on the dreamer-emotion figure)."""
    from reverie.analysis.pipeline import analyse
    from reverie.insights.observations import read_entry

    reading = read_entry(text, analyse(text, "dream", only=["dreams"]).to_json())
    said = [o.text for o in reading.observations]
    assert not any(absent in s for s in said), said


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("In the dream I waited at the station for my brother, but he never came.", "brother"),
        ("We had a party in the garden and my sister wasn't there.", "sister"),
        ("I searched the whole school for my teacher; she was nowhere to be found.", "teacher"),
        ("There was nobody at the beach, not even a lifeguard.", "lifeguard"),
        ("I couldn't find my dog anywhere in the dream.", "dog"),
        ("My aunt did not come to the funeral.", "aunt"),
    ],
)
def test_a_character_the_dream_says_is_absent_is_not_coded(text: str, label: str) -> None:
    labels = [c.label for c in code_dream(text).characters]
    assert label not in labels, labels


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I looked for my mother and found her in the kitchen.", "mother"),
        ("My father was there, but he did not say anything.", "father"),
        ("My brother was not happy with me in the dream.", "brother"),
        ("I dreamt my friend Anna did not come to school, so I visited her at home.", "Anna"),
        ("The teacher never smiled at me.", "teacher"),
        ("No one helped me except an old man.", "man"),
        ("I called for my dad and he came running.", "dad"),
        ("I saw my boss but he didn't see me.", "boss"),
    ],
)
def test_a_character_the_dream_shows_present_is_still_coded(text: str, label: str) -> None:
    labels = [c.label for c in code_dream(text).characters]
    assert label in labels, labels
