"""Review r79 of coder 1.2.0 (h89): a false awakening ("I woke up, but I was still dreaming") is the dream.

HVdC codes everything the dreamer dreamt, and a waking the report itself says was still dreaming is dreamt. The
boundary step (``boundary.dream_end``) knows "in the dream I woke" and "I dreamt that I woke", but a report that
says so after the waking is cut at the waking, and every person of the rest of the dream disappears from the
entry page. Short texts written for Reverie (no DreamBank text)."""

from __future__ import annotations

from reverie.analysis.dreams import code_dream


def _labels(text: str) -> list[str]:
    return [c.label for c in code_dream(text).characters]


def test_still_dreaming_after_the_waking_keeps_the_rest_of_the_dream() -> None:
    """A client writes "I was in a dark house. I woke up, but I was still dreaming. A man stood at the window."
    The entry page shows no one in the dream; it should show the man (the report says it was still the dream)."""
    labels = _labels("I was in a dark house. I woke up, but I was still dreaming. A man stood at the window.")
    assert "man" in labels, labels


def test_a_waking_into_another_dream_keeps_the_rest_of_the_dream() -> None:
    """ "I woke up in my bed but it was another dream, and a stranger was in my room." shows no one; the stranger
    is in the dream (the dreamer says the waking was another dream)."""
    labels = _labels(
        "I was in a dark house. I woke up in my bed but it was another dream, and a stranger was in my room."
    )
    assert "stranger" in labels, labels


def test_or_so_i_thought_keeps_the_rest_of_the_dream() -> None:
    """ "Then I woke up, or so I thought: my sister was sitting on my bed, and I was still asleep." shows no one;
    the sister is in the dream (still asleep)."""
    labels = _labels(
        "I was in a dark house. Then I woke up, or so I thought: my sister was sitting on my bed, "
        "and I was still asleep."
    )
    assert "sister" in labels, labels
