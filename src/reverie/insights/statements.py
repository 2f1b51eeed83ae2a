"""A statement in the view: plain descriptive text, the items it rests on, and how strong it is."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

MIN_COUNT = 3  # below this many observations a statement is marked tentative


@dataclass(frozen=True, slots=True)
class Statement:
    """Plain text that never diagnoses ("appears in", never "you have"); evidence: item ids in time order."""

    key: str
    text: str
    evidence: tuple[str, ...]
    count: int
    total: int | None
    unit: str
    tentative: bool
    # a count that claims no relation by itself (mixed feelings toward one person) is True only when it stands out
    # beyond chance (``chance.beyond_chance``): only then may it lead the strongest patterns
    beyond_chance: bool = False

    @property
    def strength(self) -> str:
        """'seen in 6 of 9 episodes', with 'tentative' when the count is small."""
        if self.total is None:
            seen = f"seen in {self.count} {unit_words(self.unit, self.count)}"
        else:
            seen = f"seen in {self.count} of {self.total} {unit_words(self.unit, self.total)}"
        return f"tentative, {seen}" if self.tentative else seen

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "text": self.text,
            "evidence": list(self.evidence),
            "count": self.count,
            "total": self.total,
            "unit": self.unit,
            "tentative": self.tentative,
            "strength": self.strength,
        }


def statement(
    key: str, text: str, evidence: Iterable[str], count: int, total: int | None, unit: str
) -> Statement:
    return Statement(
        key=key,
        text=text,
        evidence=tuple(evidence),
        count=count,
        total=total,
        unit=unit,
        tentative=count < MIN_COUNT,
    )


SINGULAR = {
    "episodes": "episode",
    "items": "item",
    "entries": "entry",
    "dreams": "dream",
    "defenses": "defense",
    "moments": "moment",
    "quarters": "quarter",
    "feelings": "feeling",
    "people": "person",
    "records": "record",
    "rows": "row",
    # verbs whose subject is the count: "3 entries mention", "1 entry mentions"
    "appear": "appears",
    "mention": "mentions",
    "touch": "touches",
}


def unit_words(unit: str, n: int) -> str:
    """The unit for a count of ``n``: 'later episodes' stays plural except for one ('later episode'); a verb whose
    subject is the count agrees with it ('different feelings appear', '1 different feeling appears')."""
    if n != 1:
        return unit
    return " ".join(SINGULAR.get(word, word) for word in unit.split(" "))


def share(count: int, total: int) -> float:
    """count / total, 0.0 for an empty total (a view over no items has no division errors)."""
    return count / total if total else 0.0


def percent(count: int, total: int) -> str:
    return f"{round(100 * share(count, total))}%"


def join_words(parts: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(parts)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
