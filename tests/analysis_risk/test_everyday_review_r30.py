"""Everyday entries from review r30's batch (20 entries in new voices, ``tests/fixtures/review_r30_entries.jsonl``)
that the sentence model alone flags at ideation, with no risk word: each put an ideation alert on the therapist's
alerts page and prep page (scores 0.78-0.97 at ae0b001: 6 of a plain month's 20 entries). They are issue 12's open
false-alarm goal (docs/risk.md), kept here, as review r19's are (``test_everyday_review_r19.py``), as strict
expected failures, so that each passes, and must be unmarked, the day a model stops flagging it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reverie.analysis.risk import screen

ENTRIES = Path(__file__).parent.parent / "fixtures" / "review_r30_entries.jsonl"
EVERYDAY_FLAGGED = ("r30-01", "r30-05", "r30-07", "r30-12", "r30-15", "r30-17")


def _entries() -> dict[str, dict[str, str]]:
    rows = (json.loads(line) for line in ENTRIES.read_text(encoding="utf-8").splitlines())
    return {row["id"]: row for row in rows}


@pytest.mark.parametrize(
    "entry_id",
    [
        pytest.param(e, marks=pytest.mark.xfail(strict=True, reason="sentence model alone (issue 12)"))
        for e in EVERYDAY_FLAGGED
    ],
)
def test_an_everyday_entry_raises_no_risk_alert(entry_id: str) -> None:
    """An everyday entry with no risk words (a run by the canal, a sister's childcare request) raises no alert."""
    row = _entries()[entry_id]
    result = screen(row["text"], row["kind"])
    assert not result.flagged, result.to_data()
