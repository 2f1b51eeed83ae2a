"""Shared fixtures: the real encoder, loaded once per test module; the journal sets' sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reverie.analysis.onnx_encoder import OnnxEncoder, load_encoder


@pytest.fixture(scope="module")
def encoder() -> OnnxEncoder:
    return load_encoder()


@pytest.fixture(scope="session")
def journal_set_texts() -> frozenset[str]:
    """Every sentence of the emotion journal sets (``tests/fixtures/emotion_journal*.jsonl``), case-folded: sentences
    written for a test must be none of them."""
    fixtures = Path(__file__).parents[1] / "fixtures"
    return frozenset(
        json.loads(line)["text"].strip().lower()
        for path in fixtures.glob("emotion_journal*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
