"""h182 (review r132, fault 11): two feelings the writer names together ("I woke up furious and also somehow
relieved") are both the writer's, as the entry page shows them (the full pipeline, then ``read_entry``).

The emotions layer read both as stated, but the head reads the sentence as a whole, so the second feeling named
took the first one's probability (anger 0.025 beside relief 0.155), under the panel's floor for a feeling the
writer names (``STATED_FLOOR``, 0.05): relief was shown, the anger was not. Since emotions 1.20.0 a feeling the
writer names joined to another they name ("X and (also) (somehow) Y", "X but Y", "X, Y") counts as the head's pick
(its threshold), as a sign after a plan does (1.19.0). Near misses: a denied, someone else's or a would-be feeling
joined to one the writer names is still not credited."""

from __future__ import annotations

import pytest

from reverie.analysis.pipeline import analyse
from reverie.insights.observations import read_entry


def _feelings(text: str) -> set[str]:
    result = analyse(text, "free_association").to_json()
    return {o.key.split(":", 1)[1] for o in read_entry(text, result).observations if o.analyzer == "feelings"}


@pytest.mark.parametrize(
    ("text", "both"),
    [
        ("I woke up furious and also somehow relieved", {"anger", "relief"}),
        ("I was angry but relieved.", {"anger", "relief"}),
        ("Relieved and furious, both at once.", {"anger", "relief"}),
        ("I felt sad and happy at the same time.", {"sadness", "joy"}),
        ("I'm furious, and honestly a bit relieved.", {"anger", "relief"}),
        ("Sad and grateful, all at once.", {"sadness", "gratitude"}),
        ("I feel guilty and also weirdly proud.", {"remorse", "pride"}),
        ("I was scared but also excited.", {"fear", "excitement"}),
    ],
)
def test_two_feelings_named_together_are_both_shown(text: str, both: set[str]) -> None:
    assert both <= _feelings(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("I wasn't angry, just relieved.", "anger"),
        ("She was furious and I was relieved.", "anger"),
        ("I'd be furious but I'm relieved.", "anger"),
        ("My sister was sad and angry, I was relieved.", "anger"),
    ],
)
def test_a_feeling_not_the_writers_joined_to_one_they_name_is_not_credited(text: str, absent: str) -> None:
    assert absent not in _feelings(text)
