"""The Patterns page words a repeated response of others (RO) only where such a pattern is more likely right
than wrong, as measured by the nested grouped cross-validation of the CCRT coder (issue 13)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reverie.analysis.findings import Finding, Span
from reverie.insights import build_view
from reverie.insights.ccrt import RO_PATTERN_BATCHES, RO_PATTERN_MIN, RO_WORDED
from reverie.insights.highlights import highlights
from reverie.insights.items import Item

MANIFEST = Path(__file__).resolve().parents[2] / "src/reverie/analysis/models/ccrt/manifest.json"


def _items(ro: int, n: int = 6) -> list[Item]:
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    out = []
    for k in range(n):
        data = {
            "other": "partner",
            "group": "partners",
            "tense": "past",
            "w": {"cluster": 6, "label": "", "span": [0, 10], "confidence": 0.8},
            "ro": {"cluster": ro, "label": "", "span": [0, 10], "confidence": 0.8, "valence": "negative"},
            "rs": {"cluster": 2, "label": "", "span": [0, 10], "confidence": 0.8, "valence": "negative"},
        }
        episode = Finding("episodes", "1", "test", "episode", "partner", 0.8, (Span(0, 10),), data)
        out.append(Item(f"e{k}", "entry", "reflection", start + timedelta(days=k), True, False, (episode,)))
    return out


def _core(ro: int) -> str:
    # the therapist's view: the client's reads no core theme (insights.highlights.CLIENT_CORE_WORDED)
    return next(h.sentence for h in highlights(build_view(_items(ro), "therapist")) if h.key == "core")


@pytest.mark.parametrize("ro", sorted(RO_WORDED))
def test_a_repeated_response_of_others_that_holds_up_is_worded(ro: int) -> None:
    assert "others" in _core(ro) and "(6 of 6)" in _core(ro)


@pytest.mark.parametrize("ro", sorted(set(range(1, 9)) - RO_WORDED))
@pytest.mark.usefixtures("relationships_worded")
def test_a_repeated_response_of_others_that_is_more_often_wrong_is_left_out_of_the_words(ro: int) -> None:
    sentence = _core(ro)
    assert "others" not in sentence  # the wish and the writer's response are still worded
    assert (
        "the client often wishes to be loved and understood" in sentence
        and "the client withdraws" in sentence
    )


def test_the_worded_responses_are_those_the_measurement_allows() -> None:
    patterns = json.loads(MANIFEST.read_text(encoding="utf-8"))["cross_validation"]["repeated_patterns"]["ro"]
    rows = [
        (int(cluster), row)
        for name in RO_PATTERN_BATCHES
        for cluster, row in patterns["by_file_and_cluster"][name].items()
        if row["patterns"] >= RO_PATTERN_MIN
    ]
    fails = {c for c, row in rows if not (row["codes_right"] > 0.5 and row["same_as_expected_core"] > 0.5)}
    assert {c for c, _ in rows} - fails == set(RO_WORDED)
    assert (
        5 in fails
    )  # rejecting: right on the two older frozen batches, wrong more often than not on the newer ones
