"""Attribution: a possessive's noun right before an act in the past is that act's subject (twelfth round, issue 12).

"Our drummer overdosed", "my lodger swallowed …": whoever the noun names (a person word the lexicon knows or not, an
instrument standing for its player), the act is theirs, not the writer's, so it is ``third_person`` and at most
``indicator``. The writer keeps the act where the possessive opens a time or place ("on my birthday overdosed"), where
the noun is the writer's own self or body ("my stupid body"), where the act is a noun ("my first overdose"), and
where "I" comes between. Sentences written for this test (none from the bank or a challenge batch).
"""

from __future__ import annotations

import pytest

from reverie.analysis.risk import LEVELS, screen

OTHERS_ACTS = (
    "Our drummer overdosed after the gig in Leeds.",
    "Our second violin overdosed during the tour and is recovering.",
    "My lodger took an overdose on Tuesday and rang the ambulance herself.",
    "My old landlord hanged himself in the barn, the village says.",
    "Our night porter overdosed last winter.",
)
OWN_ACTS = (
    "On my birthday overdosed on everything in the cupboard.",
    "After my exams swallowed the whole strip of tablets.",
    "My stupid body overdosed me",
    "In my flat I overdosed on the codeine.",
    "My first overdose was at sixteen; I overdosed again last week.",
)


def test_none_of_these_sentences_is_in_the_bank_or_a_batch(written_texts: frozenset[str]) -> None:
    assert not {s.lower() for s in OTHERS_ACTS + OWN_ACTS} & written_texts


@pytest.mark.parametrize("text", OTHERS_ACTS)
def test_an_act_after_a_possessives_noun_is_someone_elses(text: str) -> None:
    result = screen(text, model=False)
    assert result.level == "indicator", result.to_data()
    assert any(s.reason == "third_person" for s in result.suppressed)


@pytest.mark.parametrize("text", OTHERS_ACTS)
def test_an_act_after_a_possessives_noun_never_reaches_attempt_with_the_model(text: str) -> None:
    assert LEVELS.index(screen(text).level) < LEVELS.index("behavior")


@pytest.mark.parametrize("text", OWN_ACTS)
def test_the_writers_own_act_keeps_its_level(text: str) -> None:
    assert screen(text, model=False).level == "attempt"
