"""The transference mirror: a pattern seen with the therapist, set beside the same pattern with others.

"The wish to be loved and understood, met by rejection, followed by withdrawal, appears with your partner in
6 of 9 episodes and with your therapist in 3 of 4." Counts are episodes with that group whose W, RO and RS
match, out of all scored episodes with that group.
"""

from __future__ import annotations

from reverie.insights.ccrt import MIRROR_GROUPS, group_words, triple_phrase
from reverie.insights.digest import Triple
from reverie.insights.lane import Lane
from reverie.insights.statements import Statement, join_words, statement

MAX_MIRRORS = 3


def mirror_lines(lane: Lane, audience: str) -> list[Statement]:
    seen = [(n, triple) for (group, triple), n in lane.triples.items() if group == "therapist"]
    seen.sort(key=lambda x: (-x[0], -_mirrored(lane, x[1]), _order(x[1])))
    return [_mirror_line(lane, triple, audience) for _, triple in seen[:MAX_MIRRORS]]


def _mirrored(lane: Lane, triple: Triple) -> int:
    return sum(lane.triples.count((group, triple)) for group in MIRROR_GROUPS)


def _order(triple: Triple) -> tuple[int, int, int]:
    return (triple[0] or 0, triple[1] or 0, triple[2] or 0)


def _mirror_line(lane: Lane, triple: Triple, audience: str) -> Statement:
    t_count = lane.triples.count(("therapist", triple))
    t_total = lane.scored.count("therapist")
    therapist = f"with {group_words('therapist', audience)} in {t_count} of {t_total}"
    others = [
        f"with {group_words(g, audience)} in {lane.triples.count((g, triple))} of {lane.scored.count(g)}"
        for g in MIRROR_GROUPS
        if lane.triples.count((g, triple))
    ]
    phrase = triple_phrase(*triple)
    if others:
        parts = [f"{others[0]} episodes", *others[1:], therapist]
        text = f"{phrase}, appears {join_words(parts)}."
    else:
        text = f"{phrase}, appears {therapist} episodes; it does not appear with others in this view."
    keys = [(group, triple) for group in ("therapist", *MIRROR_GROUPS)]
    evidence = lane.in_time_order(lane.triples.evidence_of(keys))
    return statement(
        f"mirror:{_order(triple)}", text, evidence, t_count, t_total, "episodes with the therapist"
    )
