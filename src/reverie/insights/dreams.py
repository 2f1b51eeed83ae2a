"""Dreams: recurring coded elements across dreams, and links to waking life (the same person role in a waking
entry or session within seven days of the dream; a specific role, never the catch-all "someone else").

A link to waking life is stated only when more of a person's dreams have them near in waking life than chance gives
(``chance.beyond_chance``): the chance is the share of every written item whose ±7-day window holds a waking
mention of that person anyway (``chance.window_share``), the family every person seen in dreams. A person
mentioned in a third of entries is mentioned in almost any two weeks, so "in 1 of 2 dreams also in waking entries"
was what chance gives (review r87, 20 of 20 histories with nothing going on). Otherwise the line says only how
many dreams the person appears in."""

from __future__ import annotations

from bisect import bisect_left
from datetime import timedelta

from reverie.analysis.summary import dream_element_words
from reverie.insights.ccrt import CATCH_ALL_ROLE, role_appears
from reverie.insights.chance import beyond_chance, window_share
from reverie.insights.digest import Digest
from reverie.insights.lane import Lane
from reverie.insights.statements import Statement, statement, unit_words

WAKING_WINDOW = timedelta(days=7)
MAX_ELEMENTS = 6
MAX_ROLES = 5


def dream_lines(lane: Lane, audience: str) -> list[Statement]:
    return _element_lines(lane) + _waking_lines(lane, audience)


def _element_lines(lane: Lane) -> list[Statement]:
    dreams = len(lane.dreams)
    recurring = [(n, element) for element, n in lane.dream_elements.items() if n >= 2]
    recurring.sort(key=lambda x: (-x[0], x[1]))
    lines = []
    for n, (label, detail) in recurring[:MAX_ELEMENTS]:
        words = dream_element_words(label)  # the details' code->words table: "setting: indoors, questionable"
        name = f"{words} ({dream_element_words(detail)})" if detail else words
        text = f"The dream element '{name}' recurs in {n} of {dreams} {unit_words('dreams', dreams)}."
        evidence = lane.in_time_order(lane.dream_elements.evidence((label, detail)))
        lines.append(statement(f"dream:element:{label}:{detail}", text, evidence, n, dreams, "dreams"))
    return lines


def _waking_lines(lane: Lane, audience: str) -> list[Statement]:
    per_role: dict[str, list[Digest]] = {}
    for dream in lane.dreams.values():
        for role in dream.roles - {CATCH_ALL_ROLE}:  # "someone else" is not one person to meet again (r39)
            per_role.setdefault(role, []).append(dream)
    ranked = sorted(per_role.items(), key=lambda x: (-len(x[1]), x[0]))
    lines = []
    for role, dreams in ranked[:MAX_ROLES]:
        linked = [(d.item_id, w) for d in dreams if (w := _waking_near(lane, role, d))]
        anyway = window_share(lane.waking_roles.get(role, []), lane.order, WAKING_WINDOW, WAKING_WINDOW)
        appears = f"{role_appears(role, audience)} in {len(dreams)} {unit_words('dreams', len(dreams))}"
        if beyond_chance(len(linked), len(dreams), anyway, len(per_role)):
            text = f"{appears}; in {len(linked)} of them also in waking entries or sessions within {WAKING_WINDOW.days} days."
            evidence = lane.in_time_order([i for pair in linked for i in pair])
            lines.append(
                statement(f"dream:waking:{role}", text, evidence, len(linked), len(dreams), "dreams")
            )
        else:  # a plain count: no link to waking life claimed
            evidence = lane.in_time_order([d.item_id for d in dreams])
            n = len(dreams)
            lines.append(statement(f"dream:figure:{role}", f"{appears}.", evidence, n, None, "dreams"))
    return lines


def _waking_near(lane: Lane, role: str, dream: Digest) -> str | None:
    """The waking item closest in time (within the window) that mentions the same role."""
    times = lane.waking_roles.get(role, [])
    index = bisect_left(times, (dream.happened_at - WAKING_WINDOW, ""))
    best: tuple[timedelta, str] | None = None
    for when, item_id in times[index:]:
        gap = abs(when - dream.happened_at)
        if when - dream.happened_at > WAKING_WINDOW:
            break
        if best is None or gap < best[0]:
            best = (gap, item_id)
    return best[1] if best else None
