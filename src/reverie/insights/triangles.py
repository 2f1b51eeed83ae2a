"""Malan's triangles: which corners the material touches, and the links between corners over time.

Conflict triangle: F hidden feeling (emotions, unexplained feelings, mixed feelings), A anxiety (fear,
nervousness), D defense (DMRS levels 1-6). Person triangle: T the therapist, C current others, P the past
(parents, childhood). A link is an item where two corners come up together (stated only when more often than
independent corners would, ``chance.beyond_chance``), or the same W/RO/RS pattern seen at two person corners (with
a parent or in childhood and with a partner now = P-C).

The client reads only the person triangle, in plain words ("12 of 40 entries mention your therapist"). The
conflict triangle's corners cannot be said to a person plainly and truly: 'hidden feeling' is any feeling other
than fear or nervousness ("I'm so angry I could scream" touched it), and 'defense' rests on DMRS readings the
client's view does not count (review r19). The therapist's view keeps both triangles and the corner names, built
from the same findings as every summary (``shown.for_summary``): while defense readings are not stated
(``shown.defenses_worded``: DMRS under MIN_SCORE, review r30) the 'defense' corner is left out and said to be not
read, never counted; person corners come from person mentions and time markers, not from relationship episodes.
"""

from __future__ import annotations

from dataclasses import replace

from reverie.insights.ccrt import triple_phrase
from reverie.insights.chance import beyond_chance, changed
from reverie.insights.course import halves, periods, span_words
from reverie.insights.digest import Triple
from reverie.insights.lane import Lane
from reverie.insights.shown import defenses_worded
from reverie.insights.statements import Statement, percent, share, statement, unit_words
from reverie.insights.view import Triangles

CONFLICT = ("F", "A", "D")
PERSON = ("T", "C", "P")
CORNER_NAMES = {
    "F": "hidden feeling",
    "A": "anxiety",
    "D": "defense",
    "T": "therapist",
    "C": "current others",
    "P": "past",
}
CORNER_WORDS = {
    "F": "a hidden or mixed feeling",
    "A": "anxiety",
    "D": "a defense",
    "T": "the therapist",
    "C": "current others",
    "P": "the past (parents, childhood)",
}
LINKS = (("A", "F"), ("D", "F"), ("A", "D"), ("C", "T"), ("P", "T"), ("C", "P"))
# The person triangle for the client: what an entry mentions, and which person corners come up together.
CLIENT_CORNER_WORDS = {
    "T": "your therapist",
    "C": "people in your life now",
    "P": "your parents or childhood",
}


NOT_READ = "not read: Reverie's defence readings are not reliable enough"


def read_corners() -> tuple[str, ...]:
    """The corners a summary counts: not 'defense' while defense readings are not stated."""
    return tuple(c for c in CONFLICT + PERSON if c != "D" or defenses_worded())


def triangle_summary(lane: Lane) -> Triangles:
    """Items per corner and per link, for the corners read (a corner left out is drawn as not read)."""
    read = read_corners()
    return Triangles(
        items=lane.item_count,
        corners=tuple((c, lane.corners.count(c)) for c in read),
        links=tuple((a, b, lane.corner_links.count((a, b))) for a, b in LINKS if a in read and b in read),
    )


def triangle_lines(lane: Lane, audience: str = "therapist") -> list[Statement]:
    if audience == "client":
        return _client_lines(lane)
    total = lane.item_count
    read = read_corners()
    lines: list[Statement] = []
    for corner in read:
        n = lane.corners.count(corner)
        if n:
            text = (
                f"{n} of {total} {unit_words('items', total)} ({percent(n, total)}) "
                f"{unit_words('touch', n)} the '{CORNER_NAMES[corner]}' corner."
            )
            evidence = lane.in_time_order(lane.corners.evidence(corner))
            lines.append(statement(f"corner:{corner}", text, evidence, n, total, "items"))
    candidates = [(a, b) for a, b in LINKS if a in read and b in read]
    links = [(a, b) for a, b in candidates if lane.corner_links.count((a, b))]
    for a, b in links:
        line = _link_line(lane, a, b, total, len(links), len(candidates))
        if line:
            lines.append(line)
    for a, b in (("C", "P"), ("C", "T"), ("P", "T")):
        line = _pattern_link(lane, a, b)
        if line:
            lines.append(line)
    return lines


def _client_lines(lane: Lane) -> list[Statement]:
    """The person triangle in plain words: no corner names, no conflict triangle, no link letters."""
    total = lane.item_count
    entries = unit_words("entries", total)
    lines: list[Statement] = []
    for corner in PERSON:
        n = lane.corners.count(corner)
        if n:
            text = (
                f"{n} of {total} {entries} ({percent(n, total)}) {unit_words('mention', n)} "
                f"{CLIENT_CORNER_WORDS[corner]}."
            )
            evidence = lane.in_time_order(lane.corners.evidence(corner))
            lines.append(statement(f"corner:{corner}", text, evidence, n, total, "items"))
    candidates = [(a, b) for a, b in LINKS if a in PERSON and b in PERSON]
    links = [(a, b) for a, b in candidates if lane.corner_links.count((a, b))]
    for a, b in links:
        line = _link_line(lane, a, b, total, len(links), len(candidates), CLIENT_CORNER_WORDS)
        if line:
            lines.append(replace(line, text=line.text.replace(" items", f" {entries}")))
    for a, b in (("C", "P"), ("C", "T"), ("P", "T")):
        line = _pattern_link(lane, a, b, CLIENT_CORNER_WORDS)
        if line:
            lines.append(line)
    return lines


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _link_line(
    lane: Lane,
    a: str,
    b: str,
    total: int,
    comparisons: int,
    candidates: int,
    words: dict[str, str] = CORNER_WORDS,
) -> Statement | None:
    """Items where two corners come up together, stated only when they meet more often than two independent
    corners would (``chance.beyond_chance``: of the items with the rarer corner, how many hold the other, against
    the other's share of all items, ÷ the links that could be stated; review r87: people now and the past, each in
    a third to a half of entries, "came up together in 9 of 60 entries" where independence gives about 11). The
    early/later split is added only when chance would rarely give it (Fisher exact on items with the link per
    half, below 0.05 ÷ the links compared, ``chance.changed``)."""
    n = lane.corner_links.count((a, b))
    n_a, n_b = lane.corners.count(a), lane.corners.count(b)
    rarer, other = min(n_a, n_b), max(n_a, n_b)
    if not beyond_chance(n, rarer, share(other, total), candidates):
        return None
    text = f"{_cap(words[a])} and {words[b]} come up together in {n} of {total} {unit_words('items', total)}"
    early, late = halves(periods(lane))
    if early:
        before = sum(lane.period_links.count((p, a, b)) for p in early)
        after = sum(lane.period_links.count((p, a, b)) for p in late)
        n_early = sum(lane.periods.count(p) for p in early)
        n_late = sum(lane.periods.count(p) for p in late)
        if changed(before, n_early, after, n_late, comparisons):
            text += f" ({before} in {span_words(early)}, {after} in {span_words(late)})"
    evidence = lane.in_time_order(lane.corner_links.evidence((a, b)))
    return statement(f"link:{a}-{b}", text + ".", evidence, n, total, "items")


def _pattern_link(lane: Lane, a: str, b: str, words: dict[str, str] = CORNER_WORDS) -> Statement | None:
    """The same W/RO/RS pattern at two person corners; the pattern seen most at both is reported."""
    shared: list[tuple[int, Triple]] = []
    for (corner, triple), n in lane.corner_triples.items():
        if corner == a and lane.corner_triples.count((b, triple)):
            shared.append((min(n, lane.corner_triples.count((b, triple))), triple))
    if not shared:
        return None
    _, triple = min(shared, key=lambda x: (-x[0], tuple(c or 0 for c in x[1])))
    n_a, n_b = lane.corner_triples.count((a, triple)), lane.corner_triples.count((b, triple))
    phrase = triple_phrase(*triple)
    text = (
        f"The same pattern, {phrase[0].lower()}{phrase[1:]}, appears with {words[a]} ({n_a} {unit_words('episodes', n_a)}) "
        f"and with {words[b]} ({n_b} {unit_words('episodes', n_b)}): a {_pair(a, b)} link."
    )
    if words is not CORNER_WORDS:  # the client's words: relationship moments, no link letters
        text = (
            f"The same pattern, {phrase[0].lower()}{phrase[1:]}, appears with {words[a]} "
            f"({n_a} relationship {unit_words('moments', n_a)}) and with {words[b]} "
            f"({n_b} relationship {unit_words('moments', n_b)})."
        )
    evidence = lane.in_time_order(lane.corner_triples.evidence_of([(a, triple), (b, triple)]))
    return statement(
        f"pattern-link:{_pair(a, b)}", text, evidence, min(n_a, n_b), None, "episodes at each corner"
    )


def _pair(a: str, b: str) -> str:
    order = {"P": 0, "C": 1, "T": 2}
    first, second = sorted((a, b), key=lambda c: order[c])
    return f"{second}-{first}" if "T" in (a, b) else f"{first}-{second}"
