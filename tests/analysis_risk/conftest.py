"""Shared fixtures of the risk tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
# Everything written for the risk screen that a test's own sentences must not repeat: the training bank and every
# challenge batch.
WRITTEN = (HERE.parents[1] / "scripts" / "risk_paraphrases.jsonl", *sorted(HERE.glob("challenge_*.jsonl")))


@pytest.fixture(scope="session")
def written_texts() -> frozenset[str]:
    """The texts of the bank and of every challenge batch, stripped and lower-cased: a test's sentences written for
    it must be none of them (else the test would measure what the screen was tuned or trained on)."""
    return frozenset(
        json.loads(line)["text"].strip().lower()
        for path in WRITTEN
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
