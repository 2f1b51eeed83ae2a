"""Defense levels (DMRS) and overall defensive functioning over the course, in descriptive words."""

from __future__ import annotations

from collections.abc import Mapping

from reverie.insights.chance import changed
from reverie.insights.course import halves, periods, span_words
from reverie.insights.lane import Lane
from reverie.insights.statements import Statement, statement

LEVEL_NAMES = {
    7: "high-adaptive",
    6: "obsessional",
    5: "neurotic",
    4: "minor image-distorting",
    3: "disavowal",
    2: "major image-distorting",
    1: "action",
}
# The ODF change is tested on what moves it: the defenses at levels 5-7 (neurotic, obsessional, high-adaptive)
# against those at 1-4 (image-distorting, disavowal, action), early against later, by Fisher exact (one
# comparison), and stated only when that share moves the same way as the ODF estimate.
MATURE_FROM = 5


def odf(levels: Mapping[int, int]) -> float | None:
    """Overall defensive functioning (1-7): sum of level x share of coded defenses at that level."""
    total = sum(n for level, n in levels.items() if 1 <= level <= 7)
    if not total:
        return None
    return sum(level * n for level, n in levels.items() if 1 <= level <= 7) / total


def defense_lines(lane: Lane) -> list[Statement]:
    levels = dict(lane.levels.items())
    total = sum(levels.values())
    if not total:
        return []
    top = max(levels, key=lambda level: (levels[level], level))
    score = odf(levels) or 0.0
    text = (
        f"Across {total} coded defenses, the overall defensive functioning estimate (ODF, 1 to 7) is "
        f"{score:.1f}; the most frequent level is {LEVEL_NAMES[top]} (level {top}, {levels[top]} of {total})."
    )
    evidence = lane.in_time_order(lane.levels.evidence_of(levels))
    lines = [statement("defense:overall", text, evidence, levels[top], total, "coded defenses")]
    change = _change_line(lane)
    return lines + ([change] if change else [])


def _change_line(lane: Lane) -> Statement | None:
    early, late = halves([p for p in periods(lane) if _levels(lane, [p])])
    if not early:
        return None
    before, after = _levels(lane, early), _levels(lane, late)
    first, last = odf(before), odf(after)
    if first is None or last is None or first == last:
        return None
    high_before, high_after = _mature(before), _mature(after)
    n_before, n_after = sum(before.values()), sum(after.values())
    if not changed(high_before, n_before, high_after, n_after, 1):
        return None
    if (high_after / n_after > high_before / n_before) != (last > first):
        return None
    text = (
        f"The ODF estimate is {first:.1f} in {span_words(early)} ({sum(before.values())} coded defenses) "
        f"and {last:.1f} in {span_words(late)} ({sum(after.values())} coded defenses)."
    )
    keys = [(p, level) for p in late for level in after]
    evidence = lane.in_time_order(lane.period_levels.evidence_of(keys))
    return statement("defense:change", text, evidence, sum(after.values()), None, "coded defenses later on")


def _mature(levels: Mapping[int, int]) -> int:
    return sum(n for level, n in levels.items() if level >= MATURE_FROM)


def _levels(lane: Lane, names: list[str]) -> dict[int, int]:
    found: dict[int, int] = {}
    for period in names:
        for level in range(1, 8):
            n = lane.period_levels.count((period, level))
            if n:
                found[level] = found.get(level, 0) + n
    return found
