"""Hall–Van de Castle (HVdC) codes as typed data.

A dream's coding is a set of tallies, each with the character spans that justify it: characters (``1MKA``),
social interactions (aggression 1–8, friendliness 1–7, sexuality 1–5, each with initiator and recipient),
emotions (AN, AP, SD, CO, HA) with who feels them, misfortunes and good fortunes, successes and failures,
settings and (optionally) objects. The dreamer is ``D`` and is never a character.

Character codes are four letters: number, sex, identity, age.

* number: 1 individual, 2 group, 3 dead individual, 4 dead group, 5 imaginary individual, 6 imaginary group,
  7 original form and 8 changed form of a metamorphosis;
* sex: M male, F female, J joint (a mixed group), I indefinite;
* identity: family (F father, M mother, X parents, B brother, T sister, H husband, W wife, A son,
  D daughter, C child, I infant, Y family group), R relative, K known, P prominent, O occupational,
  E ethnic or foreign, S stranger, U uncertain;
* age: A adult, T teenager, C child, B baby.

Animals are ``ANI`` (``1ANI``, ``2ANI``) and creatures ``CZZ`` after the number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from reverie.analysis.findings import Span

DREAMER = "D"
EMOTIONS: tuple[str, ...] = ("AN", "AP", "SD", "CO", "HA")
EMOTION_NAMES: Mapping[str, str] = {
    "AN": "anger",
    "AP": "apprehension",
    "SD": "sadness",
    "CO": "confusion",
    "HA": "happiness",
}
# h89 (r78): each HVdC emotion class in a person's words, the one table the entry page ("In the dream you feel …")
# and the dream series page read. A class names more feelings than its HVdC name says: AP holds fear and worry, and
# shame, guilt and embarrassment too; CO holds confusion and surprise.
EMOTION_CLIENT_WORDS: Mapping[str, str] = {
    "AN": "anger",
    "AP": "fear, worry or shame",
    "SD": "sadness",
    "CO": "confusion or surprise",
    "HA": "happiness",
}
NEGATIVE_EMOTIONS = frozenset({"AN", "AP", "SD", "CO"})
# A setting's code in words (``Setting.code``: location letter, then familiarity letter; "NS" no setting): the one
# table the therapist's details, the patterns page and the dream series read.
SETTING_PLACES: Mapping[str, str] = {
    "I": "indoors",
    "O": "outdoors",
    "A": "indoors or out (unclear)",
    "N": "no setting",
}
SETTING_FAMILIARITY: Mapping[str, str] = {
    "F": "familiar",
    "D": "distorted",
    "G": "geographical",
    "Q": "questionable",
    "U": "unfamiliar",
}


def setting_words(code: str) -> str:
    """A setting code in words: "IQ" -> "indoors, questionable", "NS" -> "no setting"."""
    if code == "NS":
        return SETTING_PLACES["N"]
    place = SETTING_PLACES.get(code[:1], code[:1])
    familiarity = SETTING_FAMILIARITY.get(code[1:2], code[1:2])
    return f"{place}, {familiarity}" if familiarity else place


FAMILY_IDENTITIES = frozenset("FMXBTHWADCIY")
RELATIVE = "R"
KNOWN = "K"
PROMINENT = "P"
FAMILIAR_IDENTITIES = FAMILY_IDENTITIES | {RELATIVE, KNOWN, PROMINENT}
UNFAMILIAR_IDENTITIES = frozenset("OESU")
HUMAN_SEXES = frozenset("MFJI")
ANIMAL = "ANI"
CREATURE = "CZZ"
DEAD_NUMBERS = frozenset("34")
IMAGINARY_NUMBERS = frozenset("56")
GROUP_NUMBERS = frozenset("246")

PHYSICAL_AGGRESSION_MIN_LEVEL = 5  # 5 theft or destruction, 6 chase or confine, 7 attack, 8 murder
BODILY_MISFORTUNE_MIN_LEVEL = 5  # 5 injury or illness, 6 death
BODY_PART_CODES = frozenset({"BH", "BE", "BT", "BA", "BS"})  # head, extremities, torso, anatomy, sex organs
TORSO_ANATOMY_CODES = frozenset({"BT", "BA", "BS"})

InteractionKind = Literal["aggression", "friendliness", "sexuality"]
INTERACTION_KINDS: tuple[InteractionKind, ...] = ("aggression", "friendliness", "sexuality")
MAX_LEVEL: Mapping[str, int] = {"aggression": 8, "friendliness": 7, "sexuality": 5}
FortuneKind = Literal["misfortune", "good_fortune"]
OutcomeKind = Literal["success", "failure"]
DreamerRole = Literal["initiator", "recipient", "mutual", "self", "witness"]

_CHARACTER_CODE = re.compile(r"^[1-8](?:ANI|CZZ|CCZ|[MFJI][FMXBTHWADCIYRKPOESU][ATCB])$")


@dataclass(frozen=True, slots=True)
class Character:
    """One character (or group, counted once) with the words that name it."""

    code: str
    spans: tuple[Span, ...] = ()
    label: str = ""

    def _letter(self, index: int) -> str:
        """The code's letter at ``index``, upper-cased, or "" when a (short, hand-written) code has none."""
        return self.code[index : index + 1].upper()

    @property
    def number(self) -> str:
        return self._letter(0)

    @property
    def sex(self) -> str:
        return self._letter(1) if self.is_human else ""

    @property
    def identity(self) -> str:
        return self._letter(2) if self.is_human else ""

    @property
    def age(self) -> str:
        return self._letter(3) if self.is_human else ""

    @property
    def is_animal(self) -> bool:
        return self.code[1:].upper() == ANIMAL

    @property
    def is_creature(self) -> bool:
        return self.code[1:].upper() in {CREATURE, "CCZ"}

    @property
    def is_human(self) -> bool:
        letter = self._letter(1)
        return bool(letter) and letter in HUMAN_SEXES and not (self.is_animal or self.is_creature)

    @property
    def is_dead_or_imaginary(self) -> bool:
        return self.number in DEAD_NUMBERS | IMAGINARY_NUMBERS

    @property
    def is_familiar(self) -> bool:
        return self.is_human and self.identity in FAMILIAR_IDENTITIES

    @property
    def is_unfamiliar(self) -> bool:
        return self.is_human and self.identity in UNFAMILIAR_IDENTITIES

    @property
    def is_family(self) -> bool:
        return self.is_human and self.identity in FAMILY_IDENTITIES


@dataclass(frozen=True, slots=True)
class Interaction:
    """An aggressive, friendly or sexual interaction: ``level`` on the HVdC scale, ``mode`` one of
    ``>`` (one-way), ``=`` (mutual), ``*`` (self-directed, no recipient), ``R`` (a response to an earlier one)."""

    kind: InteractionKind
    level: int
    initiators: tuple[str, ...]
    recipients: tuple[str, ...] = ()
    mode: str = ">"
    spans: tuple[Span, ...] = ()

    @property
    def dreamer_role(self) -> DreamerRole:
        by_dreamer = DREAMER in self.initiators
        to_dreamer = DREAMER in self.recipients
        if self.mode == "=" and (by_dreamer or to_dreamer):
            return "mutual"
        if by_dreamer and not self.recipients:
            return "self"
        if by_dreamer:
            return "initiator"
        if to_dreamer:
            return "recipient"
        return "witness"

    @property
    def dreamer_involved(self) -> bool:
        return self.dreamer_role != "witness"

    @property
    def code(self) -> str:
        return f"{self.level}{self.mode}"


@dataclass(frozen=True, slots=True)
class Emotion:
    code: str
    characters: tuple[str, ...]
    spans: tuple[Span, ...] = ()

    @property
    def dreamer_feels(self) -> bool:
        return DREAMER in self.characters


@dataclass(frozen=True, slots=True)
class Fortune:
    """A misfortune (``level`` 1–6: 1 threat or danger, 2 obstacle or delay, 3 accident or mishap, 4 loss or
    damage of possessions, 5 injury or illness, 6 death) or a good fortune (no level)."""

    kind: FortuneKind
    characters: tuple[str, ...]
    level: int | None = None
    spans: tuple[Span, ...] = ()

    @property
    def dreamer_involved(self) -> bool:
        return DREAMER in self.characters


@dataclass(frozen=True, slots=True)
class Outcome:
    kind: OutcomeKind
    characters: tuple[str, ...]
    spans: tuple[Span, ...] = ()

    @property
    def dreamer_involved(self) -> bool:
        return DREAMER in self.characters


@dataclass(frozen=True, slots=True)
class Setting:
    """``location`` I indoor, O outdoor, A ambiguous, N no setting; ``familiarity`` F familiar, D distorted,
    G geographical (a named real place), Q questionable, U unfamiliar, or empty for no setting."""

    location: str
    familiarity: str = ""
    spans: tuple[Span, ...] = ()

    @property
    def code(self) -> str:
        return "NS" if self.location == "N" else f"{self.location}{self.familiarity}"


@dataclass(frozen=True, slots=True)
class DreamObject:
    code: str
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class DreamCoding:
    """Everything coded in one dream. ``objects`` is None when objects were not coded at all."""

    characters: tuple[Character, ...] = ()
    interactions: tuple[Interaction, ...] = ()
    emotions: tuple[Emotion, ...] = ()
    fortunes: tuple[Fortune, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    settings: tuple[Setting, ...] = ()
    objects: tuple[DreamObject, ...] | None = None
    notes: tuple[str, ...] = ()
    dream_id: str = ""
    dreamed_on: date | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def of_kind(self, kind: InteractionKind) -> list[Interaction]:
        return [i for i in self.interactions if i.kind == kind]

    def dreamer_emotions(self) -> frozenset[str]:
        return frozenset(e.code for e in self.emotions if e.dreamer_feels)

    def misfortunes(self) -> list[Fortune]:
        return [f for f in self.fortunes if f.kind == "misfortune"]


def is_character_code(code: str) -> bool:
    return bool(_CHARACTER_CODE.match(code))


def parse_participants(raw: Any) -> tuple[str, ...]:
    """``"D + 1FKA"`` → ``("D", "1FKA")``; empty, missing or not text → ``()``."""
    if not raw or not isinstance(raw, str):
        return ()
    return tuple(p.strip().upper() for p in raw.split("+") if p.strip())


_INTERACTION_TYPES: Mapping[str, InteractionKind] = {
    "agg": "aggression",
    "fri": "friendliness",
    "sex": "sexuality",
}
_FORTUNE_TYPES: Mapping[str, FortuneKind] = {"mf": "misfortune", "gf": "good_fortune"}
_OUTCOME_TYPES: Mapping[str, OutcomeKind] = {"succ": "success", "fail": "failure"}


def coding_from_records(records: Iterable[Mapping[str, Any]], *, dream_id: str = "") -> DreamCoding:
    """Build a coding from hand-coded records ``{"type", "code", "init", "rec", "char"}`` (the
    ``coded_dreams.jsonl`` shape). Unknown record types are ignored; objects count as coded."""
    parts: dict[str, list[Any]] = {k: [] for k in ("char", "int", "emot", "fort", "out", "set", "obj")}
    for rec in records:
        _add_record(parts, rec)
    return DreamCoding(
        characters=tuple(parts["char"]),
        interactions=tuple(parts["int"]),
        emotions=tuple(parts["emot"]),
        fortunes=tuple(parts["fort"]),
        outcomes=tuple(parts["out"]),
        settings=tuple(parts["set"]),
        objects=tuple(parts["obj"]),
        dream_id=dream_id,
    )


def _add_record(parts: dict[str, list[Any]], rec: Any) -> None:
    if not isinstance(rec, Mapping):
        return  # a hand code that is not a record at all: nothing to read
    kind = str(rec.get("type", "") or "").strip().lower()
    code = str(rec.get("code", "") or "").strip().upper()
    if kind == "char" and code:
        parts["char"].append(Character(code=code))
    elif kind in _INTERACTION_TYPES:
        parts["int"].append(_interaction_from_record(_INTERACTION_TYPES[kind], code, rec))
    elif kind == "emot" and code:
        parts["emot"].append(Emotion(code=code, characters=parse_participants(rec.get("char"))))
    elif kind in _FORTUNE_TYPES:
        level = _leading_int(code)
        who = parse_participants(rec.get("char"))
        parts["fort"].append(Fortune(kind=_FORTUNE_TYPES[kind], characters=who, level=level))
    elif kind in _OUTCOME_TYPES:
        parts["out"].append(
            Outcome(kind=_OUTCOME_TYPES[kind], characters=parse_participants(rec.get("char")))
        )
    elif kind == "set" and code:
        parts["set"].append(setting_from_code(code))
    elif kind == "obj" and code:
        parts["obj"].append(DreamObject(code=code))


def _interaction_from_record(kind: InteractionKind, code: str, rec: Mapping[str, Any]) -> Interaction:
    match = _LEADING_DIGITS.match(code)
    digits = match.group(0) if match else ""
    mode = (code[len(digits) :].strip() or ">").upper()[:1]
    level = int(digits) if digits else 1
    return Interaction(
        kind=kind,
        level=min(max(level, 1), MAX_LEVEL[kind]),
        initiators=parse_participants(rec.get("init")),
        recipients=parse_participants(rec.get("rec")),
        mode=mode if mode in {">", "=", "*", "R"} else ">",
    )


_LEADING_DIGITS = re.compile(r"[0-9]+")


def _leading_int(code: str) -> int | None:
    match = _LEADING_DIGITS.match(code)
    return int(match.group(0)) if match else None


def setting_from_code(code: str) -> Setting:
    code = code.strip().upper()
    if code == "NS" or not code:
        return Setting(location="N")
    return Setting(location=code[0], familiarity=code[1:2])
