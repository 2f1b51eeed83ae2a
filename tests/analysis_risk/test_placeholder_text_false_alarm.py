"""Stop 45 (seen by review r81: 400 imported placeholder entries raised a risk check-in): text with no words a
person means — a placeholder typed to try the form, a row of letters — is read by the sentence model as ideation, so
the person is asked "Are you safe?" about nothing. Recorded as strict xfails of issue 12 (false alarms, goal ≤ 2 %)
until the thirty-second round (h111, risk 2.7.0, docs/risk.md): placeholder tokens are no longer read by the sentence
model, under a rule written first (no seen genuine line lost); tests/analysis_risk/test_placeholder_guard.py."""

from __future__ import annotations

import pytest

from reverie.analysis import risk

PLACEHOLDERS = [
    "body number 17 xxxx xxxx xxxx",  # strict xfails until the thirty-second round (h111, risk 2.7.0)
    "xxxx xxxx xxxx",
    "zzz zzz zzz zzz",
    "test test test",  # not raised before either: it must stay so
    "qwerty uiop zxcv",
]


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_a_placeholder_raises_no_risk_finding(text: str) -> None:
    """A row of letters or a test line is not risk language: no finding, no check-in."""
    model = risk.load_model()
    if model is None or model.sentence_weights is None:
        pytest.skip("the sentence model is not installed")
    assert not risk.screen(text).flagged, risk.screen(text).to_data()
