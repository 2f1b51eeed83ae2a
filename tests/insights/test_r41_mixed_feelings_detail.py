"""r41: a "warm and painful feelings side by side" line names the feelings that were mixed, never two feelings
that each came up toward the person in different entries (h33 counts only the panel's mixed feelings, r39)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from reverie.analysis.findings import Finding, Span
from reverie.insights import Item, build_view

DAY0 = datetime(2024, 1, 1, 10, 0, tzinfo=UTC)


def _f(kind: str, label: str, data: dict[str, Any]) -> Finding:
    return Finding("test", "1", "none", kind, label, 0.9, (Span(0, 99),), data)


def _entry(n: int, findings: list[Finding]) -> Item:
    return Item(
        f"e{n:02d}", "entry", "free_association", DAY0 + timedelta(days=n), True, False, tuple(findings)
    )


def _mother() -> Finding:
    return _f("person", "mother", {"group": "family", "name": "Mum", "sentence": 0})


def _emotion(label: str) -> Finding:
    return _f("emotion", label, {"scope": "sentence", "intensity": 3})


def test_the_mixed_feelings_line_names_the_feelings_that_were_mixed() -> None:
    """Two entries hold mixed feelings toward the mother (joy and anger, the panel's reading); other entries name
    love toward her, and others fear, never both in one. The line counts the two and must name joy and anger,
    not 'love alongside fear', a pair no entry holds together."""
    items = [_entry(n, [_mother(), _emotion("love")]) for n in range(0, 4)]
    items += [_entry(n, [_mother(), _emotion("fear")]) for n in range(4, 8)]
    mixed = {"role": "mother", "positive": ["joy"], "negative": ["anger"]}
    items += [_entry(n, [_mother(), _f("ambivalence", "mother", mixed)]) for n in range(8, 10)]
    view = build_view(items, "client")
    lines = [s.text for sec in view.sections for s in sec.statements if "side by side" in s.text]
    assert len(lines) == 1 and "in 2 of 10 entries" in lines[0], lines
    assert "love" not in lines[0] and "fear" not in lines[0], lines[0]
    assert "joy" in lines[0] and "anger" in lines[0], lines[0]
