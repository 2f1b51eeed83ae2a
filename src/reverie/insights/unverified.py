"""The therapist's one section of unverified readings: research prompts from analyzers under ``MIN_SCORE``.

Pure. No summary statement counts a relationship episode (CCRT) or a defense reading (DMRS, ODF) today: on texts
they were not tuned on, their analyzers were right about 1 in 4 and 2 in 5 times (``SUPPORT[...].unseen``, the
figures of docs/evaluation.md), so a theme, a transference mirror, a defense level or a triangle corner stated from
them would more often be wrong than right (review r30). The therapist may still read them, as prompts for their
own reading: this section, built from a lane digested with ``shown.for_research``, shown collapsed under its
caveat, after everything else. It says what Reverie read ("Reverie coded the wish ... in 3 of 14 episodes it
read"), never what the client has: no core theme, no ODF; a DMRS level is named beside its number ("1 at level 7
(High-adaptive)", ``summary.level_words``) as what Reverie coded, not as the client's level; nothing from it feeds
a headline, the prep page, the transference mirror or the triangles. The entry page's "Details" put the same
readings of one entry under the same heading (``title``, ``insights.details``).
"""

from __future__ import annotations

from fractions import Fraction

from reverie.analysis.summary import level_words
from reverie.insights.ccrt import COMPONENT_NAMES, COMPONENTS, SHORT_LABELS
from reverie.insights.lane import ALL, Lane
from reverie.insights.observations import SUPPORT
from reverie.insights.shown import verified
from reverie.insights.statements import Statement, statement, unit_words
from reverie.insights.view import Section

KEY = "unverified"
# The analyzers whose readings this section holds, in the words of its caveat.
READINGS = (("relationships", "relationship (CCRT)"), ("defenses", "defence (DMRS)"))


def measured_words(analyzer: str) -> str:
    """How often the analyzer's readings were right on texts it was not tuned on: 'about 1 in 4 times (5 of 20)'."""
    unseen = SUPPORT[analyzer].unseen
    if unseen is None:
        return "not measured on texts it was not tuned on"
    right, of = unseen
    share = Fraction(right, of).limit_denominator(10) if of else Fraction(0)
    if right and not share.numerator:
        return f"fewer than 1 in 10 times ({right} of {of})"
    return f"about {share.numerator} in {share.denominator} times ({right} of {of})"


def title() -> str:
    """The section's heading: what these readings are, and how often they were right, from ``SUPPORT``."""
    figures = [f"{words} readings {measured_words(a)}" for a, words in READINGS if not verified(a)]
    said = " and its ".join(figures).replace(" readings ", " readings were right ", 1)
    return (
        f"Unverified readings \u2014 Reverie's {said}, measured on texts it was not tuned on; "
        "use them as prompts for your own reading, not as findings"  # no file path on a page (r133)
    )


def unverified_section(lane: Lane) -> Section | None:
    """The section for the therapist's view (None when no analyzer is under ``MIN_SCORE`` or nothing was read)."""
    lines = [*_relationship_lines(lane), *_defense_lines(lane)]
    return Section(KEY, title(), tuple(lines)) if lines else None


def _relationship_lines(lane: Lane) -> list[Statement]:
    if verified("relationships"):
        return []
    total = lane.scored.count(ALL)
    if not total:
        return []
    lines = []
    for component in COMPONENTS:
        counts = [(lane.components.count((ALL, component, c)), c) for c in range(1, 9)]
        n, cluster = max(counts, key=lambda x: (x[0], -x[1]))
        if not n:
            continue
        text = (
            f"Reverie coded the {COMPONENT_NAMES[component]} ({component.upper()}) as "
            f"'{SHORT_LABELS[component][cluster]}' in {n} of the {total} relationship "
            f"{unit_words('episodes', total)} it read (unverified)."
        )
        evidence = lane.in_time_order(lane.components.evidence((ALL, component, cluster)))
        lines.append(statement(f"unverified:ccrt:{component}", text, evidence, n, total, "episodes"))
    return lines


def _defense_lines(lane: Lane) -> list[Statement]:
    if verified("defenses"):
        return []
    levels = dict(lane.levels.items())
    total = sum(levels.values())
    if not total:
        return []
    codes = ", ".join(f"{levels[level]} at {level_words(level)}" for level in sorted(levels, reverse=True))
    text = (
        f"Reverie coded {total} {'passage' if total == 1 else 'passages'} with a DMRS defence level ({codes}; unverified): "
        "passages to read yourself, not a measure of the client's defensive functioning."
    )
    evidence = lane.in_time_order(lane.levels.evidence_of(levels))
    return [statement("unverified:defenses", text, evidence, total, None, "coded passages")]
