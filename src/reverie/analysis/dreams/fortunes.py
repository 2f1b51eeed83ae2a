"""Reverie's rules for misfortune, good fortune, success and failure.

* Misfortune: a bad thing that happens to a participant without another character causing it (a verb with
  an agent is an aggression instead): death (6), injury or illness (5, or a hurt body part), loss or damage
  of a possession (4), an accident or fall (3), an obstacle or delay (2), a danger (1). The victim is the
  subject of the clause or the owner of the damaged thing. One misfortune per sentence and victim.
* Good fortune: luck or a windfall that nobody in the dream brings about (``luckily``, ``won the lottery``).
* Success and failure need effort: ``managed to``, ``succeeded``, ``won``, ``solved`` …; ``failed``,
  ``gave up``, ``tried … but could not``, ``lost the game``. The striver is the subject.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reverie.analysis.dreams import events as ev
from reverie.analysis.dreams import lexicon as lx
from reverie.analysis.dreams.characters import Cast
from reverie.analysis.dreams.clauses import agent_tokens, negated, owners, resolve, subject_tokens, token_span
from reverie.analysis.dreams.codes import DREAMER, Fortune, Outcome, OutcomeKind

CONTESTS = frozenset(
    [
        "game",
        "race",
        "match",
        "contest",
        "election",
        "fight",
        "battle",
        "bet",
        "war",
        "competition",
        "tournament",
    ]
)
BOOKED = frozenset(
    [
        "train",
        "bus",
        "plane",
        "boat",
        "class",
        "appointment",
        "flight",
        "ship",
        "ride",
        "date",
        "exam",
        "test",
    ]
)
CAN_NOT = frozenset({"could", "can", "ca", "able", "unable"})
HYPOTHETICAL_AUX = frozenset({"would", "might", "may", "should", "'d"})
FEARING_WORDS = frozenset(
    [
        "afraid",
        "fear",
        "worry",
        "worried",
        "scared",
        "think",
        "thought",
        "imagine",
        "wonder",
        "expect",
        "hope",
    ]
)
LUCKY_FINDS = frozenset(["money", "treasure", "fortune", "gold", "jewel", "jewelry", "diamond", "prize"])


def find_fortunes(doc: Any, cast: Cast) -> list[Fortune]:
    """Misfortunes and good fortunes; within one sentence a victim gets one misfortune, the worst one."""
    out: list[Fortune] = []
    where: dict[tuple[str, int, tuple[str, ...]], int] = {}
    for token in doc:
        found = _misfortune(token, cast) or _good_fortune(token, cast)
        if found is None:
            continue
        key = (found.kind, token.sent.start, found.characters)
        if key not in where:
            where[key] = len(out)
            out.append(found)
        elif (found.level or 0) > (out[where[key]].level or 0):
            out[where[key]] = found
    return out


def _misfortune(token: Any, cast: Cast) -> Fortune | None:
    lemma = token.lemma_.lower()
    level = ev.MISFORTUNE_WORDS.get(lemma)
    if level is None or token.pos_ not in {"VERB", "ADJ", "NOUN"} or negated(token):
        return None
    if ev.MISFORTUNE_POS.get(lemma, token.pos_) != token.pos_:
        return None
    if agent_tokens(token) and resolve(agent_tokens(token), cast):
        return None  # caused by a character: an aggression
    if lemma in {"lose", "miss"}:
        level = _lose_or_miss(token)
        if level is None:
            return None
    if lemma == "fall" and any(c.lower_ in {"asleep", "love"} for c in token.subtree):
        return None
    if (
        lemma == "break"
        and not any(c.dep_ in {"dobj", "prt"} for c in token.children)
        and token.dep_ != "ROOT"
    ):
        return None
    if lemma == "break" and any(c.lower_ in {"in", "into"} for c in token.children):
        return None  # breaking in is a burglary, an aggression
    if _hypothetical(token):
        return None
    objects = [c for c in token.children if c.dep_ in {"dobj", "obj"}]
    if level >= 3 and any(o.lemma_.lower() in lx.BODY_PARTS for o in objects):
        level = 5
    victims = _victims(token, cast, objects)
    if not victims:
        return None
    return Fortune("misfortune", victims, level, (token_span(token),))


def _hypothetical(token: Any) -> bool:
    """``I was afraid that I would drown``: a feared or imagined event has not happened."""
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in token.children):
        return True
    return token.dep_ in {"ccomp", "xcomp", "acl"} and token.head.lemma_.lower() in FEARING_WORDS


def _lose_or_miss(token: Any) -> int | None:
    objects = {c.lemma_.lower() for c in token.children if c.dep_ in {"dobj", "obj"}}
    if objects & CONTESTS:
        return None  # a lost contest is a failure
    if token.lemma_.lower() == "miss":
        return 2 if objects & BOOKED else None
    return 4 if objects else 2


def _victims(token: Any, cast: Cast, objects: list[Any]) -> tuple[str, ...]:
    passive = [c for c in token.children if c.dep_ == "nsubjpass"]
    who = resolve(passive, cast) if passive else resolve(subject_tokens(token), cast)
    if not who:
        who = owners(objects + [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}], cast)
    if not who and token.pos_ == "NOUN":
        who = owners([token], cast) or _sentence_dreamer(token, cast)
    return who


def _sentence_dreamer(token: Any, cast: Cast) -> tuple[str, ...]:
    return (DREAMER,) if any(t.i in cast.dreamer_tokens for t in token.sent) else ()


def _good_fortune(token: Any, cast: Cast) -> Fortune | None:
    lemma = token.lemma_.lower()
    lucky = lemma in ev.GOOD_FORTUNE_WORDS
    found = lemma in {"find", "win"} and any(
        c.lemma_.lower() in LUCKY_FINDS | {"lottery", "jackpot", "sweepstakes"} for c in token.children
    )
    if not (lucky or found) or negated(token):
        return None
    who = resolve(subject_tokens(token), cast) or _sentence_dreamer(token, cast)
    return Fortune("good_fortune", who, None, (token_span(token),)) if who else None


def find_outcomes(doc: Any, cast: Cast) -> list[Outcome]:
    out: list[Outcome] = []
    for sentence in doc.sents:
        out.extend(_sentence_outcomes(sentence, cast))
    return out


def _sentence_outcomes(sentence: Any, cast: Cast) -> Iterable[Outcome]:
    tried = any(t.lemma_.lower() in ev.TRY_WORDS for t in sentence)
    done: set[OutcomeKind] = set()
    for token in sentence:
        kind = _outcome_kind(token, tried)
        if kind is None or kind in done:
            continue
        who = resolve(subject_tokens(token), cast) or _sentence_dreamer(token, cast)
        if who:
            done.add(kind)
            yield Outcome(kind, who, (token_span(token),))


def _outcome_kind(token: Any, tried: bool) -> OutcomeKind | None:
    lemma = token.lemma_.lower()
    objects = {c.lemma_.lower() for c in token.children if c.dep_ in {"dobj", "obj"}}
    if lemma == "lose" and objects & CONTESTS:
        return "failure"
    if lemma in ev.FAILURE_WORDS or (lemma == "give" and any(c.lower_ == "up" for c in token.children)):
        return "failure"
    if tried and token.pos_ in {"VERB", "AUX"} and negated(token) and _can(token):
        return "failure"
    if lemma == "win" and objects & LUCKY_FINDS:
        return None
    if lemma == "pass" and not objects & ev.TRIALS:
        return (
            None  # 1.2.0 (r78): "passed the exam" is a success; "passed away", "passed by", "time passed" not
        )
    if lemma in ev.SUCCESS_WORDS and token.pos_ == "VERB" and not negated(token):
        return "success"
    return None


def _can(token: Any) -> bool:
    return any(c.lower_ in CAN_NOT for c in token.children) or token.lower_ in CAN_NOT
