"""Reverie's setting rules, and the body-part objects behind Torso/anatomy %.

A setting is a place noun after a locative preposition (``in the kitchen``, ``at the beach``), ``home``, or
``outside``. Consecutive place words of the same kind (indoor or outdoor) belong to one setting unless the
sentence moves the dreamer on (``then``, ``went``, ``found myself`` …). Familiarity: a possessive or "home"
or "familiar" makes it familiar (F); a named real place makes it geographical (G); "strange",
"unfamiliar", "never seen" makes it unfamiliar (U); "different", "changed" makes a distorted familiar
place (D); otherwise questionable (Q). Vehicles are not settings. A report without a place gets "NS".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reverie.analysis.dreams import lexicon as lx
from reverie.analysis.dreams.clauses import token_span
from reverie.analysis.dreams.codes import DreamObject, Setting
from reverie.analysis.findings import Span

LOCATIVE_PREPS = frozenset(
    [
        "in",
        "at",
        "on",
        "inside",
        "into",
        "outside",
        "near",
        "by",
        "through",
        "across",
        "along",
        "around",
        "within",
        "onto",
        "upon",
        "toward",
        "towards",
        "behind",
        "beside",
        "under",
        "over",
    ]
)
MOVE_WORDS = frozenset(
    [
        "then",
        "next",
        "later",
        "suddenly",
        "go",
        "went",
        "walk",
        "enter",
        "arrive",
        "drive",
        "ride",
        "find",
        "leave",
        "move",
    ]
)
FAMILIARITY_RANK = {"Q": 0, "G": 1, "U": 2, "D": 3, "F": 4}
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
MAX_SETTINGS = 4


@dataclass
class _Scene:
    location: str
    familiarity: str
    spans: list[Span] = field(default_factory=list)


def find_settings(doc: Any) -> list[Setting]:
    scenes: list[_Scene] = []
    for sentence in doc.sents:
        moved = any(t.lemma_.lower() in MOVE_WORDS for t in sentence)
        for token in sentence:
            place = _place(token)
            if place is None:
                continue
            _add(scenes, place, _familiarity(token), token_span(token), moved)
            moved = False
    if not scenes:
        return [Setting(location="N")]
    return [Setting(s.location, s.familiarity, tuple(s.spans)) for s in scenes[:MAX_SETTINGS]]


def _add(scenes: list[_Scene], location: str, familiarity: str, span: Span, moved: bool) -> None:
    if scenes and scenes[-1].location == location and not moved:
        last = scenes[-1]
        if FAMILIARITY_RANK[familiarity] > FAMILIARITY_RANK[last.familiarity]:
            last.familiarity = familiarity
        last.spans.append(span)
        return
    scenes.append(_Scene(location, familiarity, [span]))


def _place(token: Any) -> str | None:
    lemma = token.lemma_.lower()
    if token.lower_ in {"outside", "outdoors"} and token.pos_ == "ADV":
        return "O"
    if lemma == "home" and token.pos_ in {"ADV", "NOUN"} and token.head.lemma_ in {"be", "at", "stay"}:
        return "I"
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ != "pobj":
        return None
    if token.head.lower_ not in LOCATIVE_PREPS:
        return None
    if token.ent_type_ in PLACE_ENTITIES and lemma not in lx.PLACES:
        return "O"
    if lemma in lx.VEHICLES:
        return None
    return lx.PLACES.get(lemma)


def _familiarity(token: Any) -> str:
    words = {t.lower_ for t in token.subtree} | {c.lower_ for c in token.children}
    if token.ent_type_ in PLACE_ENTITIES or any(t.ent_type_ in PLACE_ENTITIES for t in token.subtree):
        return "G"
    if words & lx.DISTORTED_SETTING_WORDS:
        return "D"
    if words & lx.UNFAMILIAR_SETTING_WORDS:
        return "U"
    if words & (lx.FAMILIAR_MARKERS | {"familiar", "home", "old"}) or any(
        c.dep_ == "poss" for c in token.children
    ):
        return "F"
    if token.lemma_.lower() == "home":
        return "F"
    return "Q"


def find_body_parts(doc: Any) -> list[DreamObject]:
    """Body parts named in the report, each once per dream (the objects Torso/anatomy % needs)."""
    seen: dict[str, DreamObject] = {}
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and lemma in lx.BODY_PARTS and lemma not in seen:
            seen[lemma] = DreamObject(lx.BODY_PARTS[lemma], (token_span(token),))
    return list(seen.values())
