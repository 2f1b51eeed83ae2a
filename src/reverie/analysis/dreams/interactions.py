"""Reverie's social-interaction rules: aggression (1–8), friendliness (1–7) and sexuality (1–5).

An interaction is a verb from the lexicon whose doer and receiver are both participants of the dream (the
dreamer or a character): the subject initiates, the object (or ``at``/``with``/``to`` object, or the
passive subject) receives. Theft and damage (aggression 5) go to the owner of the thing. A verb whose
subject includes the dreamer and another character and that names a mutual act (``we fought``, ``John
and I kissed``) is mutual (``=``). Negated verbs are not coded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reverie.analysis.dreams import events as ev
from reverie.analysis.dreams import lexicon as lx
from reverie.analysis.dreams.characters import Cast
from reverie.analysis.dreams.clauses import (
    agent_tokens,
    negated,
    object_tokens,
    owners,
    passive_subject_tokens,
    phrasal_keys,
    prep_objects,
    resolve,
    subject_tokens,
    token_span,
)
from reverie.analysis.dreams.codes import DREAMER, Emotion, Interaction, InteractionKind

LEXICONS: tuple[tuple[InteractionKind, Mapping[str, int]], ...] = (
    ("sexuality", ev.SEXUALITY_VERBS),
    ("aggression", ev.AGGRESSION_VERBS),
    ("friendliness", ev.FRIENDLINESS_VERBS),
)
RECEIVER_PREPS = frozenset({"at", "after", "with", "on", "to", "for", "against", "into", "toward", "towards"})
TRANSFER_LEVEL = 3  # give, lend, buy …: the receiver is the dative or "to"/"for" object, not the gift
MUTUAL_LEMMAS = frozenset(
    [
        "fight",
        "argue",
        "quarrel",
        "bicker",
        "wrestle",
        "hug",
        "embrace",
        "kiss",
        "cuddle",
        "marry",
        "wed",
        "make_love",
        "have_sex",
        "make_out",
        "dance",
        "shake_hand",
    ]
)
THEFT_LEVEL = 5
INVITED_TO = frozenset(["come", "join", "stay", "dance", "go", "have", "visit", "eat", "dine", "sit"])
GUIDING_VERBS = frozenset(["show", "take", "lead", "walk", "drive", "escort", "accompany", "guide"])
GUIDING_PARTICLES = frozenset(["home", "around", "to", "through", "across", "back", "in", "out"])
UNKNOWN = "Q"  # an unseen or unnamed doer ("I was shot"), as in the hand codes
UNKNOWN_DOER_MIN_LEVEL = 3
# Nouns that name an interaction: "got into an argument with", "gave her a hug".
NOUN_INTERACTIONS: Mapping[str, tuple[InteractionKind, int]] = {
    "argument": ("aggression", 2),
    "quarrel": ("aggression", 2),
    "fight": ("aggression", 7),
    "fistfight": ("aggression", 7),
    "attack": ("aggression", 7),
    "hug": ("friendliness", 6),
    "kiss": ("sexuality", 3),
    "help": ("friendliness", 4),
    "gift": ("friendliness", 3),
    "present": ("friendliness", 3),
}


def find_interactions(doc: Any, cast: Cast, emotions: Sequence[Emotion] = ()) -> list[Interaction]:
    out: list[Interaction] = []
    for token in doc:
        if token.pos_ not in {"VERB", "NOUN"} or negated(token):
            continue
        found = _match(token)
        if found is None:
            continue
        kind, level, key = found
        interaction = _interaction(token, cast, kind, level, key)
        if interaction is not None:
            out.append(_family_kiss(interaction, cast))
    out.extend(covert_hostility(doc, cast, emotions, out))
    return out


def _match(token: Any) -> tuple[InteractionKind, int, str] | None:
    guided = _guidance(token)
    if guided is not None:
        return guided
    if token.pos_ == "NOUN":
        found = NOUN_INTERACTIONS.get(token.lemma_.lower())
        return None if found is None else (found[0], found[1], token.lemma_.lower())
    for key in phrasal_keys(token):
        for kind, lexicon in LEXICONS:
            if key in lexicon:
                return kind, lexicon[key], key
    return None


def _acted_on(token: Any, emotion: Emotion, overt: Sequence[Interaction]) -> bool:
    start, end = token.sent.start_char, token.sent.end_char
    return any(
        i.kind == "aggression"
        and set(i.initiators) & set(emotion.characters)
        and start <= i.spans[0].start < end
        for i in overt
    )


def _guidance(token: Any) -> tuple[InteractionKind, int, str] | None:
    """``asked me to come in`` is an invitation (5); ``showed me the way``, ``took her home`` are help (4)."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB":
        return None
    has_person_object = any(
        c.dep_ in {"dobj", "dative"} and c.pos_ in {"PRON", "NOUN", "PROPN"} for c in token.children
    )
    if not has_person_object:
        return None
    if lemma == "ask" and any(
        c.dep_ in {"xcomp", "ccomp"} and c.lemma_ in INVITED_TO for c in token.children
    ):
        return "friendliness", 5, "invite"
    if lemma in GUIDING_VERBS and any(
        c.dep_ in {"prep", "advmod", "prt"} and c.lower_ in GUIDING_PARTICLES for c in token.children
    ):
        return "friendliness", 4, lemma
    return None


def _family_kiss(interaction: Interaction, cast: Cast) -> Interaction:
    """A kiss or caress between family members is friendly (6), not sexual."""
    if interaction.kind != "sexuality" or interaction.level != 3:
        return interaction
    others = [c for c in (*interaction.initiators, *interaction.recipients) if c != DREAMER]
    if others and all(len(c) == 4 and c[2] in lx.FAMILY_ROLE_IDENTITIES | {"R"} for c in others):
        return Interaction(
            "friendliness",
            6,
            interaction.initiators,
            interaction.recipients,
            interaction.mode,
            interaction.spans,
        )
    return interaction


def covert_hostility(
    doc: Any, cast: Cast, emotions: Sequence[Emotion], overt: Sequence[Interaction] = ()
) -> list[Interaction]:
    """Anger felt and not acted on is covert hostility, aggression level 1: toward the one it is felt at
    (``angry at him``), else self-contained (``*``). Anger acted on in the same sentence is not coded twice."""
    out: list[Interaction] = []
    for emotion in emotions:
        if emotion.code != "AN":
            continue
        span = emotion.spans[0]
        token = next((t for t in doc if t.idx == span.start), None)
        if token is not None and _acted_on(token, emotion, overt):
            continue
        targets = (
            () if token is None else resolve(prep_objects(token, frozenset({"at", "with", "toward"})), cast)
        )
        targets = tuple(t for t in targets if t not in emotion.characters)
        mode = ">" if targets else "*"
        out.append(Interaction("aggression", 1, emotion.characters, targets, mode, emotion.spans))
    return out


def _interaction(token: Any, cast: Cast, kind: InteractionKind, level: int, key: str) -> Interaction | None:
    doers, receivers = _participants(token, cast, kind, level)
    if not doers and receivers and _passive(token):
        if kind == "aggression" and level >= UNKNOWN_DOER_MIN_LEVEL:
            doers = (UNKNOWN,)
        elif kind == "friendliness":
            doers = tuple(c for c in _last_other(token, cast) if c not in receivers)  # "I was welcomed"
    if not doers:
        return None
    if DREAMER in doers and not receivers and key in MUTUAL_LEMMAS:
        partners = doers[1:] or _last_other(token, cast)
        if partners:
            return Interaction(kind, level, (DREAMER,), partners, "=", (token_span(token),))
    if not receivers or set(receivers) <= set(doers):
        return None
    if kind == "sexuality" and not _human(receivers, cast):
        return None
    mode = "=" if key in MUTUAL_LEMMAS and _with_object(token) else ">"
    return Interaction(kind, level, doers, receivers, mode, (token_span(token),))


def _passive(token: Any) -> bool:
    return token.tag_ == "VBN" and any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children)


def _last_other(token: Any, cast: Cast) -> tuple[str, ...]:
    """The character mentioned last before ``token`` (the partner in "we hugged")."""
    for earlier in reversed(token.doc[max(0, token.i - 40) : token.i]):
        code = cast.code_at(earlier.i)
        if code is not None and code != DREAMER:
            return (code,)
    return ()


def _participants(
    token: Any, cast: Cast, kind: InteractionKind, level: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if token.pos_ == "NOUN":
        return _noun_participants(token, cast)
    passive = passive_subject_tokens(token)
    if passive:
        return resolve(agent_tokens(token), cast), resolve(passive, cast)
    doers = resolve(subject_tokens(token), cast)
    if kind == "friendliness" and level == TRANSFER_LEVEL:
        receivers = resolve([c for c in token.children if c.dep_ in {"dative", "iobj"}], cast)
        return doers, receivers or resolve(prep_objects(token, frozenset({"to", "for"})), cast)
    objects = object_tokens(token, RECEIVER_PREPS)
    receivers = resolve(objects, cast)
    if not receivers and kind == "aggression" and level == THEFT_LEVEL:
        receivers = owners(objects, cast)
    return doers, receivers


def _noun_participants(token: Any, cast: Cast) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``X got into an argument with Y``, ``X gave Y a hug``: the doer is the subject of the governing verb."""
    verb = token.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    doers = resolve(subject_tokens(verb), cast)
    receivers = resolve(
        prep_objects(token, RECEIVER_PREPS) + prep_objects(verb, frozenset({"with", "on", "to"})), cast
    )
    if not receivers:
        receivers = resolve([c for c in verb.children if c.dep_ in {"dative", "iobj"}], cast)
    return doers, tuple(r for r in receivers if r not in doers)


def _with_object(token: Any) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)


def _human(codes: tuple[str, ...], cast: Cast) -> bool:
    return any(code == DREAMER or code[1:2] in {"M", "F", "J", "I"} for code in codes)
