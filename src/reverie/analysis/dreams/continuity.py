"""Continuity between dreams and waking life: the people, emotions and relationship themes a dream shares
with journal entries and sessions written near it (by default within ±7 days).

Pure: plain dataclasses in and out. The caller gathers ``WakingFinding`` rows from stored findings of
entries and sessions (people roles, emotions, relationship themes) and passes the dated dream codings.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from reverie.analysis.dreams.codes import EMOTION_NAMES, Character, DreamCoding

LinkKind = Literal["person", "emotion", "theme"]
DEFAULT_WINDOW_DAYS = 7

# Identity letters of family characters → the role words a journal uses.
ROLE_BY_IDENTITY: Mapping[str, str] = {
    "F": "father",
    "M": "mother",
    "X": "parents",
    "B": "brother",
    "T": "sister",
    "H": "partner",
    "W": "partner",
    "A": "son",
    "D": "daughter",
    "C": "child",
    "I": "baby",
    "Y": "family",
    "R": "relative",
}
ROLE_SYNONYMS: Mapping[str, str] = {
    "mom": "mother",
    "mum": "mother",
    "mommy": "mother",
    "mummy": "mother",
    "dad": "father",
    "daddy": "father",
    "husband": "partner",
    "wife": "partner",
    "boyfriend": "partner",
    "girlfriend": "partner",
    "spouse": "partner",
    "fiance": "partner",
    "fiancee": "partner",
    "grandma": "grandmother",
    "grandpa": "grandfather",
    "granny": "grandmother",
    "manager": "boss",
    "supervisor": "boss",
    "therapist": "therapist",
    "analyst": "therapist",
    "counselor": "therapist",
    "counsellor": "therapist",
}
# Waking emotion labels (GoEmotions-style and plain words) → HVdC emotion class.
EMOTION_CLASS: Mapping[str, str] = {
    **dict.fromkeys(
        ["anger", "annoyance", "disapproval", "disgust", "irritation", "rage", "resentment"], "AN"
    ),
    **dict.fromkeys(["fear", "nervousness", "anxiety", "worry", "apprehension", "panic", "dread"], "AP"),
    **dict.fromkeys(["sadness", "grief", "disappointment", "remorse", "loneliness", "guilt", "shame"], "SD"),
    **dict.fromkeys(["confusion", "surprise", "realization", "curiosity", "bewilderment"], "CO"),
    **dict.fromkeys(
        [
            "joy",
            "happiness",
            "amusement",
            "excitement",
            "gratitude",
            "love",
            "optimism",
            "pride",
            "relief",
            "admiration",
            "approval",
            "caring",
            "desire",
        ],
        "HA",
    ),
    **{code.lower(): code for code in EMOTION_NAMES},
    **{name: code for code, name in EMOTION_NAMES.items()},
}
# Dream tallies → relationship-theme words a waking finding may carry.
THEME_WORDS: Mapping[str, frozenset[str]] = {
    "aggression": frozenset({"aggression", "conflict", "anger", "fight", "argument", "hostility", "attack"}),
    "friendliness": frozenset(
        {"friendliness", "closeness", "support", "help", "care", "affection", "kindness"}
    ),
    "sexuality": frozenset({"sexuality", "sex", "intimacy", "desire"}),
    "misfortune": frozenset({"misfortune", "loss", "illness", "injury", "accident", "danger"}),
    "good_fortune": frozenset({"good_fortune", "luck", "windfall"}),
    "success": frozenset({"success", "achievement", "accomplishment"}),
    "failure": frozenset({"failure", "setback", "rejection"}),
}


@dataclass(frozen=True, slots=True)
class WakingFinding:
    """Something found in a journal entry or session: ``kind`` person (``label`` a role or a name),
    emotion (``label`` an emotion word) or theme (``label`` a relationship theme)."""

    entry_id: str
    dated: date
    kind: LinkKind
    label: str


@dataclass(frozen=True, slots=True)
class ContinuityLink:
    dream_id: str
    entry_id: str
    kind: LinkKind
    label: str  # the shared element, normalised (``mother``, ``apprehension``, ``aggression``)
    days_apart: int  # entry date minus dream date: negative = the entry came before the dream


@dataclass(frozen=True, slots=True)
class Continuity:
    links: tuple[ContinuityLink, ...]
    by_dream: Mapping[str, tuple[ContinuityLink, ...]]
    by_entry: Mapping[str, tuple[ContinuityLink, ...]]


def find_continuity(
    dreams: Sequence[DreamCoding],
    waking: Sequence[WakingFinding],
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> Continuity:
    """Shared people, emotions and themes between each dated dream and the waking findings dated within
    ``window_days`` of it. Dreams without a date or an id are skipped."""
    links: list[ContinuityLink] = []
    for dream in dreams:
        if dream.dreamed_on is None or not dream.dream_id:
            continue
        elements = dream_elements(dream)
        for finding in waking:
            days = (finding.dated - dream.dreamed_on).days
            if abs(days) > window_days:
                continue
            label = normalise(finding.kind, finding.label)
            if label and label in elements[finding.kind]:
                shown = EMOTION_NAMES.get(label, label) if finding.kind == "emotion" else label
                links.append(ContinuityLink(dream.dream_id, finding.entry_id, finding.kind, shown, days))
    unique = tuple(
        sorted(set(links), key=lambda k: (k.dream_id, abs(k.days_apart), k.entry_id, k.kind, k.label))
    )
    return Continuity(unique, _index(unique, "dream_id"), _index(unique, "entry_id"))


def dream_elements(dream: DreamCoding) -> dict[str, set[str]]:
    """The normalised people, emotions and themes of one dream."""
    people = {p for c in dream.characters for p in character_names(c)}
    emotions = {e.code for e in dream.emotions}
    themes: set[str] = {i.kind for i in dream.interactions}
    themes |= {f.kind for f in dream.fortunes} | {o.kind for o in dream.outcomes}
    return {"person": people, "emotion": emotions, "theme": themes}


def character_names(c: Character) -> set[str]:
    names: set[str] = set()
    if c.is_human and c.identity in ROLE_BY_IDENTITY:
        names.add(ROLE_BY_IDENTITY[c.identity])
    if c.label:
        names.add(normalise("person", c.label))
    return {n for n in names if n}


_LEADING = re.compile(r"^(?:my|our|the|a|an|his|her|their|your)\s+", re.IGNORECASE)


def normalise(kind: str, label: str) -> str:
    text = _LEADING.sub("", label.strip().lower()).strip()
    if kind == "person":
        return ROLE_SYNONYMS.get(text, text)
    if kind == "emotion":
        return EMOTION_CLASS.get(text, "")
    for theme, words in THEME_WORDS.items():
        if text in words or text.replace(" ", "_") == theme:
            return theme
    return ""


def _index(links: Iterable[ContinuityLink], attr: str) -> dict[str, tuple[ContinuityLink, ...]]:
    grouped: dict[str, list[ContinuityLink]] = defaultdict(list)
    for link in links:
        grouped[getattr(link, attr)].append(link)
    return {k: tuple(v) for k, v in grouped.items()}
