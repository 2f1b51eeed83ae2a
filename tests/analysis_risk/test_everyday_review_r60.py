"""Everyday entries from review r60's batch (40 entries in ten-plus voices, ``tests/fixtures/shown_findings_r60.jsonl``,
judged in ``tests/fixtures/README_shown_findings_r60.md``) that the sentence model alone flags at ideation, with no
risk word: a therapy session to cancel, a telling-off, an apology, a retirement, a sister's holiday photos, an old
flat, a lentil recipe. Each showed the writer "Reverie's sentence reading flagged this entry …" and put an ideation
alert on a linked therapist's pages (7 of 40, right 0 of 7). They are issue 12's open false-alarm goal
(docs/risk.md, "How sure a flag is"), kept here, as review r19's and r30's are (``test_everyday_review_r19.py``,
``test_everyday_review_r30.py``), as strict expected failures, so that each passes, and must be unmarked, the day a
model stops flagging it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reverie.analysis.risk import screen

ENTRIES = Path(__file__).parent.parent / "fixtures" / "shown_findings_r60.jsonl"
# each flagged at ideation on the sentence model alone; the sentence it read in the comment
EVERYDAY_FLAGGED = (
    "r60-07",  # "Maybe I should cancel next week." (a therapy session)
    "r60-09",  # "Ah wis mortified." (told off by the boss)
    "r60-20",  # "I always do that." (apologising to a partner)
    "r60-21",  # "Tomorrow I shall sleep in." (a last day at work after 41 years)
    "r60-25",  # "I hate that I'm jealous." / "I pressed like and then felt pathetic."
    "r60-32",  # "the smell of that hallway." (an old flat remembered)
    "r60-37",  # "Will try again Thursday." (a lentil dahl with too much cumin)
)


def _entries() -> dict[str, dict[str, str]]:
    rows = (json.loads(line) for line in ENTRIES.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["id"]: row for row in rows}


@pytest.mark.parametrize(
    "entry_id",
    [
        pytest.param(e, marks=pytest.mark.xfail(strict=True, reason="sentence model alone (issue 12)"))
        for e in EVERYDAY_FLAGGED
    ],
)
def test_an_everyday_entry_raises_no_risk_alert(entry_id: str) -> None:
    """An everyday entry with no risk words (a recipe, a retirement, a sister's holiday photos) raises no alert."""
    row = _entries()[entry_id]
    result = screen(row["text"], row["kind"])
    assert not result.flagged, result.to_data()
