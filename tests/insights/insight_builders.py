"""Hand-built items with findings for the insight tests (no shared data, no analyzers)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from reverie.analysis.findings import Finding, Span
from reverie.insights import Item

DAY0 = datetime(2024, 1, 1, 10, 0, tzinfo=UTC)
GROUPS = {
    "partner": "partners",
    "mother": "family",
    "father": "family",
    "therapist": "therapist",
    "boss": "authority",
    "friend": "friends",
}


def finding(
    kind: str, label: str, data: dict[str, Any] | None = None, span: tuple[int, int] = (0, 50)
) -> Finding:
    return Finding("test", "1", "none", kind, label, 0.9, (Span(*span),), data or {})


def episode(
    other: str,
    w: int | None,
    ro: int | None,
    rs: int | None,
    *,
    tense: str = "present",
    at: int = 0,
    ro_valence: str = "negative",
    rs_valence: str = "negative",
) -> list[Finding]:
    """A person mention and a scored episode in the sentence starting at ``at`` (sentences are 100 chars)."""
    span = (at, at + 99)
    data: dict[str, Any] = {"other": other, "group": GROUPS.get(other, "others"), "tense": tense}
    data["w"] = {"cluster": w, "label": "", "span": list(span), "confidence": 0.9} if w else None
    data["ro"] = (
        {"cluster": ro, "label": "", "span": list(span), "confidence": 0.9, "valence": ro_valence}
        if ro
        else None
    )
    data["rs"] = (
        {"cluster": rs, "label": "", "span": list(span), "confidence": 0.9, "valence": rs_valence}
        if rs
        else None
    )
    person = finding(
        "person",
        other,
        {"group": GROUPS.get(other, "others"), "name": "Zebediah", "sentence": 0},
        (at + 5, at + 14),
    )
    return [person, finding("episode", other, data, span)]


def emotion(label: str, at: int = 0, scope: str = "sentence") -> Finding:
    return finding("emotion", label, {"scope": scope, "intensity": 3}, (at, at + 99))


def item(
    item_id: str,
    day: float,
    findings: list[Finding],
    *,
    kind: str = "free_association",
    source: str = "entry",
    shared: bool = True,
    process_note: bool = False,
) -> Item:
    when = DAY0 + timedelta(days=day)
    return Item(item_id, source, kind, when, shared, process_note, tuple(findings))


def withdrawal_history(planted: bool = True) -> list[Item]:
    """9 close episodes with a partner (6 with fear -> rejection -> withdrawal) and 4 with the therapist (3).

    Without the plant, the same wishes meet understanding and the person stays open.
    """
    items: list[Item] = []
    for n in range(9):
        hit = planted and n < 6
        fs = episode(
            "partner", 6, 5 if hit else 8, 2 if hit else 3, ro_valence="negative" if hit else "positive"
        )
        fs += [emotion("fear")] if hit else [emotion("joy")]
        items.append(item(f"p{n}", n * 3, fs))
    for n in range(4):
        hit = planted and n < 3
        fs = episode(
            "therapist", 6, 5 if hit else 8, 2 if hit else 3, ro_valence="negative" if hit else "positive"
        )
        items.append(item(f"t{n}", n * 7 + 1, fs, kind="session", source="session"))
    for n in range(2):
        items.append(
            item(
                f"f{n}", n * 5 + 2, [*episode("friend", 7, 7, 1, ro_valence="positive"), emotion("amusement")]
            )
        )
    return items
