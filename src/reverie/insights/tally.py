"""Counters with evidence: each key keeps how often it was seen and in which items.

``bump(key, item_id, sign)`` with sign +1 on add and -1 on remove keeps every update O(1), so the state never
rescans items. Keys that fall to zero disappear: after add+remove a tally equals one that never saw the item.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class Tally(Generic[K]):
    """``count(key)`` and ``evidence(key)`` (item ids) for hashable keys, updated by signed bumps."""

    __slots__ = ("_counts", "_items")

    def __init__(self) -> None:
        self._counts: dict[K, int] = {}
        self._items: dict[K, dict[str, int]] = {}

    def bump(self, key: K, item_id: str, sign: int, n: int = 1) -> None:
        delta = sign * n
        counts = self._counts
        total = counts.get(key, 0) + delta
        if total:
            counts[key] = total
        else:
            del counts[key]
        items = self._items.get(key)
        if items is None:
            items = self._items[key] = {}
        left = items.get(item_id, 0) + delta
        if left:
            items[item_id] = left
        else:
            del items[item_id]
            if not items:
                del self._items[key]

    def count(self, key: K) -> int:
        return self._counts.get(key, 0)

    def evidence(self, key: K) -> list[str]:
        return list(self._items.get(key, {}))

    def evidence_of(self, keys: Iterable[K]) -> set[str]:
        found: set[str] = set()
        for key in keys:
            found.update(self._items.get(key, {}))
        return found

    def keys(self) -> Iterator[K]:
        return iter(self._counts)

    def items(self) -> Iterator[tuple[K, int]]:
        return iter(self._counts.items())

    def snapshot(self) -> dict[K, tuple[int, frozenset[str]]]:
        """A comparable picture of the tally (for tests: incremental equals from-scratch)."""
        return {k: (c, frozenset(self._items.get(k, {}))) for k, c in self._counts.items()}

    def __len__(self) -> int:
        return len(self._counts)
