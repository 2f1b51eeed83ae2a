"""The course over time: calendar quarters, early versus later halves, and the per-quarter series."""

from __future__ import annotations

from reverie.insights.lane import Lane


def periods(lane: Lane) -> list[str]:
    """Quarters that hold at least one item, in time order ('2024-Q3' sorts correctly as text)."""
    return sorted(lane.periods.keys())


def halves(names: list[str]) -> tuple[list[str], list[str]]:
    """Early and later halves of the course; empty when there are fewer than two quarters to compare."""
    if len(names) < 2:
        return [], []
    middle = len(names) // 2
    return names[:middle], names[middle:]


def span_words(names: list[str]) -> str:
    if not names:
        return ""
    return names[0] if len(names) == 1 else f"{names[0]} to {names[-1]}"
