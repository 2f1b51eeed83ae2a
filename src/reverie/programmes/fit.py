"""The fit self-check: the seed's six questions plus a short preference profile.

It answers "which approach may fit you now", never "which therapy is best" and never a diagnosis. The
preference items are Reverie's own wording in the spirit of the Cooper–Norcross Inventory of Preferences
(four scales, −3…+3); the scoring rule is stated in ``docs/measures.md`` and implemented in ``assess``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from reverie.errors import InvalidInput
from reverie.programmes.formats import ProgrammeId


class SeedAnswer(StrEnum):
    YES = "yes"
    NO = "no"
    NOT_SURE = "not_sure"


class StructurePreference(StrEnum):
    STRUCTURED = "structured"
    OPEN_ENDED = "open_ended"
    NO_PREFERENCE = "no_preference"


class Scale(StrEnum):
    """Positive scores mean: more directive, more emotional intensity, more past, more challenge."""

    DIRECTIVENESS = "directiveness"
    EMOTIONAL_INTENSITY = "emotional_intensity"
    PAST_ORIENTATION = "past_orientation"
    CHALLENGE = "challenge"


SEED_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("understand_self", "Am I looking to understand myself better?"),
    ("repeating_patterns", "Am I repeating patterns that don't serve me and finding it hard to change?"),
    ("relationships_hard", "Are healthy relationships difficult or rare for me?"),
    ("feeling_emotions", "Do I have trouble feeling all my emotions?"),
    ("unhelpful_decisions", "Do I make decisions that don't serve me?"),
)
STRUCTURE_QUESTION = "Do I prefer a highly structured or an open-ended approach?"
CREATIVE_QUESTION = "Would I find it easier to express myself through images or music than only in words?"


@dataclass(frozen=True, slots=True)
class PreferenceItem:
    """A bipolar item: −3 agrees fully with ``left``, +3 with ``right``; ``reverse`` flips it for scoring."""

    key: str
    scale: Scale
    left: str
    right: str
    reverse: bool = False


def _item(key: str, scale: Scale, left: str, right: str, reverse: bool = False) -> PreferenceItem:
    return PreferenceItem(key, scale, left, right, reverse)


_D, _E, _P, _C = Scale.DIRECTIVENESS, Scale.EMOTIONAL_INTENSITY, Scale.PAST_ORIENTATION, Scale.CHALLENGE
PREFERENCE_ITEMS: tuple[PreferenceItem, ...] = (
    _item("d1", _D, "I'd like to bring whatever is on my mind and see where it goes",
          "I'd like the therapist to set a plan for each session"),
    _item("d2", _D, "I'd like techniques and exercises to practise between sessions",
          "I'd rather find my own way, without exercises", reverse=True),
    _item("d3", _D, "I'd like the therapist mostly to listen and follow me",
          "I'd like the therapist to tell me clearly what they think I could do"),
    _item("e1", _E, "I'd like sessions to stay calm and steady",
          "I'm ready to go into strong feelings in sessions"),
    _item("e2", _E, "I want to feel my emotions fully in the room, even painful ones",
          "I'd rather talk about feelings than feel them strongly in sessions", reverse=True),
    _item("e3", _E, "I'd like to focus on thoughts and practical steps",
          "I'd like to focus on what I feel, including mixed feelings"),
    _item("p1", _P, "I'd like to focus on what is happening in my life now",
          "I'd like to look at how my past shaped me"),
    _item("p2", _P, "I'd like to explore my childhood and early relationships",
          "I'd rather leave my childhood out of it", reverse=True),
    _item("p3", _P, "I'd like to work on current problems and goals",
          "I'd like to understand where my patterns come from"),
    _item("c1", _C, "I'd like the therapist to be mostly gentle and supportive",
          "I'd like the therapist to challenge me"),
    _item("c2", _C, "I'd like to be confronted when I avoid things",
          "I'd rather not be pushed", reverse=True),
    _item("c3", _C, "I want a space where I feel accepted as I am",
          "I want to be questioned about how I see the world"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class FitAnswers:
    """Answers to the self-check. ``seed`` maps each seed question key to yes / no / not sure;
    ``preferences`` maps each preference item key to an integer −3…+3."""

    seed: Mapping[str, SeedAnswer]
    structure: StructurePreference
    preferences: Mapping[str, int]
    creative_media: bool = False


@dataclass(frozen=True, slots=True)
class FitResult:
    """``approach`` is "psychodynamic", "cbt" or "mixed"; ``lean`` = psychodynamic − cbt points."""

    approach: str
    formats_to_ask_about: list[str]
    reasons: list[str]
    search_prefill: dict[str, Any]
    profile: dict[str, float]
    lean: int


def profile_of(preferences: Mapping[str, int]) -> dict[str, float]:
    """Mean of each scale's three items, reverse-keyed items flipped (−3…+3); validates every answer."""
    keys = {item.key for item in PREFERENCE_ITEMS}
    if set(preferences) != keys:
        raise InvalidInput(f"The preference profile needs exactly the {len(keys)} items, each answered once.")
    totals = dict.fromkeys(Scale, 0)
    for item in PREFERENCE_ITEMS:
        value = preferences[item.key]
        if isinstance(value, bool) or not isinstance(value, int) or not -3 <= value <= 3:
            raise InvalidInput(f"Preference item {item.key}: the answer must be a whole number from -3 to 3.")
        totals[item.scale] += -value if item.reverse else value
    return {scale.value: round(total / 3, 4) for scale, total in totals.items()}


def _check_seed(seed: Mapping[str, SeedAnswer]) -> dict[str, SeedAnswer]:
    keys = [key for key, _ in SEED_QUESTIONS]
    if set(seed) != set(keys):
        raise InvalidInput("The self-check needs an answer to each of its five questions.")
    try:
        return {key: SeedAnswer(seed[key]) for key in keys}
    except ValueError:
        raise InvalidInput("Self-check answers are yes, no or not_sure.") from None


# Points (see docs/measures.md): each scale counts only when its mean is at least 1 away from neutral.
SCALE_POINTS = 2
STRUCTURE_POINTS = 2
DECISION_MARGIN = 3


def _points(
    seed: Mapping[str, SeedAnswer], structure: StructurePreference, profile: Mapping[str, float]
) -> tuple[int, int]:
    psychodynamic = sum(answer is SeedAnswer.YES for answer in seed.values())
    cbt = 0
    if structure is StructurePreference.OPEN_ENDED:
        psychodynamic += STRUCTURE_POINTS
    elif structure is StructurePreference.STRUCTURED:
        cbt += STRUCTURE_POINTS
    for scale, psychodynamic_sign in ((_D, -1), (_E, 1), (_P, 1)):
        signed = profile[scale.value] * psychodynamic_sign
        if signed >= 1:
            psychodynamic += SCALE_POINTS
        elif signed <= -1:
            cbt += SCALE_POINTS
    return psychodynamic, cbt


def _approach(lean: int) -> str:
    if lean >= DECISION_MARGIN:
        return "psychodynamic"
    if lean <= -DECISION_MARGIN:
        return "cbt"
    return "mixed"


def _formats(approach: str, structure: StructurePreference, creative: bool) -> list[str]:
    if approach == "cbt":
        return ["cbt"]
    by_structure = {
        StructurePreference.STRUCTURED: [ProgrammeId.DIT, ProgrammeId.BRIEF],
        StructurePreference.OPEN_ENDED: [ProgrammeId.MEDIUM_TERM, ProgrammeId.LONG_TERM],
        StructurePreference.NO_PREFERENCE: [ProgrammeId.BRIEF, ProgrammeId.MEDIUM_TERM],
    }
    formats = [p.value for p in by_structure[structure]]
    if creative:
        formats += [ProgrammeId.ART.value, ProgrammeId.MUSIC.value]
    return [*formats, "cbt"] if approach == "mixed" else formats


def _prefill(approach: str, formats: list[str]) -> dict[str, Any]:
    modalities = {
        "psychodynamic": ["psychodynamic", "psychoanalytic"],
        "cbt": ["CBT"],
        "mixed": ["psychodynamic", "integrative", "CBT"],
    }[approach]
    if ProgrammeId.DIT.value in formats:
        modalities.append("DIT")
    if ProgrammeId.ART.value in formats:
        modalities += ["art", "music"]
    return {"modalities": modalities}


def assess(answers: FitAnswers) -> FitResult:
    """Score the self-check (rule in docs/measures.md) and say, in plain words, what may fit now."""
    seed = _check_seed(answers.seed)
    try:
        structure = StructurePreference(answers.structure)
    except ValueError:
        raise InvalidInput("The structure answer is structured, open_ended or no_preference.") from None
    profile = profile_of(answers.preferences)
    psychodynamic, cbt = _points(seed, structure, profile)
    approach = _approach(psychodynamic - cbt)
    formats = _formats(approach, structure, bool(answers.creative_media))
    return FitResult(
        approach=approach,
        formats_to_ask_about=formats,
        reasons=reasons_for(seed, structure, profile, approach),
        search_prefill=_prefill(approach, formats),
        profile=profile,
        lean=psychodynamic - cbt,
    )


SEED_REASONS = {
    "understand_self": (
        "You want to understand yourself better; psychodynamic therapy is built around exploring why you "
        "feel and act as you do."
    ),
    "repeating_patterns": (
        "You notice patterns that repeat and are hard to change; tracing where a pattern comes from is "
        "central to psychodynamic work."
    ),
    "relationships_hard": (
        "Healthy relationships feel difficult or rare to you; psychodynamic therapy looks closely at "
        "relationships, including the one with the therapist."
    ),
    "feeling_emotions": (
        "Some emotions are hard for you to feel; psychodynamic therapy makes room for all feelings, "
        "including mixed ones."
    ),
    "unhelpful_decisions": (
        "Some of your decisions don't serve you; understanding what drives them can open up more mindful "
        "choices."
    ),
}
STRUCTURE_REASONS = {
    StructurePreference.STRUCTURED: (
        "You prefer a clear structure; a time-limited format with agreed steps may fit you now."
    ),
    StructurePreference.OPEN_ENDED: (
        "You prefer an open-ended approach; a longer format without a fixed end may fit you now."
    ),
}
SCALE_REASONS = {
    (_D, 1): (
        "You would like the therapist to guide the sessions; structured approaches such as CBT are more "
        "directive."
    ),
    (_D, -1): "You would like to lead the sessions; psychodynamic therapists usually follow what you bring.",
    (
        _E,
        1,
    ): "You are ready to go into strong feelings; psychodynamic therapy works with feelings as they arise.",
    (
        _E,
        -1,
    ): "You would rather keep sessions calm and practical; CBT tends to work more with thoughts and steps.",
    (_P, 1): (
        "You want to look at how your past shaped you; psychodynamic therapy uses the past to understand the "
        "present."
    ),
    (_P, -1): "You want to focus on the present; CBT works mainly on current problems and goals.",
    (_C, 1): "You would welcome being challenged; you can say so when you first meet a therapist.",
    (_C, -1): "You would like a gentle, supportive style; you can ask any therapist for this.",
}
APPROACH_REASONS = {
    "psychodynamic": "Overall, a psychodynamic approach may fit you now.",
    "cbt": "Overall, a structured approach such as CBT may fit you now.",
    "mixed": "Your answers point both ways; a therapist who mixes approaches may fit you now.",
}
CLOSING = (
    "This is not a diagnosis and not a ranking of therapies: it is a starting point for a first conversation "
    "with a therapist."
)


def reasons_for(
    seed: Mapping[str, SeedAnswer],
    structure: StructurePreference,
    profile: Mapping[str, float],
    approach: str,
) -> list[str]:
    """Plain-language reasons, one per answer that counted, then the overall line and a closing note."""
    reasons = [SEED_REASONS[key] for key, _ in SEED_QUESTIONS if seed[key] is SeedAnswer.YES]
    if structure in STRUCTURE_REASONS:
        reasons.append(STRUCTURE_REASONS[structure])
    for scale in Scale:
        value = profile[scale.value]
        if abs(value) >= 1:
            reasons.append(SCALE_REASONS[(scale, 1 if value > 0 else -1)])
    return [*reasons, APPROACH_REASONS[approach], CLOSING]
