"""Review r108 of risk 2.8.0 (h111, thirty-second round), fixed in 2.8.1 (h124): the placeholder guard set aside marks
that carry meaning.

Lines written for this review (none is a challenge-batch line). Each was flagged `ideation` by risk 2.7.0 (671a05a,
the parent of h111's merge) and is flagged by nothing on 2.8.0: the guard removes "xx" (kisses at the end of a
goodbye), "AAAAAAA" (a scream) and "zzz" (sleep, in a line about sleeping forever), and the two words left are under
``MIN_MODEL_WORDS``, so the sentence model reads nothing (``risk.model_inputs``). Since 2.8.1 a unit the guard cut that keeps fewer
words is read as written.
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk
from risk_model import sentence_model


@pytest.mark.parametrize(
    "text",
    [
        "xx goodbye forever xx",  # a goodbye signed with kisses
        "xx last goodbye xx",
        "AAAAAAA cant anymore",  # a scream, then "can't anymore"
        "zzz zzz sleep forever",  # "zzz" here is sleep, the line is about not waking
    ],
)
def test_a_goodbye_with_kisses_or_a_scream_is_still_read(text: str) -> None:
    """A client at 2 a.m. types "xx goodbye forever xx" (or screams "AAAAAAA cant anymore"). Risk 2.7.0 flagged it
    at `ideation` and the app asked "Are you safe?"; on 2.8.0 nothing is raised, because the kisses/scream/zzz are
    taken as placeholder noise and the two words left are too short for the model. They should still be flagged:
    the marks are part of what the person means, and the line as written was flagged before."""
    sentence_model()
    result = risk.screen(text)
    assert result.flagged, result.to_data()
