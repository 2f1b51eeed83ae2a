"""r43: short genuine lines the screen misses with or without h38's floor (not h38's doing: the sentence model
alone misses the first, and the ``third_person`` rule sets the second aside though its only "them" is an object)."""

from __future__ import annotations

import pytest

from reverie.analysis import risk
from risk_model import sentence_model

MISSED = [
    pytest.param(
        "no point waking up tomorrow",
        marks=pytest.mark.xfail(
            strict=True,
            reason="the sentence model alone scores it under its threshold (not the support floor's)",
        ),
    ),
    pytest.param(
        "gonna take all of them tonite",
        marks=pytest.mark.xfail(
            strict=True,
            reason="the third_person rule sets it aside though 'them' is the object; a rule change is unmeasured "
            "(h44 left it: it needs the seen batches' figures before and after)",
        ),
    ),
]


@pytest.mark.parametrize("text", MISSED)
def test_a_short_genuine_line_flags(text: str) -> None:
    """A short first-person line of passive ideation or a plan for tonight is flagged by the screen."""
    sentence_model()
    result = risk.screen(text)
    assert result.flagged, result.to_data()
