"""One audience's running counters: everything a view needs, updated in O(findings of one item).

The state keeps one lane per audience rule (the client's own view, the therapist's view of shared items, and
the therapist's view with process notes), so a view never filters or rescans items. ``apply(digest, sign)``
adds (+1) or subtracts (-1) exactly what an item contributes. Only the order of items is a sorted list
(for "what comes next" and time windows); inserting at the end, the usual case, is O(1).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from datetime import datetime
from typing import TypeVar

from reverie.insights.digest import Digest, Triple
from reverie.insights.tally import Tally

Moment = tuple[datetime, str]
T = TypeVar("T", tuple[datetime, str], tuple[datetime, str, str])
ALL = "*"


class Lane:
    def __init__(self) -> None:
        self.members: dict[str, Digest] = {}
        self.order_keys: dict[str, str] = {}  # id -> sortable time key, for ordering evidence quickly
        self.order: list[Moment] = []
        self.periods: Tally[str] = Tally()
        self.episodes: Tally[str] = Tally()
        self.scored: Tally[str] = Tally()
        self.components: Tally[tuple[str, str, int]] = Tally()
        self.triples: Tally[tuple[str, Triple]] = Tally()
        self.period_scored: Tally[str] = Tally()
        self.period_components: Tally[tuple[str, str, int]] = Tally()
        self.corner_triples: Tally[tuple[str, Triple]] = Tally()
        self.corners: Tally[str] = Tally()
        self.corner_links: Tally[tuple[str, str]] = Tally()
        self.period_links: Tally[tuple[str, str, str]] = Tally()
        self.opportunities: Tally[tuple[str, str]] = Tally()
        self.hits: Tally[tuple[str, str]] = Tally()
        self.emotions: Tally[str] = Tally()
        self.period_emotions: Tally[tuple[str, str]] = Tally()
        self.role_emotions: Tally[tuple[str, str]] = Tally()
        self.mixed: Tally[str] = Tally()
        self.mixed_emotions: Tally[tuple[str, str]] = Tally()  # (role, emotion) named in mixed feelings
        self.unexplained: Tally[str] = Tally()
        self.unexplained_events: list[tuple[datetime, str, str]] = []
        self.link_times: dict[str, list[Moment]] = {}
        self.levels: Tally[int] = Tally()
        self.period_levels: Tally[tuple[str, int]] = Tally()
        self.dreams: dict[str, Digest] = {}
        self.dream_elements: Tally[tuple[str, str]] = Tally()
        self.waking_roles: dict[str, list[Moment]] = {}
        self.themes: Tally[str] = Tally()
        self.inside: Tally[tuple[str, str]] = Tally()
        self.follows: Tally[tuple[str, str]] = Tally()
        self.follow_first: Tally[str] = Tally()
        self.follow_second: Tally[str] = Tally()
        self.follow_pairs = 0

    @property
    def item_count(self) -> int:
        return len(self.members)

    def add(self, d: Digest) -> None:
        self.members[d.item_id] = d
        self.order_keys[d.item_id] = d.order_key
        self._place(d)
        self._apply(d, +1)

    def remove(self, d: Digest) -> None:
        self._apply(d, -1)
        self._unplace(d)
        del self.members[d.item_id]
        del self.order_keys[d.item_id]

    def in_time_order(self, ids: set[str] | list[str]) -> tuple[str, ...]:
        keys = self.order_keys
        return tuple(sorted(keys.keys() & set(ids), key=keys.__getitem__))

    def with_successors(self, first_ids: list[str]) -> tuple[str, ...]:
        """Each id with the id of the item right after it in time order (evidence of a "followed by")."""
        found: set[str] = set()
        for item_id in first_ids:
            index = bisect_left(self.order, self.members[item_id].sort_key)
            found.add(item_id)
            if index + 1 < len(self.order):
                found.add(self.order[index + 1][1])
        return self.in_time_order(found)

    # --- order-dependent: consecutive items ---------------------------------------------------------------

    def _place(self, d: Digest) -> None:
        index = bisect_left(self.order, d.sort_key)
        before = self.members[self.order[index - 1][1]] if index > 0 else None
        after = self.members[self.order[index][1]] if index < len(self.order) else None
        if before and after:
            self._follow(before, after, -1)
        if before:
            self._follow(before, d, +1)
        if after:
            self._follow(d, after, +1)
        self.order.insert(index, d.sort_key)

    def _unplace(self, d: Digest) -> None:
        index = bisect_left(self.order, d.sort_key)
        del self.order[index]
        before = self.members[self.order[index - 1][1]] if index > 0 else None
        after = self.members[self.order[index][1]] if index < len(self.order) else None
        if before:
            self._follow(before, d, -1)
        if after:
            self._follow(d, after, -1)
        if before and after:
            self._follow(before, after, +1)

    def _follow(self, first: Digest, second: Digest, sign: int) -> None:
        """Count the themes of ``first`` followed by those of ``second`` (evidence: the first item's id)."""
        self.follow_pairs += sign
        first_id, bump = first.item_id, self.follows.bump
        for theme in first.themes:
            self.follow_first.bump(theme, first_id, sign)
        for theme in second.themes:
            self.follow_second.bump(theme, second.item_id, sign)
        for a in first.themes:
            for b in second.themes:
                if a != b:
                    bump((a, b), first_id, sign)

    # --- order-free counters ------------------------------------------------------------------------------

    def _apply(self, d: Digest, sign: int) -> None:
        self.periods.bump(d.period, d.item_id, sign)
        self._apply_episodes(d, sign)
        self._apply_triangles(d, sign)
        self._apply_feelings(d, sign)
        self._apply_defenses(d, sign)
        self._apply_dreams(d, sign)
        for theme in d.themes:
            self.themes.bump(theme, d.item_id, sign)
        for pair in d.neighbours:
            self.inside.bump(pair, d.item_id, sign)

    def _apply_episodes(self, d: Digest, sign: int) -> None:
        i = d.item_id
        for e in d.episodes:
            self.episodes.bump(e.group, i, sign)
            if not e.scored:
                continue
            for group in (ALL, e.group):
                self.scored.bump(group, i, sign)
                for component, cluster in (("w", e.w), ("ro", e.ro), ("rs", e.rs)):
                    if cluster is not None:
                        self.components.bump((group, component, cluster), i, sign)
            self.period_scored.bump(d.period, i, sign)
            for component, cluster in (("w", e.w), ("ro", e.ro), ("rs", e.rs)):
                if cluster is not None:
                    self.period_components.bump((d.period, component, cluster), i, sign)
            if e.triple is not None:
                self.triples.bump((e.group, e.triple), i, sign)
                if e.corner:
                    self.corner_triples.bump((e.corner, e.triple), i, sign)
        for mark in d.marks:
            self.opportunities.bump((mark.template, mark.group), i, sign)
            if mark.hit:
                self.hits.bump((mark.template, mark.group), i, sign)

    def _apply_triangles(self, d: Digest, sign: int) -> None:
        for corners in (d.conflict_corners, d.person_corners):
            ordered = sorted(corners)
            for corner in ordered:
                self.corners.bump(corner, d.item_id, sign)
            for n, a in enumerate(ordered):
                for b in ordered[n + 1 :]:
                    self.corner_links.bump((a, b), d.item_id, sign)
                    self.period_links.bump((d.period, a, b), d.item_id, sign)

    def _apply_feelings(self, d: Digest, sign: int) -> None:
        i = d.item_id
        for emotion in d.emotions:
            self.emotions.bump(emotion, i, sign)
            self.period_emotions.bump((d.period, emotion), i, sign)
        for pair in d.role_emotions:
            self.role_emotions.bump(pair, i, sign)
        for role in d.mixed_roles:
            self.mixed.bump(role, i, sign)
        for pair in d.mixed_emotions:
            self.mixed_emotions.bump(pair, i, sign)
        for emotion in d.unexplained:
            self.unexplained.bump(emotion, i, sign)
            _sorted_update(self.unexplained_events, (d.happened_at, i, emotion), sign)
        for emotion in d.linked_emotions:
            _keyed_update(self.link_times, emotion, d.sort_key, sign)

    def _apply_defenses(self, d: Digest, sign: int) -> None:
        for level, n in d.defense_levels:
            self.levels.bump(level, d.item_id, sign, n)
            self.period_levels.bump((d.period, level), d.item_id, sign, n)

    def _apply_dreams(self, d: Digest, sign: int) -> None:
        if d.is_dream:
            if sign > 0:
                self.dreams[d.item_id] = d
            else:
                self.dreams.pop(d.item_id, None)
            for element in d.dream_elements:
                self.dream_elements.bump(element, d.item_id, sign)
            return
        for role in d.roles:
            _keyed_update(self.waking_roles, role, d.sort_key, sign)


def _sorted_update(values: list[T], key: T, sign: int) -> None:
    if sign > 0:
        insort(values, key)
        return
    index = bisect_left(values, key)
    if index < len(values) and values[index] == key:
        del values[index]


def _keyed_update(lists: dict[str, list[Moment]], name: str, key: Moment, sign: int) -> None:
    """Sorted moments per name; a name whose list empties disappears (as if never seen)."""
    values = lists.setdefault(name, [])
    _sorted_update(values, key, sign)
    if not values:
        del lists[name]
