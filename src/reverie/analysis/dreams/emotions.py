"""Reverie's emotion rules: the five HVdC emotions, coded only when the report names a feeling.

An emotion word (afraid, furious, relieved …) is given to its experiencer: the subject of the clause it
completes (``I was afraid``, ``she looked sad``), the object of a verb that causes it (``it scared me``), the
subject of an emotion verb (``I worried``), or the owner of an emotion noun (``my fear``, ``to my
surprise``), falling back to the subject of the sentence. Negated feelings are not coded, whether the parse
says so (a ``neg`` child) or the words do: a negator right before the word, over nothing but adverbs, auxiliaries,
particles and determiners ("It felt peaceful, not scary", "it wasn't frightening", "nothing scary"; dream 1.1.2:
the parser reads only sentences with a person, so "It felt calm, not scary" has a flat tree and no ``neg``, and
its denied fear was coded as the dreamer's apprehension). Each emotion is coded once per experiencer and dream. Words that are often not feelings (``cross``, ``blue``, ``strange``)
count only with an explicit first-person experiencer.
"""

from __future__ import annotations

from typing import Any

from reverie.analysis.dreams import feelings as fw
from reverie.analysis.dreams.characters import Cast
from reverie.analysis.dreams.clauses import NEGATIONS, negated, resolve, subject_tokens, token_span
from reverie.analysis.dreams.codes import DREAMER, Emotion

COPULAS = frozenset(
    ["be", "feel", "become", "get", "seem", "look", "appear", "grow", "remain", "turn", "act", "sound"]
)


def find_emotions(doc: Any, cast: Cast) -> list[Emotion]:
    merged: dict[tuple[str, tuple[str, ...]], list[Any]] = {}
    for token in doc:
        code = _emotion_code(token)
        if code is None or negated(token) or _denied_before(token):
            continue
        who = _experiencer(token, cast)
        if not who or (token.lemma_.lower() in fw.WEAK_EMOTION_WORDS and DREAMER not in who):
            continue
        merged.setdefault((code, who), []).append(token)
    return [
        Emotion(code=code, characters=who, spans=tuple(token_span(t) for t in tokens))
        for (code, who), tokens in merged.items()
    ]


# what may stand between a negator and the feeling it denies: "not scary", "wasn't very frightening", "not at all
# afraid", "no real fear"; a noun, a verb or a pronoun between them ends the scan ("not sure why I was scared")
_BETWEEN_POS = frozenset({"ADV", "AUX", "PART", "DET"})
_BETWEEN_WORDS = frozenset({"at", "all", "a", "bit", "the", "slightest", "real", "even", "remotely"})


def _denied_before(token: Any) -> bool:
    """1.1.2: a negator within four words before the feeling word, over adverbs, auxiliaries and the like only."""
    doc = token.doc
    for i in range(token.i - 1, max(token.sent.start, token.i - 5) - 1, -1):
        word = doc[i]
        if word.lower_ in NEGATIONS:
            return True
        if word.pos_ not in _BETWEEN_POS and word.lower_ not in _BETWEEN_WORDS:
            return False
    return False


def _emotion_code(token: Any) -> str | None:
    if token.pos_ not in {"ADJ", "VERB", "NOUN", "ADV"}:
        return None
    if (
        token.lower_ in fw.FEEL_ONLY
        and token.dep_ in {"acomp", "oprd", "dobj"}
        and token.head.lemma_ == "feel"
    ):
        return fw.FEEL_ONLY[token.lower_]
    word = token.lower_ if token.lower_ in fw.EMOTION_WORDS else token.lemma_.lower()
    code = fw.EMOTION_WORDS.get(word)
    if code is None:
        return None
    wanted = fw.EMOTION_POS.get(word)
    if wanted is not None and token.pos_ != wanted:
        return None
    if token.pos_ == "ADV" and not token.lower_.endswith("ly"):
        return None
    return code


def _experiencer(token: Any, cast: Cast) -> tuple[str, ...]:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in fw.EMOTION_CAUSE_VERBS and token.tag_ != "VBN":
        caused = resolve([c for c in token.children if c.dep_ in {"dobj", "obj"}], cast)
        if caused:
            return caused
    if token.pos_ in {"ADJ", "VERB"}:
        own = resolve([c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}], cast)
        if own:
            return own
    if token.pos_ == "NOUN":
        owner = resolve([c for c in token.children if c.dep_ == "poss"], cast)
        if owner:
            return owner
    if token.dep_ == "amod":
        return resolve([token.head], cast)
    return _clause_subject(token, cast) or _dreamer_by_default(token, cast)


def _dreamer_by_default(token: Any, cast: Cast) -> tuple[str, ...]:
    """An emotion nobody else owns, in a sentence with the dreamer or with no character, is the dreamer's."""
    sentence = token.sent
    if any(t.i in cast.dreamer_tokens for t in sentence):
        return (DREAMER,)
    if cast.dreamer_tokens and not any(t.i in cast.token_draft for t in sentence):
        return (DREAMER,)
    return ()


def _clause_subject(token: Any, cast: Cast) -> tuple[str, ...]:
    """The subject of the nearest verb above the emotion word within its sentence."""
    current = token
    for _ in range(5):
        if current.pos_ in {"VERB", "AUX"} or current.lemma_ in COPULAS:
            who = resolve(subject_tokens(current), cast)
            if who:
                return who
            who = resolve([c for c in current.children if c.dep_ == "nsubjpass"], cast)
            if who:
                return who
        if current.head.i == current.i:
            break
        current = current.head
    return ()
