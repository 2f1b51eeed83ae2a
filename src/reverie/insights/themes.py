"""Relationship themes (CCRT): pervasiveness of W, RO and RS, the core theme, per group, change over time."""

from __future__ import annotations

from reverie.insights.ccrt import (
    COMPONENT_NAMES,
    COMPONENTS,
    GROUPS,
    SHORT_LABELS,
    component_words,
    group_words,
)
from reverie.insights.chance import changed
from reverie.insights.course import halves, periods, span_words
from reverie.insights.lane import ALL, Lane
from reverie.insights.statements import Statement, percent, statement
from reverie.insights.view import CcrtRow

THEME_GROUPS = ("partners", "family", "authority", "friends", "therapist")


def pervasiveness(lane: Lane) -> tuple[CcrtRow, ...]:
    """Every cluster seen, overall ('*') and per group, with its share of scored episodes."""
    rows: list[CcrtRow] = []
    for group in (ALL, *GROUPS):
        total = lane.scored.count(group)
        if not total:
            continue
        for component in COMPONENTS:
            for cluster in range(1, 9):
                n = lane.components.count((group, component, cluster))
                if n:
                    label = SHORT_LABELS[component][cluster]
                    rows.append(CcrtRow(group, component, cluster, label, n, total))
    return tuple(rows)


def core(rows: tuple[CcrtRow, ...], group: str = ALL) -> tuple[CcrtRow, ...]:
    """The most pervasive W, RO and RS for a group (ties go to the lower cluster number)."""
    best: list[CcrtRow] = []
    for component in COMPONENTS:
        candidates = [r for r in rows if r.group == group and r.component == component]
        if candidates:
            best.append(min(candidates, key=lambda r: (-r.count, r.cluster)))
    return tuple(best)


def theme_lines(lane: Lane, rows: tuple[CcrtRow, ...], audience: str) -> list[Statement]:
    lines = [_core_line(lane, row) for row in core(rows)]
    for group in THEME_GROUPS:
        group_core = core(rows, group)
        if group_core:
            lines.append(_group_line(lane, group, group_core, audience))
    compared = core(rows)
    for row in compared:
        change = _change_line(lane, row, len(compared))
        if change:
            lines.append(change)
    return lines


def _describe(row: CcrtRow) -> str:
    return component_words(row.component, row.cluster)


def _core_line(lane: Lane, row: CcrtRow) -> Statement:
    name = COMPONENT_NAMES[row.component]
    text = (
        f"The most frequent {name} ({row.component.upper()}) is {_describe(row)}{_label(row)}: "
        f"it appears in {row.count} of {row.total} scored relationship episodes "
        f"({percent(row.count, row.total)})."
    )
    evidence = lane.in_time_order(lane.components.evidence(row_key(row)))
    return statement(f"ccrt:core:{row.component}", text, evidence, row.count, row.total, "episodes")


def _label(row: CcrtRow) -> str:
    return "" if row.component == "w" else f" ({row.label})"


def row_key(row: CcrtRow) -> tuple[str, str, int]:
    return (row.group, row.component, row.cluster)


def _group_line(lane: Lane, group: str, rows: tuple[CcrtRow, ...], audience: str) -> Statement:
    parts = [f"{r.component.upper()} {r.label} ({r.count} of {r.total})" for r in rows]
    text = f"With {group_words(group, audience)}, the most frequent theme is: " + "; ".join(parts) + "."
    head = rows[0]
    evidence = lane.in_time_order(lane.components.evidence_of(row_key(r) for r in rows))
    return statement(f"ccrt:group:{group}", text, evidence, head.count, head.total, "episodes")


def _change_line(lane: Lane, row: CcrtRow, comparisons: int) -> Statement | None:
    """Early against later share of scored episodes, stated only when chance would rarely give the change (Fisher
    exact below 0.05 ÷ the core components compared, ``chance.changed``)."""
    early, late = halves([p for p in periods(lane) if lane.period_scored.count(p)])
    if not early:
        return None
    before = _counts(lane, early, row)
    after = _counts(lane, late, row)
    if not changed(before[0], before[1], after[0], after[1], comparisons):
        return None
    subject = _describe(row)
    text = (
        f"{subject[0].upper()}{subject[1:]} appears in {percent(*before)} of scored episodes in "
        f"{span_words(early)} ({before[0]} of {before[1]}) and in {percent(*after)} in {span_words(late)} "
        f"({after[0]} of {after[1]})."
    )
    keys = [(p, row.component, row.cluster) for p in late]
    evidence = lane.in_time_order(lane.period_components.evidence_of(keys))
    return statement(f"ccrt:change:{row.component}", text, evidence, after[0], after[1], "later episodes")


def _counts(lane: Lane, names: list[str], row: CcrtRow) -> tuple[int, int]:
    hits = sum(lane.period_components.count((p, row.component, row.cluster)) for p in names)
    return hits, sum(lane.period_scored.count(p) for p in names)
