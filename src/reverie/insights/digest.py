"""What one item contributes to the insights, computed once from its findings.

The digest is all the state keeps of an item: removing the item subtracts exactly what its digest added.
It holds person roles and category codes only — never names, quotes or other entry text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any

from reverie.analysis.findings import Finding, Span
from reverie.insights.ccrt import CATCH_ALL_ROLE, PARENT_ROLES, ROLES, cluster_of, group_of
from reverie.insights.goemotions import ANXIETY, EMOTIONS
from reverie.insights.items import Item
from reverie.insights.patterns import TEMPLATES, PatternMark, step_met

Triple = tuple[int | None, int | None, int | None]
_DETAIL_KEYS = ("code", "type", "identity", "class", "kind", "setting", "emotion", "value")
_DETAIL_MAX = 24


@dataclass(frozen=True, slots=True)
class Episode:
    group: str
    other: str
    tense: str
    w: int | None
    ro: int | None
    rs: int | None
    ro_valence: str | None
    rs_valence: str | None

    @property
    def scored(self) -> bool:
        return self.w is not None or self.ro is not None or self.rs is not None

    @property
    def triple(self) -> Triple | None:
        """(W, RO, RS) when at least two components are scored, so "the same pattern" means something."""
        known = sum(c is not None for c in (self.w, self.ro, self.rs))
        return (self.w, self.ro, self.rs) if known >= 2 else None

    @property
    def corner(self) -> str | None:
        """Malan's person triangle: T (therapist), P (parents, childhood), C (current others)."""
        if self.group == "therapist" or self.other == "therapist":
            return "T"
        if self.group == "self" or self.other == "self":
            return None
        if self.other in PARENT_ROLES or self.tense == "past_childhood":
            return "P"
        return "C"


@dataclass(frozen=True, slots=True)
class Digest:
    item_id: str
    happened_at: datetime
    period: str
    is_dream: bool
    episodes: tuple[Episode, ...]
    emotions: frozenset[str]
    roles: frozenset[str]
    role_emotions: frozenset[tuple[str, str]]
    mixed_roles: frozenset[str]
    mixed_emotions: frozenset[tuple[str, str]]  # (role, emotion) the mixed feelings name, on both sides (r41)
    unexplained: tuple[str, ...]
    linked_emotions: frozenset[str]
    defense_levels: tuple[tuple[int, int], ...]
    conflict_corners: frozenset[str]
    person_corners: frozenset[str]
    dream_elements: frozenset[tuple[str, str]]
    themes: frozenset[str]
    neighbours: frozenset[tuple[str, str]]
    marks: tuple[PatternMark, ...]

    order_key: str = ""  # UTC time then id, as one string: sorts evidence fast

    @property
    def sort_key(self) -> tuple[datetime, str]:
        return (self.happened_at, self.item_id)


def period_of(moment: datetime) -> str:
    """Calendar quarter, e.g. '2024-Q3'."""
    return f"{moment.year}-Q{(moment.month - 1) // 3 + 1}"


def digest(item: Item) -> Digest:
    by_kind: dict[str, list[Finding]] = {}
    for finding in item.findings:
        by_kind.setdefault(finding.kind, []).append(finding)
    persons = [(_role(f.label), f.spans) for f in by_kind.get("person", []) if _role(f.label) != "self"]
    episodes = [(_episode(f), f.spans) for f in by_kind.get("episode", [])]
    emotions = [f for f in by_kind.get("emotion", []) if f.label in EMOTIONS]
    emotion_set = frozenset(f.label for f in emotions)
    role_emotions = _role_emotions(emotions, persons, episodes)
    ambivalent_roles, ambivalent = _ambivalence(by_kind.get("ambivalence", []))
    levels = _defense_levels(by_kind.get("defense", []), by_kind.get("odf", []))
    defense_names = frozenset(_defense_name(f) for f in by_kind.get("defense", [])) - {""}
    roles = frozenset(r for r, _ in persons) | frozenset(e.other for e, _ in episodes if e.other != "self")
    eps = tuple(e for e, _ in episodes)
    return Digest(
        item_id=item.id,
        happened_at=item.happened_at,
        period=period_of(item.happened_at),
        is_dream=item.kind == "dream",
        episodes=eps,
        emotions=emotion_set,
        roles=roles,
        role_emotions=role_emotions | ambivalent,
        mixed_roles=ambivalent_roles,  # what the entry panel shows as mixed feelings, never co-occurrence (r39)
        mixed_emotions=ambivalent,
        unexplained=tuple(_unexplained_emotion(f, emotions) for f in by_kind.get("unexplained_feeling", [])),
        linked_emotions=frozenset(e for _, e in role_emotions) | frozenset(e for _, e in ambivalent),
        defense_levels=tuple(sorted(levels.items())),
        conflict_corners=_conflict_corners(emotion_set, by_kind, levels),
        person_corners=_person_corners(roles, eps, by_kind.get("time", [])),
        dream_elements=_dream_elements(by_kind.get("dream_code", []))
        if item.kind == "dream"
        else frozenset(),
        themes=_themes(roles, emotion_set, eps),
        neighbours=_neighbours(persons, emotions, episodes),
        marks=_marks(eps, emotion_set, defense_names),
        order_key=f"{item.happened_at.astimezone(UTC).strftime('%Y%m%d%H%M%S%f')} {item.id}",
    )


def _role(label: str) -> str:
    return label if label in ROLES else "other"


def _episode(finding: Finding) -> Episode:
    data = finding.data
    other = _role(str(data.get("other", finding.label)))
    ro, rs = data.get("ro"), data.get("rs")
    return Episode(
        group=group_of(other, data.get("group")),
        other=other,
        tense=str(data.get("tense", "")),
        w=cluster_of(data.get("w")),
        ro=cluster_of(ro),
        rs=cluster_of(rs),
        ro_valence=_valence(ro),
        rs_valence=_valence(rs),
    )


def _valence(raw: object) -> str | None:
    if isinstance(raw, dict) and raw.get("valence") in ("positive", "negative"):
        return str(raw["valence"])
    return None


def _overlaps(a: Iterable[Span], b: Iterable[Span]) -> bool:
    b_list = list(b)
    return any(x.start < y.end and y.start < x.end for x in a for y in b_list)


def _role_emotions(
    emotions: list[Finding],
    persons: list[tuple[str, tuple[Span, ...]]],
    episodes: list[tuple[Episode, tuple[Span, ...]]],
) -> frozenset[tuple[str, str]]:
    """(role, emotion) pairs where a sentence-level emotion overlaps a person mention or an episode."""
    pairs: set[tuple[str, str]] = set()
    anchors = persons + [(e.other, spans) for e, spans in episodes if e.other != "self"]
    for emotion in emotions:
        if emotion.data.get("scope", "sentence") != "sentence":
            continue
        for role, spans in anchors:
            if _overlaps(emotion.spans, spans):
                pairs.add((role, emotion.label))
    return frozenset(pairs)


def _ambivalence(findings: list[Finding]) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """Roles with ambivalence and the (role, emotion) pairs it names: the mixed feelings the entry panel shows
    (``observations._mixed``), counted only toward one identified role, never a name, never the catch-all
    ``other`` ("someone else" is anyone: love toward Tom and anger at a waiter are not mixed feelings, r39)."""
    roles: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for finding in findings:
        target = str(finding.data.get("role") or finding.data.get("target") or finding.label)
        if target not in ROLES or target in {"self", CATCH_ALL_ROLE}:
            continue
        roles.add(target)
        for side in ("positive", "negative"):
            pairs.update((target, e) for e in _strings(finding.data.get(side)) if e in EMOTIONS)
    return frozenset(roles), frozenset(pairs)


def _strings(raw: object) -> list[str]:
    return [str(x) for x in raw] if isinstance(raw, list | tuple) else []


def _unexplained_emotion(finding: Finding, emotions: list[Finding]) -> str:
    """The emotion an unexplained feeling is about: its label, its data, or an overlapping emotion finding."""
    for candidate in (finding.label, finding.data.get("emotion")):
        if candidate in EMOTIONS:
            return str(candidate)
    overlapping = sorted(e.label for e in emotions if _overlaps(finding.spans, e.spans))
    return overlapping[0] if overlapping else ""


def _defense_name(finding: Finding) -> str:
    name = finding.data.get("defense")
    return name.strip().lower() if isinstance(name, str) else ""


def _defense_levels(defenses: list[Finding], odf: list[Finding]) -> dict[int, int]:
    """Counts of coded DMRS levels 1-7; from an ODF summary's counts only when no defense was listed."""
    levels: Counter[int] = Counter()
    for finding in defenses:
        level = finding.data.get("level")
        if isinstance(level, int) and 1 <= level <= 7:
            levels[level] += 1
    if levels:
        return dict(levels)
    for finding in odf:
        counts = finding.data.get("counts")
        for key, value in counts.items() if isinstance(counts, Mapping) else ():
            level = int(key) if str(key).isdigit() else 0
            if 1 <= level <= 7 and isinstance(value, int) and value > 0:
                levels[level] += value
    return dict(levels)


def _conflict_corners(
    emotions: frozenset[str], by_kind: Mapping[str, list[Finding]], levels: Mapping[int, int]
) -> frozenset[str]:
    """Malan's conflict triangle: F (hidden feeling), A (anxiety), D (defense, levels 1-6)."""
    corners: set[str] = set()
    if emotions - ANXIETY or by_kind.get("unexplained_feeling") or by_kind.get("ambivalence"):
        corners.add("F")
    if emotions & ANXIETY:
        corners.add("A")
    if any(1 <= level <= 6 for level in levels):
        corners.add("D")
    return frozenset(corners)


def _person_corners(
    roles: frozenset[str], episodes: tuple[Episode, ...], times: list[Finding]
) -> frozenset[str]:
    corners = {c for c in (e.corner for e in episodes) if c}
    if "therapist" in roles:
        corners.add("T")
    if roles & PARENT_ROLES or any(t.label == "past_childhood" for t in times):
        corners.add("P")
    if roles - PARENT_ROLES - {"therapist", "self"}:
        corners.add("C")
    return frozenset(corners)


def _dream_elements(codes: list[Finding]) -> frozenset[tuple[str, str]]:
    """(label, key detail) per coded element; the coder's bookkeeping finding ("coding") is not an element."""
    elements = set()
    for finding in codes:
        label = _code_text(finding.label)
        if label and label != "coding" and finding.data.get("category") != "coding":
            detail = _detail(finding.data)
            elements.add((label, "" if detail and detail in label else detail))
    return frozenset(elements)


def _detail(data: Mapping[str, Any]) -> str:
    for key in _DETAIL_KEYS:
        value = data.get(key)
        if isinstance(value, str | int | bool) and str(value):
            return _code_text(f"{key}={value}" if isinstance(value, bool) else str(value))
    return ""


def _code_text(raw: str) -> str:
    """Codes only: letters, digits, space and - _ = :, cut short (a free-form value never becomes a quote)."""
    kept = "".join(ch for ch in raw if ch.isalnum() or ch in " -_=:")
    return kept[:_DETAIL_MAX].strip()


def _themes(roles: frozenset[str], emotions: frozenset[str], episodes: tuple[Episode, ...]) -> frozenset[str]:
    themes = {f"person:{r}" for r in roles} | {f"emotion:{e}" for e in emotions}
    for episode in episodes:
        themes |= _episode_themes(episode)
    return frozenset(themes)


def _neighbours(
    persons: list[tuple[str, tuple[Span, ...]]],
    emotions: list[Finding],
    episodes: list[tuple[Episode, tuple[Span, ...]]],
) -> frozenset[tuple[str, str]]:
    """Distinct theme pairs that come up next to each other inside the item (by position in the text).

    Each person mention, sentence emotion and episode is one mark; the themes of neighbouring marks pair up
    (the W, RO and RS of one episode are one mark, so they do not pair with each other).
    """
    marks: list[tuple[int, tuple[str, ...]]] = [(_start(s), (f"person:{r}",)) for r, s in persons]
    marks += [(_start(f.spans), (f"emotion:{f.label}",)) for f in emotions if f.data.get("scope") != "entry"]
    marks += [(_start(spans), tuple(sorted(_episode_themes(e)))) for e, spans in episodes]
    marks.sort()
    pairs: set[tuple[str, str]] = set()
    for (_, left), (_, right) in pairwise(marks):
        pairs.update((min(a, b), max(a, b)) for a in left for b in right if a != b)
    return frozenset(pairs)


def _episode_themes(episode: Episode) -> set[str]:
    themes = {f"person:{episode.other}"} if episode.other != "self" else set()
    for component, cluster in (("w", episode.w), ("ro", episode.ro), ("rs", episode.rs)):
        if cluster is not None:
            themes.add(f"{component}:{cluster}")
    return themes


def _start(spans: tuple[Span, ...]) -> int:
    return min((s.start for s in spans), default=0)


def _marks(
    episodes: tuple[Episode, ...], emotions: frozenset[str], defenses: frozenset[str]
) -> tuple[PatternMark, ...]:
    marks: list[PatternMark] = []
    for episode in episodes:
        for template in TEMPLATES:
            if episode.w is None or episode.w not in template.trigger.clusters:
                continue
            fear = step_met(template.fear, episode.ro, episode.ro_valence, emotions, defenses)
            outcome = step_met(template.outcome, episode.rs, episode.rs_valence, emotions, defenses)
            marks.append(PatternMark(template.key, episode.group, fear and outcome))
    return tuple(marks)
