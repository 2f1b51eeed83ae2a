"""Self-defeating patterns: recurring sequences (wish -> fear -> self-defeating response) defined as data.

A template names a trigger (the wish that opens the chance), a fear step (the expected response of the other,
or an anxious feeling in the same item) and an outcome (the person's own response, or a defense in the same
item). Every scored episode whose wish matches the trigger is an *opportunity*; an opportunity where the fear
and the outcome also appear is a *hit*. A pattern is reported when it recurs (at least twice), with
"n of m opportunities" and the evidence item ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from reverie.insights.ccrt import group_words
from reverie.insights.statements import MIN_COUNT, Statement, join_words, statement


@dataclass(frozen=True, slots=True)
class Step:
    """Any of the listed clusters, valences, emotions or defense names satisfies the step."""

    clusters: frozenset[int] = frozenset()
    valence: str | None = None  # when set, a cluster only counts with this valence
    emotions: frozenset[str] = frozenset()
    defenses: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class PatternTemplate:
    key: str
    title: str  # plain words, used as "<title> appears in ..."
    trigger: Step  # on the wish (W)
    fear: Step  # on the response of the other (RO) or the item's emotions
    outcome: Step  # on the response of self (RS) or the item's defenses


TEMPLATES: tuple[PatternTemplate, ...] = (
    PatternTemplate(
        key="closeness_withdrawal",
        title="Closeness growing, then fear of rejection, then pulling away or ending it first",
        trigger=Step(clusters=frozenset({5, 6})),
        fear=Step(clusters=frozenset({5}), emotions=frozenset({"fear", "nervousness"})),
        outcome=Step(clusters=frozenset({2, 4}), defenses=frozenset({"acting out", "passive aggression"})),
    ),
    PatternTemplate(
        key="success_self_sabotage",
        title="A chance to succeed, then fear of failing, then giving up or holding back",
        trigger=Step(clusters=frozenset({8})),
        fear=Step(
            clusters=frozenset({4, 5}), valence="negative", emotions=frozenset({"fear", "nervousness"})
        ),
        outcome=Step(clusters=frozenset({6, 7}), defenses=frozenset({"help-rejecting complaining"})),
    ),
    PatternTemplate(
        key="voice_silenced",
        title="Wanting to speak up, then expecting to be controlled, then going quiet or feeling ashamed",
        trigger=Step(clusters=frozenset({1})),
        fear=Step(clusters=frozenset({2, 3}), emotions=frozenset({"fear", "nervousness", "embarrassment"})),
        outcome=Step(clusters=frozenset({6, 8}), defenses=frozenset({"passive aggression"})),
    ),
)
TEMPLATE_BY_KEY = {t.key: t for t in TEMPLATES}


def _cluster_meets(step: Step, cluster: int | None, valence: str | None) -> bool:
    if cluster is None or cluster not in step.clusters:
        return False
    return step.valence is None or valence is None or valence == step.valence


def step_met(
    step: Step, cluster: int | None, valence: str | None, emotions: frozenset[str], defenses: frozenset[str]
) -> bool:
    """A step is met by the episode's component, an emotion in the item, or a defense in the item."""
    if _cluster_meets(step, cluster, valence):
        return True
    return bool(step.emotions & emotions) or bool(step.defenses & defenses)


@dataclass(frozen=True, slots=True)
class PatternMark:
    """One opportunity for a template in one episode, and whether the whole sequence appeared."""

    template: str
    group: str
    hit: bool


def pattern_lines(
    opportunities: dict[tuple[str, str], int],
    hits: dict[tuple[str, str], int],
    evidence: dict[str, list[str]],
    audience: str,
) -> list[Statement]:
    """Statements for templates that recur (>= 2 hits), each followed by its per-group breakdown."""
    lines: list[Statement] = []
    for template in TEMPLATES:
        total_opp = sum(n for (key, _), n in opportunities.items() if key == template.key)
        total_hit = sum(n for (key, _), n in hits.items() if key == template.key)
        if total_hit < 2:
            continue
        groups = _group_breakdown(template.key, opportunities, hits, audience)
        text = f"{template.title} appears in {total_hit} of {total_opp} moments where it could."
        if groups:
            text += f" It shows {groups}."
        lines.append(
            statement(
                f"pattern:{template.key}", text, evidence[template.key], total_hit, total_opp, "chances"
            )
        )
    return lines


def _group_breakdown(
    key: str, opportunities: dict[tuple[str, str], int], hits: dict[tuple[str, str], int], audience: str
) -> str:
    parts: list[tuple[int, str]] = []
    for (template, group), n_hit in hits.items():
        if template != key or n_hit < 1:
            continue
        n_opp = opportunities.get((template, group), 0)
        note = "" if n_hit >= MIN_COUNT else " (tentative)"
        parts.append((n_hit, f"with {group_words(group, audience)} in {n_hit} of {n_opp}{note}"))
    parts.sort(key=lambda p: (-p[0], p[1]))
    return join_words(p[1] for p in parts)
