"""Review r108 of ambivalence 1.2.1 (h121): ``_REFERS_BACK`` takes any "it / this / that" after "I don't know why" as
pointing back to the feeling in the sentence before, so a "why" about something else (a wait, the weather, a stranger)
makes the entry page say the writer cannot place a feeling they have placed. Lines written for this review; each
showed no unexplained-feeling observation on the parent of h121's merge (b87b151) and shows one now.
"""

from __future__ import annotations

import pytest

from reverie.analysis.pipeline import analyse
from reverie.insights.observations import read_entry


def _unexplained(text: str) -> list[str]:
    observations = read_entry(text, analyse(text, "free_association").to_json()).observations
    return [o.key for o in observations if o.analyzer == "unexplained"]


@pytest.mark.parametrize(
    "text",
    [
        "I was anxious. I don't know why it took so long.",
        "I was happy at the party. I don't know why it rained all day.",
        "I felt so sad at the funeral. I don't know why that man kept staring at us.",
        "I was nervous before the interview. I don't know why this bus is always late.",
    ],
)
def test_a_why_about_something_else_is_not_an_unplaced_feeling(text: str) -> None:
    """A client writes "I was happy at the party. I don't know why it rained all day." The entry page now says
    "You name a feeling you cannot place yet." — but the feeling is placed (the party) and the "why" is about the
    rain. Before h121 it said nothing; it should say nothing, as it does for "I don't know why the bus was late"."""
    assert _unexplained(text) == []
