"""Who did what to whom: subjects, objects and negation of a spaCy verb, resolved to dream participants."""

from __future__ import annotations

from typing import Any

from reverie.analysis.dreams.characters import Cast
from reverie.analysis.findings import Span

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "iobj"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "that", "which"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "neither", "nor", "without"})


def negated(token: Any) -> bool:
    """The token or the verb it hangs on is negated (``didn't hit``, ``wasn't afraid``, ``no fear``)."""
    if any(c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ == "det") for c in token.children):
        return True
    head = token.head
    if token.dep_ in {"acomp", "xcomp", "attr", "oprd", "dobj"} and head.i != token.i:
        return any(c.dep_ == "neg" for c in head.children)
    return False


def subject_tokens(verb: Any) -> list[Any]:
    """Active subjects of ``verb`` (with conjoined subjects), inherited from a governing verb when the
    verb has none (``he came and hit me``, ``he tried to hit me``)."""
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return _with_conjuncts([_antecedent(s, current) for s in subjects])
        if current.dep_ in {"acl", "relcl"}:
            return _with_conjuncts([current.head])  # "a woman screaming at her neighbor"
        if current.dep_ in {"conj", "xcomp", "advcl"} and current.head.i != current.i:
            current = current.head
            continue
        break
    return []


def _antecedent(subject: Any, verb: Any) -> Any:
    """``the man who shot me``: the relative pronoun stands for the noun the clause hangs on."""
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return subject


def passive_subject_tokens(verb: Any) -> list[Any]:
    return _with_conjuncts([_antecedent(c, verb) for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS])


def agent_tokens(verb: Any) -> list[Any]:
    """``by X`` of a passive verb."""
    out: list[Any] = []
    for child in verb.children:
        if child.dep_ == "agent":
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return _with_conjuncts(out)


def object_tokens(verb: Any, preps: frozenset[str] = frozenset()) -> list[Any]:
    """Direct and dative objects, and objects of the given prepositions or particles."""
    out = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    for child in verb.children:
        if child.dep_ in {"prep", "prt", "dative"} and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj")
        if not out and child.dep_ in {"ccomp", "xcomp"}:
            out.extend(c for c in child.children if c.dep_ == "nsubj")  # "help her get on"
    return _with_conjuncts(out)


def prep_objects(verb: Any, preps: frozenset[str]) -> list[Any]:
    out: list[Any] = []
    for child in verb.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return _with_conjuncts(out)


def _with_conjuncts(tokens: list[Any]) -> list[Any]:
    out: list[Any] = []
    for token in tokens:
        out.append(token)
        out.extend(t for t in token.conjuncts if t.i > token.i)
    return out


def resolve(tokens: list[Any], cast: Cast) -> tuple[str, ...]:
    """Participant codes of the tokens (the dreamer first), unknown tokens dropped, duplicates merged."""
    codes: list[str] = []
    for token in tokens:
        code = cast.code_at(token.i)
        if code is not None and code not in codes:
            codes.append(code)
    codes.sort(key=lambda c: c != "D")
    return tuple(codes)


def owners(tokens: list[Any], cast: Cast) -> tuple[str, ...]:
    """Owners of possessed things: ``stole my wallet`` → the dreamer."""
    found: list[Any] = []
    for token in tokens:
        found.extend(c for c in token.children if c.dep_ == "poss")
    return resolve(found, cast)


def token_span(token: Any) -> Span:
    return Span(token.idx, token.idx + len(token.text))


def clause_span(tokens: list[Any]) -> Span:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return Span(start, end)


def phrasal_keys(verb: Any) -> list[str]:
    """Lexicon keys for a verb, most specific first: ``beat_up``, ``scream_at``, ``beat``."""
    lemma = verb.lemma_.lower()
    keys: list[str] = []
    for child in verb.children:
        if child.dep_ in {"prt", "prep"}:
            keys.append(f"{lemma}_{child.lower_}")
        if child.dep_ == "dobj" and child.lemma_.lower() in {"hand", "fun", "love", "sex", "care", "way"}:
            keys.append(f"{lemma}_{child.lemma_.lower()}")
    keys.append(lemma)
    return keys
