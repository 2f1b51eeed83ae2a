"""The free-association thread: which themes come up next to which, and how much more than chance.

Two neighbourhoods are counted: *next item* (a theme in one item, another theme in the item that follows it
in time) and *same item* (two themes mentioned next to each other in the text). Lift compares the observed
count with what independent themes would give: next item ``n(a->b) x pairs / (n(a first) x n(b second))``,
same item ``n(a~b) x items / (n(a) x n(b))``. "Surprising neighbours" have a high lift although at least
one of the two themes is rare.
"""

from __future__ import annotations

from dataclasses import dataclass

from reverie.insights.ccrt import component_words, role_words
from reverie.insights.lane import Lane
from reverie.insights.statements import Statement, share, statement

MIN_PAIRS = 3
MIN_LIFT = 1.5
SURPRISE_LIFT = 3.0
RARE_SHARE = 0.10
TOP = 4


@dataclass(frozen=True, slots=True)
class Neighbours:
    a: str
    b: str
    count: int
    base: int  # items (or pairs) with a
    lift: float
    rare: bool
    mode: str  # "next" or "same"


def theme_words(theme: str, audience: str) -> str:
    kind, _, value = theme.partition(":")
    if kind == "person":
        return role_words(value, audience)
    if kind == "emotion":
        return value
    return component_words(kind, int(value))


def thread_lines(lane: Lane, audience: str) -> list[Statement]:
    found = _next_item(lane) + _same_item(lane)
    common = sorted((n for n in found if n.count >= MIN_PAIRS), key=lambda n: (-n.lift, -n.count, n.a, n.b))
    surprising = [n for n in found if n.rare and n.lift >= SURPRISE_LIFT and n.count >= 2]
    surprising.sort(key=lambda n: (-n.lift, -n.count, n.a, n.b))
    lines = [_line(lane, n, audience, surprising=False) for n in common[:TOP]]
    shown = {(n.a, n.b, n.mode) for n in common[:TOP]}
    extra = [n for n in surprising if (n.a, n.b, n.mode) not in shown][:TOP]
    return lines + [_line(lane, n, audience, surprising=True) for n in extra]


def _next_item(lane: Lane) -> list[Neighbours]:
    pairs, items = lane.follow_pairs, lane.item_count
    found = []
    for (a, b), n in lane.follows.items():
        first, second = lane.follow_first.count(a), lane.follow_second.count(b)
        lift = n * pairs / (first * second) if first and second else 0.0
        if lift >= MIN_LIFT:
            rare = min(share(lane.themes.count(a), items), share(lane.themes.count(b), items)) < RARE_SHARE
            found.append(Neighbours(a, b, n, first, lift, rare, "next"))
    return found


def _same_item(lane: Lane) -> list[Neighbours]:
    items = lane.item_count
    found = []
    for (a, b), n in lane.inside.items():
        n_a, n_b = lane.themes.count(a), lane.themes.count(b)
        lift = n * items / (n_a * n_b) if n_a and n_b else 0.0
        if lift >= MIN_LIFT:
            rare = min(share(n_a, items), share(n_b, items)) < RARE_SHARE
            found.append(Neighbours(a, b, n, min(n_a, n_b), lift, rare, "same"))
    return found


def _line(lane: Lane, n: Neighbours, audience: str, *, surprising: bool) -> Statement:
    a, b = theme_words(n.a, audience), theme_words(n.b, audience)
    if n.mode == "next":
        text = f"After an item where {a} comes up, the next one brings {b} in {n.count} of {n.base} cases"
        evidence = list(lane.with_successors(lane.follows.evidence((n.a, n.b))))
    else:
        text = f"{a[0].upper()}{a[1:]} and {b} come up next to each other in {n.count} items"
        evidence = lane.inside.evidence((n.a, n.b))
    text += f", {n.lift:.1f} times what chance would suggest."
    if surprising:
        text = "A surprising neighbour: " + text[0].lower() + text[1:]
    key = f"thread:{'surprise' if surprising else n.mode}:{n.a}:{n.b}"
    total = n.base if n.mode == "next" else None
    return statement(
        key, text, lane.in_time_order(evidence), n.count, total, "items" if total is None else "cases"
    )
