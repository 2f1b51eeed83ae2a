"""Series for pictures: one point per quarter, and the person groups with their most frequent themes."""

from __future__ import annotations

from collections import defaultdict

from reverie.insights.ccrt import COMPONENTS, GROUPS
from reverie.insights.course import periods
from reverie.insights.defenses import odf
from reverie.insights.lane import Lane
from reverie.insights.view import GroupNode, PeriodPoint

EDGES_PER_COMPONENT = 2


def period_points(lane: Lane) -> tuple[PeriodPoint, ...]:
    emotions: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (period, emotion), n in lane.period_emotions.items():
        emotions[period].append((emotion, n))
    levels: dict[str, dict[int, int]] = defaultdict(dict)
    for (period, level), n in lane.period_levels.items():
        levels[period][level] = n
    ccrt: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for (period, component, cluster), n in lane.period_components.items():
        ccrt[period].append((component, cluster, n))
    return tuple(
        PeriodPoint(
            period=p,
            items=lane.periods.count(p),
            emotions=tuple(sorted(emotions[p], key=lambda e: (-e[1], e[0]))),
            odf=odf(levels[p]),
            defenses=sum(levels[p].values()),
            scored_episodes=lane.period_scored.count(p),
            ccrt=tuple(sorted(ccrt[p])),
        )
        for p in periods(lane)
    )


def group_nodes(lane: Lane) -> tuple[GroupNode, ...]:
    nodes: list[GroupNode] = []
    for group in GROUPS:
        episodes = lane.episodes.count(group)
        if not episodes:
            continue
        edges: list[tuple[str, int, int]] = []
        for component in COMPONENTS:
            counts = [(lane.components.count((group, component, c)), c) for c in range(1, 9)]
            top = sorted((x for x in counts if x[0]), key=lambda x: (-x[0], x[1]))[:EDGES_PER_COMPONENT]
            edges += [(component, cluster, n) for n, cluster in top]
        nodes.append(GroupNode(group, episodes, lane.scored.count(group), tuple(edges)))
    return tuple(nodes)
