"""Feelings over time: the full range, shifts over the course, mixed feelings per person, and feelings that
were hard to explain at first but were later linked to a person or a relationship episode.

"Later linked" is stated only when more of those feelings meet a person within six weeks than chance gives
(``chance.beyond_chance``): each feeling's chance is the share of every written item followed, within six weeks,
by an item that holds the same feeling with a person anyway (``chance.window_share``); the family is the one line.
With feelings and people at constant rates one nearly always does (review r87: 18 of 20 histories with nothing
going on were told "3 were later linked"); otherwise the line counts the feelings hard to explain, no link. Mixed
feelings toward one person are counted for every person, but one person leads the strongest patterns only when
that person's rate is beyond the rate toward everyone (``Statement.beyond_chance``)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from datetime import datetime, timedelta

from reverie.insights.ccrt import CATCH_ALL_ROLE, role_words
from reverie.insights.chance import beyond_chance, changed, window_share
from reverie.insights.course import halves, periods, span_words
from reverie.insights.goemotions import NEGATIVE, POSITIVE
from reverie.insights.lane import Lane
from reverie.insights.statements import Statement, join_words, percent, share, statement, unit_words

LATER_SENSE_WINDOW = timedelta(weeks=6)
SHIFT_POINTS = 0.10  # a feeling's share of items must move by at least this much to be mentioned
# ... and the move must be one chance would rarely give: Fisher exact p below 0.05 ÷ the feelings compared
# (``chance.changed``; the demo's 0 of 6 against 6 of 34 was the first strongest pattern, p ≈ 0.57)
MAX_SHIFTS = 4
TOP_RANGE = 5


def feeling_lines(lane: Lane, audience: str) -> list[Statement]:
    lines = _range_lines(lane, audience)
    lines += _shift_lines(lane, audience)
    lines += _mixed_lines(lane, audience)
    later = _later_sense_line(lane, audience)
    return lines + ([later] if later else [])


def _items(audience: str) -> str:
    """What the lines count: the client's 'entries', the therapist's 'items' (entries and session notes)."""
    return "entries" if audience == "client" else "items"


def _range_lines(lane: Lane, audience: str) -> list[Statement]:
    ranked = sorted(lane.emotions.items(), key=lambda x: (-x[1], x[0]))
    if not ranked:
        return []
    top = ranked[:TOP_RANGE]
    named = join_words(f"{e} ({n} {unit_words(_items(audience), n)})" for e, n in top)
    # the model's reading, said so: never next to the person's ratings as if theirs (r134)
    if audience == "client":
        text = (
            f"Reverie read {len(ranked)} different {unit_words('feelings', len(ranked))} in your words (its "
            f"reading, not your ratings); most often {named}."
        )
    else:
        text = (
            f"{len(ranked)} different {unit_words('feelings appear', len(ranked))} across the material; most "
            f"often {named}."
        )
    evidence = lane.in_time_order(lane.emotions.evidence_of(e for e, _ in top))
    lines = [statement("feelings:range", text, evidence, len(evidence), lane.item_count, "items")]
    if len(ranked) > TOP_RANGE:
        rest = ranked[TOP_RANGE:]
        text = "Also present: " + join_words(f"{e} ({n})" for e, n in rest) + "."
        evidence = lane.in_time_order(lane.emotions.evidence_of(e for e, _ in rest))
        lines.append(
            statement("feelings:range-rest", text, evidence, len(evidence), lane.item_count, "items")
        )
    return lines


def _shift_lines(lane: Lane, audience: str) -> list[Statement]:
    early, late = halves(periods(lane))
    if not early:
        return []
    n_early = sum(lane.periods.count(p) for p in early)
    n_late = sum(lane.periods.count(p) for p in late)
    shifts: list[tuple[float, str, int, int]] = []
    compared = list(lane.emotions.keys())
    for emotion in compared:
        before = sum(lane.period_emotions.count((p, emotion)) for p in early)
        after = sum(lane.period_emotions.count((p, emotion)) for p in late)
        delta = share(after, n_late) - share(before, n_early)
        if (
            abs(delta) >= SHIFT_POINTS
            and max(before, after) >= 3
            and changed(before, n_early, after, n_late, len(compared))
        ):
            shifts.append((delta, emotion, before, after))
    shifts.sort(key=lambda s: (-abs(s[0]), s[1]))
    lines = []
    for _, emotion, before, after in shifts[:MAX_SHIFTS]:
        text = (
            f"{emotion.capitalize()} appears in {percent(before, n_early)} of {_items(audience)} in "
            f"{span_words(early)} "
            f"({before} of {n_early}) and in {percent(after, n_late)} in {span_words(late)} "
            f"({after} of {n_late})."
        )
        evidence = lane.in_time_order(lane.period_emotions.evidence_of((p, emotion) for p in late))
        lines.append(statement(f"feelings:shift:{emotion}", text, evidence, after, n_late, "later items"))
    return lines


def _mixed_lines(lane: Lane, audience: str) -> list[Statement]:
    """Mixed feelings per person (a count), each marked beyond chance when its rate is more than the rate of mixed
    feelings toward any specific person (every role mentioned, the family every person with mixed feelings):
    only such a line may lead the strongest patterns (review r87: five people at one rate, one "strongest")."""
    unspecific = (f"person:{CATCH_ALL_ROLE}", "person:self")
    mentioned = sum(n for t, n in lane.themes.items() if t.startswith("person:") and t not in unspecific)
    rate = share(sum(n for _, n in lane.mixed.items()), mentioned)
    lines = []
    for role, n in sorted(lane.mixed.items(), key=lambda x: (-x[1], x[0])):
        warm = _top_toward(lane, role, POSITIVE)
        hard = _top_toward(lane, role, NEGATIVE)
        detail = f" ({join_words(warm)} alongside {join_words(hard)})" if warm and hard else ""
        mentions = lane.themes.count(f"person:{role}")
        text = (
            f"Toward {role_words(role, audience)}, warm and painful feelings appear side by side in {n} "
            f"of {mentions} {unit_words(_items(audience) + ' that mention', mentions)} them{detail}."
        )
        evidence = lane.in_time_order(lane.mixed.evidence(role))
        line = statement(f"feelings:mixed:{role}", text, evidence, n, mentions, "items")
        lines.append(replace(line, beyond_chance=beyond_chance(n, mentions, rate, len(lane.mixed))))
    return lines


def _top_toward(lane: Lane, role: str, emotions: frozenset[str]) -> list[str]:
    """The feelings most often named on one side of the mixed feelings toward ``role`` (the entries the line
    counts), never every feeling ever seen with that person: a pair no entry holds together is no mixture (r41)."""
    counts = [(lane.mixed_emotions.count((role, e)), e) for e in emotions]
    return [e for n, e in sorted(counts, key=lambda x: (-x[0], x[1])) if n][:2]


def _later_sense_line(lane: Lane, audience: str) -> Statement | None:
    events = lane.unexplained_events
    if not events:
        return None
    made_sense: dict[str, int] = {}
    evidence: set[str] = set()
    for moment, item_id, emotion in events:
        link = _next_link(lane, emotion, moment, item_id)
        if link:
            made_sense[emotion] = made_sense.get(emotion, 0) + 1
            evidence.update((item_id, link))
    n = sum(made_sense.values())
    weeks = LATER_SENSE_WINDOW.days // 7
    anyway = {
        e: window_share(lane.link_times.get(e, []), lane.order, timedelta(0), LATER_SENSE_WINDOW)
        for e in {e for _, _, e in events}
    }
    chance = sum(anyway[e] for _, _, e in events) / len(events)
    if not beyond_chance(n, len(events), chance, 1):
        return _unexplained_line(lane, audience)
    hard = "you could not place at first" if audience == "client" else "described as hard to explain"
    text = (
        f"Of {len(events)} feelings {hard}, {n} were later linked to a person or a "
        f"relationship {'moment' if audience == 'client' else 'episode'} within {weeks} weeks"
    )
    if made_sense:
        text += " (" + join_words(
            f"{e} {k}" for e, k in sorted(made_sense.items(), key=lambda x: (-x[1], x[0]))
        )
        text += ")"
    return statement(
        "feelings:later-sense", text + ".", lane.in_time_order(evidence), n, len(events), "feelings"
    )


def _unexplained_line(lane: Lane, audience: str) -> Statement:
    """The feelings described as hard to explain, counted: no link claimed. For the client in the entry panel's
    words ("You name a feeling you cannot place yet"), counted in entries (r134: "seen in 3 feelings")."""
    events = lane.unexplained_events
    counts: dict[str, int] = {}
    for _, _, emotion in events:
        counts[emotion or "unnamed"] = counts.get(emotion or "unnamed", 0) + 1
    named = join_words(f"{e} {k}" for e, k in sorted(counts.items(), key=lambda x: (-x[1], x[0])))
    n = len(events)
    evidence = lane.in_time_order({item_id for _, item_id, _ in events})
    if audience == "client":
        times = "once" if n == 1 else f"{n} times"
        text = f"You named a feeling you could not place yet {times} ({named})."
        return statement("feelings:unexplained", text, evidence, len(evidence), lane.item_count, "items")
    feelings = "feeling was" if n == 1 else "feelings were"
    text = f"{n} {feelings} described as hard to explain ({named})."
    return statement("feelings:unexplained", text, evidence, n, None, "feelings")


def _next_link(lane: Lane, emotion: str, moment: datetime, item_id: str) -> str | None:
    """The first later item (within the window) that links this emotion to a person or episode."""
    if not emotion:
        return None
    times = lane.link_times.get(emotion, [])
    index = bisect_right(times, (moment, item_id))
    for when, other in times[index:]:
        if when - moment > LATER_SENSE_WINDOW:
            return None
        if when > moment:
            return other
    return None
