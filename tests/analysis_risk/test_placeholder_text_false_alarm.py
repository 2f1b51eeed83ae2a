"""Stop 45 (seen by review r81: 400 imported placeholder entries raised a risk check-in): text with no words a
person means — a placeholder typed to try the form, a row of letters — is read by the sentence model as ideation, so
the person is asked "Are you safe?" about nothing. Recorded as strict xfails of issue 12 (false alarms, goal ≤ 2 %):
a fix must go through the risk round's rule (the seen batches' genuine-flagged must not fall), not a list of strings.
Each case turns XPASS, and this file fails, once the screen stops raising it."""

from __future__ import annotations

import pytest

from reverie.analysis import risk

ISSUE_12 = pytest.mark.xfail(
    strict=True,
    reason="issue 12: the sentence model scores letters without words as ideation (0.71-0.95 at stop 45); "
    "unchanged until a risk round measures a guard on the seen batches",
)
PLACEHOLDERS = [
    pytest.param("body number 17 xxxx xxxx xxxx", marks=ISSUE_12),
    pytest.param("xxxx xxxx xxxx", marks=ISSUE_12),
    pytest.param("zzz zzz zzz zzz", marks=ISSUE_12),
    "test test test",  # not raised today: it must stay so
    "qwerty uiop zxcv",
]


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_a_placeholder_raises_no_risk_finding(text: str) -> None:
    """A row of letters or a test line is not risk language: no finding, no check-in."""
    model = risk.load_model()
    if model is None or model.sentence_weights is None:
        pytest.skip("the sentence model is not installed")
    assert not risk.screen(text).flagged, risk.screen(text).to_data()
