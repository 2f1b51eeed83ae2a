"""Stop 45 (seen by review r81: 400 imported placeholder entries raised a risk check-in): text with no words a
person means — a placeholder typed to try the form, a row of letters — is read by the sentence model as ideation, so
the person is asked "Are you safe?" about nothing. Recorded as strict xfails of issue 12 (false alarms, goal ≤ 2 %)
until the thirty-second round (h111, risk 2.7.0, docs/risk.md): placeholder tokens are no longer read by the sentence
model, under a rule written first (no seen genuine line lost); tests/analysis_risk/test_placeholder_guard.py. Since
2.8.1 (h124, review r108) a unit the guard cut that keeps fewer than three words is read as written, so "body number
17 xxxx xxxx xxxx" is a strict xfail again."""

from __future__ import annotations

import pytest

from reverie.analysis import risk
from risk_model import sentence_model

# 2.8.1 (h124, review r108): a label of one or two words beside placeholders is read as written again: silencing it
# would also silence "xx goodbye forever xx" (tests/analysis_risk/test_placeholder_meaning.py)
LABEL_BESIDE_PLACEHOLDERS = pytest.mark.xfail(
    strict=True,
    reason="issue 12: a label of one or two words beside placeholders is read as written (risk 2.8.1): silencing it "
    'would also silence "xx goodbye forever xx"',
)
PLACEHOLDERS = [
    pytest.param(
        "body number 17 xxxx xxxx xxxx", marks=LABEL_BESIDE_PLACEHOLDERS
    ),  # not raised on 2.8.0 only
    "xxxx xxxx xxxx",
    "zzz zzz zzz zzz",
    "test test test",  # not raised before either: it must stay so
    "qwerty uiop zxcv",
]


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_a_placeholder_raises_no_risk_finding(text: str) -> None:
    """A row of letters or a test line is not risk language: no finding, no check-in."""
    sentence_model()
    assert not risk.screen(text).flagged, risk.screen(text).to_data()
