"""Coder 1.2.1 (h95), in voices other than review r79's, both ways: a waking the report undoes (a false awakening,
a dream resumed after sleeping again, "then I really woke up") is inside the dream; someone else waking the dreamer
is a waking; a character only looked or waited for ("someone I was looking for") is not there. Short texts written
for Reverie (no DreamBank text)."""

from __future__ import annotations

from reverie.analysis.dreams import code_dream


def _labels(text: str) -> list[str]:
    return [c.label for c in code_dream(text).characters]


def test_a_dream_resumed_after_sleeping_again_is_the_dream() -> None:
    assert "girl" in _labels(
        "I was on a ferry. I woke at 3, fell back asleep and the dream went on: a girl sang."
    )
    assert "uncle" in _labels(
        "We sat in a barn. I woke up. I went back to sleep and dreamt my uncle was driving."
    )


def test_a_later_real_waking_makes_the_earlier_one_dreamt() -> None:
    labels = _labels(
        "I was in a tower. I woke up. A nurse came in. Then I really woke up and my son was crying."
    )
    assert "nurse" in labels and "son" not in labels, labels


def test_a_waking_that_only_felt_like_dreaming_is_a_waking() -> None:
    # "thought I was still dreaming" and someone else "still asleep" say nothing of the dream going on
    assert (
        _labels("I was on a ship. I woke up and thought I was still dreaming. My husband was snoring.") == []
    )
    assert _labels("I was on a ship. I woke up. My wife was still asleep.") == []


def test_someone_else_waking_the_dreamer_is_a_waking() -> None:
    assert _labels("I was climbing a cliff alone. My husband woke me at six.") == []
    assert _labels("I walked to town. My neighbour woke me and a baker was there.") == []
    assert "husband" in _labels("My husband and I were skating on a lake. Then my husband woke me for work.")


def test_someone_only_looked_or_waited_for_is_not_there() -> None:
    assert _labels("I walked through a market. There was someone I was looking for.") == []
    assert _labels("We were waiting for the teacher at the gate.") == []
    # found, or arriving, they are there
    assert "mother" in _labels("I looked for my mother and found her in the kitchen.")
    assert "girl" in _labels("The girl I was waiting for finally arrived on a bike.")
