"""h148: whether the writer doubts an accident (``ACCIDENT_DOUBTED``, risk 2.10.0) is read once per text.

``_injury`` searched the whole entry for it again for every phrase inside an injury construction: a long entry
with many such phrases was searched as many times. The reading's context now holds the answer, worked out once, and
only for a text with an injury construction (no other phrase asks). The readings themselves are unchanged (the
screens below are review r114's)."""

from __future__ import annotations

import pytest

from reverie.analysis import risk_lexicon
from reverie.analysis.risk import screen

J = "free_association"

DOUBTED = "cut my arm on the bed frame, it was an accident... or maybe not, i kind of wanted to"
NOT_DOUBTED = "cut my arm on the bed frame, it was an accident"
DOUBT_WITHOUT_INJURY = "was it an accident? the vase fell off the shelf, not sure who knocked it"


@pytest.mark.parametrize(
    ("text", "doubted"), [(DOUBTED, True), (NOT_DOUBTED, False), (DOUBT_WITHOUT_INJURY, False)]
)
def test_the_reading_says_once_whether_the_accident_is_doubted(text: str, doubted: bool) -> None:
    """The context of a text with an injury construction says whether the writer doubts the accident anywhere in
    it; a text with none has nothing to doubt (the phrase "was it an accident?" alone is not read as an injury)."""
    assert risk_lexicon.reading(text, J).context.accident_doubted is doubted


def test_a_doubted_accident_is_still_not_set_aside_and_a_plain_one_is() -> None:
    """The same readings as before: the doubted accident keeps its alert, the plain one is set aside as an injury."""
    assert screen(DOUBTED, J).level == "behavior"
    assert [(h.rule, h.level, h.reason) for h in risk_lexicon.read(NOT_DOUBTED, J)] == [
        ("self_harm_cut", 0, "injury")
    ]
    assert screen(NOT_DOUBTED, J).level == "none"
