"""Skip a test that needs the risk screen's sentence model when that model is not installed.

Shared by the risk tests that assert what the sentence model reads or raises (imported by bare name:
``from risk_model import sentence_model``)."""

from __future__ import annotations

import pytest

from reverie.analysis import risk


def sentence_model() -> risk.RiskModel:
    """The shipped risk model (with its support, as the screen loads it) when the screen reads with its sentence
    model; otherwise skip the calling test (or fixture).

    It checks what :func:`reverie.analysis.risk.sentence_model_installed` checks: the risk model loads (its files
    present and undamaged), it has sentence weights, and the shared sentence encoder loads. Without them every
    screen runs on the lexicon alone (``RiskScreen.rules_only``), which is a supported install, so a test of what
    the sentence model does has nothing to test there: a skip, not a failure. The lexicon-only path has its own
    tests, and a damaged model is asserted by the tests of ``risk.model_state``, not skipped.

    The skip never hides a failure in the project's test run: the model and the encoder are committed under
    ``src/reverie/analysis/models/`` (``risk/`` and ``encoder/``, plain git files, package data), so the checkout
    that ``scripts/test`` bootstraps (an editable install) always has them and none of these tests skips there."""
    model = risk.load_model()
    if model is None or model.sentence_weights is None or not risk.sentence_model_installed():
        pytest.skip("the sentence model is not installed")
    return model


def lexicon_hits(text: str, kind: str) -> list[tuple[str, int, str | None]]:
    """The risk lexicon's reading of ``text`` as ``kind``: each hit as (rule, level, set-aside reason or None)."""
    from reverie.analysis import risk_lexicon

    return [(h.rule, h.level, h.reason) for h in risk_lexicon.read(text, kind)]


def lexicon_top(text: str, kind: str) -> int:
    """The highest level among the lexicon's hits on ``text`` as ``kind`` (0 where it has none)."""
    return max((level for _, level, _ in lexicon_hits(text, kind)), default=0)


def seen_line(line_id: str) -> dict[str, str]:
    """One line of a seen challenge batch by its id ("frozen38-127": ``tests/analysis_risk/challenge_frozen38.jsonl``)."""
    import json
    from pathlib import Path

    batch = line_id.split("-")[0]
    path = Path(__file__).resolve().parent / "analysis_risk" / f"challenge_{batch}.jsonl"
    with path.open(encoding="utf-8") as handle:
        return next(item for item in map(json.loads, handle) if item["id"] == line_id)


def screened(text: str, kind: str) -> risk.RiskScreen:
    """``risk.screen(text, kind)`` with the shipped sentence model (the test skipped where it is not installed)."""
    sentence_model()
    return risk.screen(text, kind)
