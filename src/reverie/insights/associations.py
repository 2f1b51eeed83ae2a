"""The free-association thread: which themes come up next to which, and how much more than chance.

Two neighbourhoods are counted: *next item* (a theme in one item, another theme in the item that follows it
in time) and *same item* (two themes mentioned next to each other in the text). Lift compares the observed
count with what independent themes would give: next item ``n(a->b) x pairs / (n(a first) x n(b second))``,
same item ``n(a~b) x items / (n(a) x n(b))``. "Surprising neighbours" have a high lift although at least
one of the two themes is rare.

The client reads only lines that random order would not give (review r19: entries written in no order gave
"after X comes Y in 2 of 2 cases, 9.8 times what chance would suggest"; feelings drawn at random gave such lines
in 7 of 10 seeds): the one rule for a relation, ``chance.beyond_chance``: at least ``CLIENT_MIN_CASES`` cases, and
a one-sided binomial tail below 0.05 divided by every theme pair that could have been reported (Bonferroni). No "surprising neighbour" (rare by
design) and no lift figure: the client's line says how many cases chance alone would give. The therapist's
view keeps every line, with its lift.
"""

from __future__ import annotations

from dataclasses import dataclass

from reverie.insights.ccrt import component_words, role_words
from reverie.insights.chance import MIN_CASES, beyond_chance, binomial_tail
from reverie.insights.lane import Lane
from reverie.insights.statements import Statement, share, statement

MIN_PAIRS = 3
MIN_LIFT = 1.5
SURPRISE_LIFT = 3.0
RARE_SHARE = 0.10
TOP = 4
CLIENT_MIN_CASES = MIN_CASES  # the one rule for a relation: ``chance.beyond_chance``


@dataclass(frozen=True, slots=True)
class Neighbours:
    a: str
    b: str
    count: int
    base: int  # items (or pairs) with a
    lift: float
    rare: bool
    mode: str  # "next" or "same"
    chance: float  # the share of ``base`` that would bring b if the themes were independent

    @property
    def expected(self) -> float:
        return self.base * self.chance

    @property
    def p_value(self) -> float:
        """P(at least ``count`` of ``base``) under independence: the one-sided binomial tail."""
        return binomial_tail(self.count, self.base, self.chance)


def theme_words(theme: str, audience: str) -> str:
    kind, _, value = theme.partition(":")
    if kind == "person":
        return role_words(value, audience)
    if kind == "emotion":
        return value
    return component_words(kind, int(value))


def thread_lines(lane: Lane, audience: str) -> list[Statement]:
    found = _next_item(lane) + _same_item(lane)
    if audience == "client":
        return _client_lines(lane, found)
    # The therapist reads the lift too, but only of lines that random order would not give (the client's rule,
    # r90/h100: "times what chance would suggest" on 2 cases of a random order is no finding for anyone)
    found = [n for n in found if beyond_chance(n.count, n.base, n.chance, _tried(lane))]
    common = sorted((n for n in found if n.count >= MIN_PAIRS), key=lambda n: (-n.lift, -n.count, n.a, n.b))
    surprising = [n for n in found if n.rare and n.lift >= SURPRISE_LIFT and n.count >= 2]
    surprising.sort(key=lambda n: (-n.lift, -n.count, n.a, n.b))
    lines = [_line(lane, n, audience, surprising=False) for n in common[:TOP]]
    shown = {(n.a, n.b, n.mode) for n in common[:TOP]}
    extra = [n for n in surprising if (n.a, n.b, n.mode) not in shown][:TOP]
    return lines + [_line(lane, n, audience, surprising=True) for n in extra]


def _client_lines(lane: Lane, found: list[Neighbours]) -> list[Statement]:
    """Only lines random order would not give: enough cases, and significant over every pair that was tried."""
    tested = [(n.p_value, n) for n in found if beyond_chance(n.count, n.base, n.chance, _tried(lane))]
    kept = sorted(tested, key=lambda x: (x[0], -x[1].count, x[1].a, x[1].b))
    return [_line(lane, n, "client", surprising=False) for _, n in kept[:TOP]]


def _tried(lane: Lane) -> int:
    """Every pair that could have been reported: ordered pairs (next item) and pairs (same item) of themes seen."""
    themes = len(list(lane.themes.keys()))
    return themes * (themes - 1) + themes * (themes - 1) // 2


def _next_item(lane: Lane) -> list[Neighbours]:
    pairs, items = lane.follow_pairs, lane.item_count
    found = []
    for (a, b), n in lane.follows.items():
        first, second = lane.follow_first.count(a), lane.follow_second.count(b)
        lift = n * pairs / (first * second) if first and second else 0.0
        if lift >= MIN_LIFT:
            rare = min(share(lane.themes.count(a), items), share(lane.themes.count(b), items)) < RARE_SHARE
            found.append(Neighbours(a, b, n, first, lift, rare, "next", share(second, pairs)))
    return found


def _same_item(lane: Lane) -> list[Neighbours]:
    items = lane.item_count
    found = []
    for (a, b), n in lane.inside.items():
        n_a, n_b = lane.themes.count(a), lane.themes.count(b)
        lift = n * items / (n_a * n_b) if n_a and n_b else 0.0
        if lift >= MIN_LIFT:
            rare = min(share(n_a, items), share(n_b, items)) < RARE_SHARE
            base, other = (n_a, n_b) if n_a <= n_b else (n_b, n_a)
            found.append(Neighbours(a, b, n, base, lift, rare, "same", share(other, items)))
    return found


def _line(lane: Lane, n: Neighbours, audience: str, *, surprising: bool) -> Statement:
    a, b = theme_words(n.a, audience), theme_words(n.b, audience)
    if n.mode == "next":
        text = f"After an item where {a} comes up, the next one brings {b} in {n.count} of {n.base} cases"
        evidence = list(lane.with_successors(lane.follows.evidence((n.a, n.b))))
    else:
        text = f"{a[0].upper()}{a[1:]} and {b} come up next to each other in {n.count} items"
        evidence = lane.inside.evidence((n.a, n.b))
    if audience == "client":
        text = text.replace("an item where", "an entry where").replace(" items", " entries")
        expected = "fewer than one" if n.expected < 1 else f"about {round(n.expected)}"
        text += f"; chance alone would give {expected}."
    else:
        text += f", {n.lift:.1f} times what chance would suggest."
    if surprising:
        text = "A surprising neighbour: " + text[0].lower() + text[1:]
    key = f"thread:{'surprise' if surprising else n.mode}:{n.a}:{n.b}"
    total = n.base if n.mode == "next" else None
    return statement(
        key, text, lane.in_time_order(evidence), n.count, total, "items" if total is None else "cases"
    )
