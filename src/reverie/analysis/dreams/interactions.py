"""Reverie's social-interaction rules: aggression (1–8), friendliness (1–7) and sexuality (1–5).

An interaction is a verb from the lexicon whose doer and receiver are both participants of the dream (the
dreamer or a character): the subject initiates, the object (or ``at``/``with``/``to`` object, or the
passive subject) receives. Theft and damage (aggression 5) go to the owner of the thing. A verb whose
subject includes the dreamer and another character and that names a mutual act (``we fought``, ``John
and I kissed``) is mutual (``=``). Negated verbs are not coded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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
from reverie.analysis.dreams.codes import DREAMER, Interaction, InteractionKind

LEXICONS: tuple[tuple[InteractionKind, Mapping[str, int]], ...] = (
    ("sexuality", lx.SEXUALITY_VERBS),
    ("aggression", lx.AGGRESSION_VERBS),
    ("friendliness", lx.FRIENDLINESS_VERBS),
)
RECEIVER_PREPS = frozenset({"at", "after", "with", "on", "to", "for", "against", "into", "toward", "towards"})
TRANSFER_LEVEL = 3  # give, lend, buy …: the receiver is the dative or "to"/"for" object, not the gift
MUTUAL_LEMMAS = frozenset(
    "fight argue quarrel bicker wrestle hug embrace kiss cuddle marry wed make_love have_sex make_out "
    "dance shake_hand".split()
)
THEFT_LEVEL = 5


def find_interactions(doc: Any, cast: Cast) -> list[Interaction]:
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
            out.append(interaction)
    return out


def _match(token: Any) -> tuple[InteractionKind, int, str] | None:
    keys = phrasal_keys(token) if token.pos_ == "VERB" else [token.lemma_.lower()]
    for key in keys:
        for kind, lexicon in LEXICONS:
            if key in lexicon and (token.pos_ == "VERB" or kind == "sexuality"):
                return kind, lexicon[key], key
    return None


def _interaction(token: Any, cast: Cast, kind: InteractionKind, level: int, key: str) -> Interaction | None:
    doers, receivers = _participants(token, cast, kind, level)
    if not doers:
        return None
    if len(doers) > 1 and DREAMER in doers and not receivers and key in MUTUAL_LEMMAS:
        return Interaction(kind, level, (DREAMER,), doers[1:], "=", (token_span(token),))
    if not receivers or set(receivers) <= set(doers):
        return None
    if kind == "sexuality" and not _human(receivers, cast):
        return None
    mode = "=" if key in MUTUAL_LEMMAS and _with_object(token) else ">"
    return Interaction(kind, level, doers, receivers, mode, (token_span(token),))


def _participants(token: Any, cast: Cast, kind: InteractionKind, level: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
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


def _with_object(token: Any) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)


def _human(codes: tuple[str, ...], cast: Cast) -> bool:
    return any(code == DREAMER or code[1] in "MFJI" for code in codes)
