"""The therapist's "Details" of one entry follow the one rule of every summary (``shown.counted``) and say codes in
words (review r106, faults 1, 3 and 5, on the pure layer)."""

from __future__ import annotations

from typing import Any

from reverie.insights.details import details
from reverie.insights.observations import SUPPORT
from reverie.insights.unverified import title

TEXT = "I felt calm. My boss said no. I was extra nice to him."


def _f(
    kind: str, label: str, confidence: float, data: dict[str, Any], span: tuple[int, int]
) -> dict[str, Any]:
    return {"kind": kind, "label": label, "confidence": confidence, "spans": [list(span)], "data": data}


def test_details_keep_floors_and_put_unverified_readings_under_the_patterns_pages_caveat() -> None:
    floor = SUPPORT["feelings"].floor
    findings = [
        _f("emotion", "relief", 0.03, {"scope": "entry"}, (0, 12)),  # under the floor, not named in the words
        _f("emotion", "calm", floor + 0.2, {"scope": "entry"}, (0, 12)),
        _f(
            "episode",
            "boss",
            0.9,
            {"other": "boss", "w": {"label": "be controlled", "confidence": 0.9}},
            (13, 29),
        ),
        _f("defense", "Neurotic", 0.4, {"level": 5, "defense": "reaction_formation"}, (30, 53)),
    ]
    groups = dict(details(TEXT, {"findings": findings}))
    feelings = [line.text for line in groups.get("Feelings the words suggest", [])]
    assert feelings == ["calm"]
    assert "Relationship episodes (wish, response of the other, response of self)" not in groups
    assert "Ways of handling distress" not in groups
    prompts = [line.text for line in groups[title()]]
    assert prompts == [
        "Relationship episode: with boss; wish: be controlled",
        "Defence (DMRS): Neurotic (Reaction formation)",
    ]
