"""Relationship episodes (CCRT): told interactions with a specific other, coded for W, RO and RS.

Method (rules over the spaCy dependency parse, see docs/ccrt.md for the measured accuracy):

1. Segment: sentences are grouped around the person they are about (``person`` findings); a sentence with no
   other person stays with the episode before it (or the next one, at the start); a new person starts a new
   episode unless the current one is mentioned in the same sentence.
2. Split the parse into clauses, each with its actor (the writer, a person, or unknown), negation and passive.
3. Code each component from the clusters' lexicons (:mod:`reverie.analysis.ccrt`):
   W over the complement of "I wanted / needed / hoped …"; RO over clauses the other acts in (and what the other
   says); RS over clauses the writer acts or feels in, outside wishes, fears and the other's speech, favouring
   those after the other's response. Negation flips or drops an entry ("she didn't reject me" is not rejecting).

Finding: ``Finding(kind="episode", label=<other role>, spans=(episode span,), confidence, data={"other", "group",
"tense", "w": {"cluster", "label", "span", "confidence"} | None, "ro": {…, "valence"} | None, "rs": {…} | None})``.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from reverie.analysis import ccrt, ccrt_learned, narration
from reverie.analysis.findings import Finding, Span
from reverie.analysis.people import EVERYDAY_ONLY, ROLE_GROUP, Mention, find_mentions
from reverie.analysis.registry import Analyzer, Declaration, register
from reverie.analysis.timeframes import frames_of

if TYPE_CHECKING:
    import numpy.typing as npt

    from reverie.analysis.document import Document

log = logging.getLogger(__name__)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# 1.17.0: the person before a verb the parse reads as a noun acts ("agent rang", h146)
VERSION: Final = "1.17.0"
MODEL_HASH: Final = "rules-" + hashlib.sha256(repr(sorted(ccrt.LEXICONS.items())).encode()).hexdigest()[:12]

_WISH: Final[dict[str, float]] = {
    **dict.fromkeys(
        ("want", "wish", "need", "hope", "hoped", "hoping", "long", "yearn", "crave", "desire"), 1.0
    ),
    "ask": 0.6,
    "miss": 0.7,
    "try": 0.5,
}
_WISH_WITH_WOULD: Final = frozenset({"like", "love"})
_WISH_ADJECTIVES: Final = frozenset({"desperate", "eager", "keen", "dying", "longing"})
_FOND: Final = frozenset({"love", "like", "enjoy"})  # "I loved being close to her"
_EXPECT: Final = _words(
    "expect expected afraid scared fear feared worry worried sure brace braced dread dreaded assume "
    "assumed terrified picture pictured picturing imagine imagined imagining"
)
_THINK: Final = _words("think thought reckon reckoned guess guessed suppose supposed")  # + "she'd …"
_SPEECH: Final = _words(
    "say tell call reply answer shout yell text write mutter remark suggest complain insist admit "
    "remind ask accuse claim announce scream whisper explain message warn promise"
)
_UNDOING: Final = frozenset({"refuse", "fail", "forget", "stop", "decline", "neglect"})  # "refused to help"
_ANYONE: Final = frozenset({"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "people"})
_SELF: Final = frozenset({"i", "me", "myself"})
_BODY: Final = frozenset(
    ["face", "heart", "voice", "stomach", "hands", "chest", "mind", "throat", "cheeks", "eyes"]
)
_REASON_MARKS: Final = frozenset(
    {"because", "when", "as", "since", "although", "though", "while", "after", "before"}
)
_WITH_PEOPLE: Final = frozenset({"to", "at", "with", "from", "on"})  # "I spoke to my boss", "shouted at me"
_SWITCH_PROMINENCE: Final = 1.5  # a passing mention ("my husband's family") does not start a new episode
_WISHED_PROMINENCE: Final = 1.0  # a person named only in the writer's wish counts as a passing mention
_FIRST_PERSON: Final = re.compile(r"\b(?:me|my|myself|us|our|I)\b", re.IGNORECASE)
_STATE_VERBS: Final = frozenset({"feel", "felt", "feels", "feeling", "seem", "seemed", "look", "looked"})
# What the other says the writer is: a bad trait is criticism, a strong one is praise.
_SAID_ABOUT_ME: Final[dict[int, int]] = {1: 7, 3: 5, 4: 5}
_PROTOTYPE_MAX_CONFIDENCE: Final = 0.5  # a code from the nearest prototype is never surer than this
_UNMATCHED_NEGATED_WISH: Final = 0.5
_CAUSED_BY_ME_WEIGHT: Final = 0.5  # "I let him take over": the other's act inside the writer's own
_BEFORE_RESPONSE_WEIGHT: Final = 0.6  # the writer's reaction before the other responds (often a fear)
_ACTION_WEIGHT: Final = 0.85  # an action as the response of self, next to a stated feeling
_FEELING_VERBS: Final = frozenset({"feel", "be", "get", "become", "go", "grow", "seem"})
# Tears of joy (episodes 1.10.0): crying beside a glad feeling in the same sentence is that feeling, not sadness.
_TEARS: Final = frozenset({"cry", "tear", "tears", "sob", "weep"})
_SAD_CLUSTER: Final = 7
_GLAD_CLUSTERS: Final = frozenset({3, 5})
# Tears after a warm response (episodes 1.11.0): crying, with no bad feeling in its sentence, after the other
# helped, liked, understood or was strong for the writer (RO 1, 6, 7, 8 shown) is being accepted (RS3).
_WARM_RO: Final = frozenset({1, 6, 7, 8})
_ACCEPTED_CLUSTER: Final = 3
_POSITIVE_RS: Final = frozenset({1, 3, 5})
_HELPFUL_RS: Final = 1
_FELT: Final = frozenset({"feel", "felt", "feels"})
# A thing pushed back, away or across is a refusal (episodes 1.11.0): "pushed the spreadsheet back".
_HANDED: Final = frozenset({"push", "shove", "slide"})
_BACK_WORDS: Final = frozenset({"back", "away", "across"})
_PERSON_PRONOUNS: Final = frozenset({"me", "him", "her", "them", "us", "you", "myself", "himself", "herself"})
_REJECTING_CLUSTER: Final = 5
_WRITER_SUBJECTS: Final = frozenset({"i", "we", "you"})


@dataclass(slots=True)
class Clause:
    """A verb (or copula) with the tokens that hang off it directly, and who does it."""

    head: Any
    tokens: list[Any] = field(default_factory=list)
    actor: str | None = (
        None  # "self", a person key, "someone" (unnamed, acting on the writer), "anyone", None
    )
    negated: bool = False
    passive: bool = False  # "I was ignored": the writer undergoes it (the actor stays "self")
    sentence: int = 0
    parent: Clause | None = None
    # _wish_weight's answer with the actor it was read for (asked ≈ 40 times a clause; the tree never changes)
    wish_memo: tuple[str | None, float] | None = field(default=None, compare=False, repr=False)
    # _is_expectation's answer with the actor and token count it was read for (asked ≈ 10 times a clause)
    expectation_memo: tuple[str | None, int, bool] | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class Episode:
    key: str
    role: str
    sentences: list[int]


# ---- Entry points ------------------------------------------------------------------------------------------
def find_episodes(doc: Document, coder: ccrt.PrototypeCoder | None = None) -> list[Finding]:
    """Every relationship episode in ``doc`` with its W, RO and RS codes.

    ``coder`` is the shared sentence encoder (with nearest prototypes). With the learned head for that encoder
    (``models/ccrt/``), the learned coder decides each component over the rules' codes from the sentence vectors
    the pipeline already has, and may leave a component open; without it, the nearest prototypes code a
    component the lexicons leave open.
    """
    learned = _learned_for(coder)
    fallback = coder if learned is None or learned.prototypes else None
    model_hash = _model_hash(coder)
    doc, read = reading(doc)
    vectors = _sentence_vectors(doc, coder)
    found = []
    for draft in drafts(doc, fallback, vectors):
        codes = draft.codes
        if learned is not None and vectors is not None:
            codes = _learned_codes(doc, draft, learned, vectors)
        codes = _after_warm(draft, codes)
        found.append(_finding(doc, draft, codes, model_hash, read))
    return found


def reading(doc: Document) -> tuple[Document, narration.Reading | None]:
    """The document the rules read: ``doc`` itself, or (since episodes 1.5.0) a first-person, punctuated reading
    of a dictated or second-person text (:mod:`reverie.analysis.narration`) with the map back to ``doc``'s
    offsets. The reading is segmented and parsed anew; its sentences are encoded anew where an encoder is used
    (only for such texts)."""
    read = narration.first_person(doc.text, doc.kind) if doc.sentences else None
    if read is None:
        return doc, None
    from reverie.analysis.document import prepare

    work = prepare(read.text, doc.kind)
    if not work.sentences:
        return doc, None
    return work, read


def _relative_acts(draft: Draft) -> tuple[list[int], list[int]]:
    """The sentences of the other's acts and of the writer's responses, as positions within the episode."""
    where = {index: k for k, index in enumerate(draft.sentences)}
    return (
        [where[i] for i in draft.other_acts if i in where],
        [where[i] for i in draft.self_acts if i in where],
    )


def _response_at(doc: Document, draft: Draft) -> int | None:
    """The position, among the episode's sentences, of the sentence the rules' RO is read from (None: RO open)."""
    code = draft.codes.get("ro")
    if code is None:
        return None
    index = _sentence_index(doc, code.span)
    return draft.sentences.index(index) if index in draft.sentences else None


def _sentence_vectors(doc: Document, coder: ccrt.PrototypeCoder | None) -> npt.NDArray[np.float32] | None:
    """One vector per sentence: the pipeline's (``doc.embeddings``), else encoded here (within an analysis the
    shared encoder encodes a sentence once); None without an encoder."""
    if doc.embeddings is not None:
        return doc.embeddings
    if coder is None or not doc.sentences:
        return None
    return np.asarray(coder.encoder.encode([s.text for s in doc.sentences]), dtype=np.float32)


def _learned_for(coder: ccrt.PrototypeCoder | None) -> ccrt_learned.LearnedCoder | None:
    learned = ccrt_learned.shared() if coder is not None else None
    if learned is None or coder is None or learned.encoder_hash != coder.encoder.model_hash:
        return None
    return learned


def _mentions(doc: Document) -> list[Mention]:
    """Person mentions: from the ``people`` analyzer's findings when it ran, else computed here."""
    earlier = [f for f in doc.findings if f.kind == "person"]
    if not earlier:
        return [m for m in find_mentions(doc) if m.role != "self"]
    out = []
    for f in earlier:
        if f.label != "self" and f.spans:
            out.append(
                Mention(
                    f.label,
                    f.spans[0],
                    int(f.data.get("sentence", 0)),
                    "noun",
                    f.data.get("name"),
                    anchor=int(f.data.get("anchor", -1)),
                )
            )
    return out


def _frames(doc: Document) -> dict[int, str]:
    earlier = {
        int(f.data["sentence"]): f.label for f in doc.findings if f.kind == "time" and "sentence" in f.data
    }
    return earlier or {frame.sentence: frame.label for frame in frames_of(doc)}


# ---- Clauses -----------------------------------------------------------------------------------------------
def _is_clause_head(token: Any) -> bool:
    return bool(
        token.dep_ == "ROOT" or (token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"aux", "auxpass"})
    )


def _clauses(doc: Document, mentions: list[Mention]) -> dict[int, Clause]:
    """Clause of every token, by token index (sentence-bounded)."""
    starts = [s.span.start for s in doc.sentences]
    heads: dict[int, Clause] = {}
    for token in doc.spacy:
        if _is_clause_head(token):
            heads[token.i] = Clause(token, sentence=_sentence_of(starts, token.idx))
    by_token: dict[int, Clause] = {}
    for token in doc.spacy:
        owner = token
        while owner.i not in heads and owner.head.i != owner.i:
            owner = owner.head
        clause = heads.get(owner.i)
        if clause is not None:
            clause.tokens.append(token)
            by_token[token.i] = clause
    who = _who_by_token(mentions, doc)
    for clause in heads.values():
        clause.parent = _parent_clause(clause, heads)
    for clause in sorted(heads.values(), key=lambda c: _depth(c.head)):
        clause.negated = _negated(clause)
        clause.actor = _actor(clause, who)
        clause.passive = clause.actor == "self" and _is_passive(clause.head)
    return by_token


def _is_passive(head: Any) -> bool:
    """A passive ("was ignored"), but not a felt state ("felt accepted", which spaCy parses alike)."""
    aux = [c for c in head.children if c.dep_ == "auxpass"]
    return bool(aux) and not any({a.lemma_.lower(), a.lower_} & _STATE_VERBS for a in aux)


def _sentence_of(starts: list[int], offset: int) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start <= offset:
            index = i
    return index


def _depth(token: Any) -> int:
    return sum(1 for _ in token.ancestors)


def _parent_clause(clause: Clause, heads: dict[int, Clause]) -> Clause | None:
    for ancestor in clause.head.ancestors:
        if ancestor.i in heads:
            return heads[ancestor.i]
    return None


def _who_by_token(mentions: list[Mention], doc: Document) -> dict[int, str]:
    """Person key of every token inside a (non-self) person mention."""
    out: dict[int, str] = {}
    for mention in mentions:
        span = doc.spacy.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        for token in span or ():
            out[token.i] = mention.key
    return out


def _actor(clause: Clause, who: dict[int, str]) -> str | None:
    head = clause.head
    subject = _subject(head)
    if subject is not None and subject.lower_ in {"who", "that", "which"} and head.dep_ == "relcl":
        subject = head.head
    if subject is None and head.dep_ == "relcl" and _person_of(head.head, who) is not None:
        return _person_of(head.head, who)  # "someone to care about me"
    if subject is None:
        return _inherited_actor(clause, who)
    if _misread_opener(subject) and head.dep_ == "ROOT":
        return "self"  # "Felt looked after.": the tagger took the opening "Felt" for the subject
    actor = _person_of(subject, who)
    if actor is None and _wished_by_me(subject):
        return "self"  # "All I wanted was …": the wisher is the subject
    if actor == "self" and _is_passive(head):
        by = next((c for c in head.children if c.dep_ == "agent"), None)
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        return _person_of(pobj, who) or actor if pobj is not None else actor
    return actor


def _wished_by_me(subject: Any) -> bool:
    return any(
        c.dep_ == "relcl" and c.lemma_.lower() in _WISH and any(g.lower_ == "i" for g in c.children)
        for c in subject.children
    )


def _subject(head: Any) -> Any:
    """The subject of a verb, also where spaCy hangs it on an auxiliary ("I felt accepted")."""
    for node in (head, *(c for c in head.children if c.dep_ in {"aux", "auxpass"})):
        found = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}), None)
        if found is not None:
            return found
    return None


def _negated(clause: Clause) -> bool:
    """ "didn't", "never", "barely" on the verb; a verb undone by its governor ("refused to help"); or joined
    by "or" to a negated verb ("didn't laugh or make fun of me")."""
    head = clause.head
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in _UNDOING:
        return True
    if head.dep_ == "pcomp" and head.head.lower_ == "without":  # "without asking how my day was"
        return True
    if any(t.lower_ in ccrt.NEGATORS and t.dep_ in {"neg", "advmod", "det"} for t in clause.tokens):
        return True
    parent = clause.parent
    if head.dep_ == "conj" and parent is not None and parent.head.i == head.head.i and parent.negated:
        return any(c.dep_ == "cc" and c.lower_ in {"or", "nor"} for c in head.head.children)
    return False


def _inherited_actor(clause: Clause, who: dict[int, str]) -> str | None:
    """No subject of its own: "told me to stop" (the object acts), "I sat there feeling empty" (the subject);
    a passive with the writer as patient ("I wanted to be looked after") is someone else acting."""
    head = clause.head
    parent = clause.parent
    if parent is None:
        return _misread_verb_subject(head, who) or ("self" if _dropped_i(head, who) else None)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    if head.dep_ == "xcomp" or (infinitive and head.dep_ in {"advcl", "ccomp"}):
        obj = next((c for c in parent.head.children if c.dep_ in {"dobj", "dative"}), None)
        actor = _person_of(obj, who) if obj is not None else None
        if actor is not None:
            return actor
    if any(c.dep_ == "auxpass" for c in head.children) and parent.actor == "self":
        return "someone"
    node: Clause | None = parent
    while node is not None and node.actor is None:  # "it was my work and called him a fraud"
        node = node.parent
    return node.actor if node is not None else None


def _misread_verb_subject(head: Any, who: dict[int, str]) -> str | None:
    """ "The landlord's agent rang and shouted at me": the parse reads the opening verb as a noun ("agent rang",
    the root) and the person before it as its compound; that person is the subject of the verbs joined to it
    (episodes 1.17.0, h146)."""
    root = head.head if head.dep_ == "conj" else head
    if root.dep_ != "ROOT" or root.pos_ not in {"NOUN", "PROPN"} or root.i == 0:
        return None
    before = root.doc[root.i - 1]
    return who.get(before.i) if before.dep_ == "compound" and before.head.i == root.i else None


def _dropped_i(head: Any, who: dict[int, str]) -> bool:
    """A diary sentence without its "I": "Told Mum about the divorce.", "Wanted to argue with her anyway.",
    "Felt guilty as sin.", "Annoyed all evening.", "Relief." The root of the sentence has no subject and no
    expletive, opens the sentence (after an adverb or an interjection at most) and is a verb not in the third
    person singular ("Sounds good" is not the writer), an adjective or a common noun that names no person."""
    if head.dep_ != "ROOT" or head.tag_ == "VBZ" or head.i in who:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in head.children):
        return False
    if head.tag_ not in _DROPPED_I_TAGS and not _misread_opener(head):
        return False
    before = [t for t in head.sent if t.i < head.i]
    return all(
        t.pos_ in {"ADV", "INTJ", "PUNCT", "CCONJ"} or t.dep_ in {"aux", "neg"} or _misread_opener(t)
        for t in before
    )


def _misread_opener(token: Any) -> bool:
    """A diary verb opening its sentence that the small tagger reads as a name or a noun ("Felt relieved",
    "Sat in the car anyway")."""
    return bool(
        token.i == token.sent.start and token.lower_ in _DIARY_OPENERS and token.tag_ in {"NN", "NNP"}
    )


_DROPPED_I_TAGS: Final = frozenset({"VB", "VBD", "VBN", "VBP", "VBG", "JJ", "NN"})
_DIARY_OPENERS: Final = _words(
    "felt feel feeling sat got went came left told asked rang called phoned texted wanted tried saw took gave "
    "said kept stayed spent walked drove thought hated loved missed"
)


def _person_of(token: Any, who: dict[int, str]) -> str | None:
    lower = token.lower_
    if lower in _SELF:
        return "self"
    if lower in _ANYONE:
        return "anyone"
    children = list(token.children)
    if lower in _BODY and any(c.dep_ == "poss" and c.lower_ == "my" for c in children):
        return "self"
    if lower == "part" and any(
        c.lower_ == "of" and any(g.lower_ == "me" for g in c.children) for c in children
    ):
        return "self"  # "part of me wanted …"
    if token.i in who:
        return who[token.i]
    for child in children:
        if child.dep_ in {"compound", "appos"} and child.i in who:
            return who[child.i]
    return None


# ---- Segmentation ------------------------------------------------------------------------------------------
def _segment(doc: Document, mentions: list[Mention]) -> list[Episode]:
    """Sentences grouped by the person they are about, in order (see the module docstring)."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    episodes: list[Episode] = []
    current: Episode | None = None
    pending: list[int] = []
    for sentence in doc.sentences:
        ranked = _ranked(doc, by_sentence.get(sentence.index, []))
        if current is None and ranked:
            current = Episode(ranked[0][1].key, ranked[0][1].role, [*pending, sentence.index])
            episodes.append(current)
        elif current is not None and ranked and _switches(current, ranked):
            if _after_a_bystander(episodes, ranked[0][1]):
                episodes.pop()  # the bystander's one sentence goes back into the episode it interrupted
                episodes[-1].sentences.extend([*current.sentences, sentence.index])
                current = episodes[-1]
                continue
            current = Episode(ranked[0][1].key, ranked[0][1].role, [sentence.index])
            episodes.append(current)
        else:
            (current.sentences if current is not None else pending).append(sentence.index)
    return episodes


def _after_a_bystander(episodes: list[Episode], main: Mention) -> bool:
    """ "The manager called me in. Tom the cleaner was mopping behind, not looking up. The manager said keep it
    up.": the person of the episode before comes back right after one sentence about someone else (a bystander,
    episodes 1.13.0); that sentence does not end the episode. Measured on the read files, a check that the writer
    is absent from that sentence kept three splits the plain rule removes ("Eleventh round (c11)")."""
    return len(episodes) >= 2 and len(episodes[-1].sentences) == 1 and _compatible(episodes[-2], main)


def _ranked(doc: Document, mentions: list[Mention]) -> list[tuple[float, Mention]]:
    """A sentence's people, most prominent first: the main clause's subject, other subjects, objects and
    people spoken to or with, then passing mentions ("my husband's family", "near my friends")."""
    scored = []
    for order, mention in enumerate(mentions):
        span = doc.spacy.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        score = max((_prominence(t) for t in span or ()), default=1.0)
        if span is not None and len(span) and _only_wished(span.root):
            score = min(
                score, _WISHED_PROMINENCE
            )  # "I had wanted to succeed with this client": no new episode
        scored.append((score, -order, mention))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [(score, mention) for score, _, mention in scored]


def _only_wished(token: Any) -> bool:
    """Whether a person is named only inside the writer's wish ("I wanted to succeed with this client", "I
    longed to be close to my sister"): the person is wished for, not met, so does not start an episode."""
    for ancestor in token.ancestors:
        if ancestor.lemma_.lower() in _WISH and _WISH[ancestor.lemma_.lower()] >= 1.0:
            subject = _subject(ancestor)
            return subject is not None and subject.lower_ == "i" and token.i > ancestor.i
    return False


def _prominence(token: Any) -> float:
    dep = token.dep_
    if dep in {"nsubj", "nsubjpass"}:
        return 2.5 if token.head.dep_ == "ROOT" else 2.0
    if dep in {"dobj", "dative"} or (dep == "pobj" and token.head.lower_ in _WITH_PEOPLE):
        return 1.5
    return 0.5 if dep == "poss" else 1.0


def _switches(current: Episode, ranked: list[tuple[float, Mention]]) -> bool:
    """A new episode starts when someone else is the sentence's main person, prominently, and the current
    person is not at least as prominent there."""
    top, main = ranked[0]
    if _compatible(current, main) or top < _SWITCH_PROMINENCE:
        return False
    return not any(_compatible(current, m) and score >= top for score, m in ranked)


def _compatible(episode: Episode, mention: Mention) -> bool:
    return mention.key == episode.key or (episode.role == "parents" and mention.role in {"mother", "father"})


# ---- Coding ------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _View:
    """One episode's clauses, with which of them are wishes and what is only wished, feared or said."""

    clauses: list[Clause]
    clause_of: dict[int, Clause]
    is_other: Callable[[str | None], bool]
    wishes: list[Clause] = field(default_factory=list)
    wished: set[int] = field(default_factory=set)  # heads of clauses inside a wish
    feared: set[int] = field(default_factory=set)  # heads of clauses inside a fear or expectation
    said: set[int] = field(default_factory=set)  # heads of clauses inside what the other says
    imagined: set[int] = field(default_factory=set)  # heads of clauses only imagined ("she'd probably laugh")


@dataclass(slots=True)
class Draft:
    """One episode as the rules code it, before the learned coder: what :func:`find_episodes` builds on, and
    what ``scripts/train_ccrt.py`` trains and cross-validates the learned coder on."""

    episode: Episode
    sentences: list[int]  # indices of the episode's sentences, in order
    codes: dict[str, ccrt.Code | None]
    response: (
        bool  # the other actually does or says something (not scene-setting, wished, feared or imagined)
    )
    felt: bool  # the rules' RS comes from a stated feeling ("I felt small"), which outranks a trailing clause
    tense: str
    tears: bool = False  # the rules' RS is sadness from crying alone (episodes 1.11.0: see ``_after_warm``)
    other_acts: list[int] = field(default_factory=list)  # sentences where the other actually acts
    self_acts: list[int] = field(
        default_factory=list
    )  # sentences where the writer responds (after the other)


def drafts(
    doc: Document,
    coder: ccrt.PrototypeCoder | None = None,
    vectors: npt.NDArray[np.float32] | None = None,
) -> list[Draft]:
    """Every relationship episode of ``doc`` coded by the rules, and by ``coder``'s nearest prototypes where
    they leave a component open (compared with the sentence ``vectors`` when given, else with clause texts)."""
    if not doc.sentences:
        return []
    mentions = _mentions(doc)
    clauses = _clauses(doc, mentions)
    frames = _frames(doc)
    who = _who_by_token(mentions, doc)
    every = _unique(list(clauses.values()))  # once per document, not once per episode
    out: list[Draft] = []
    for episode in _segment(doc, _acting_roles(doc, mentions, clauses)):
        draft = _draft(doc, episode, clauses, frames, _Fallback(coder, vectors), mentions, who, every)
        if draft is not None and not _told_afterwards(draft, out):
            out.append(draft)
    return out


def _acting_roles(doc: Document, mentions: list[Mention], clauses: dict[int, Clause]) -> list[Mention]:
    """The mentions that may make an episode: without the everyday role nouns (``people.EVERYDAY_ONLY``) of a
    person who is never the subject of an act or a speech in the text (episodes 1.16.0, h139). "Asked my husband
    to ring the plumber", "reported it to the inspector", "the thing with the bus driver": the plumber, the
    inspector and the driver are only the object of someone's task or a mention, never the other of an
    episode; "the plumber shouted at me" (or "… the plumber. He said …") is. The lexicon's own role words keep
    their mentions as before."""
    acting = {c.actor for c in clauses.values()}
    return [m for m in mentions if m.key in acting or _role_word_of(doc, m) not in EVERYDAY_ONLY]


def _role_word_of(doc: Document, mention: Mention) -> str:
    """The last word of a mention's text, lower case, without a possessive "'s" ("the bus driver's" → driver)."""
    words = doc.text[mention.span.start : mention.span.end].split()
    return words[-1].lower().removesuffix("'s").removesuffix("’s") if words else ""


def _told_afterwards(draft: Draft, before: list[Draft]) -> bool:
    """An aftermath, not an episode (episodes 1.10.0): after an episode in which the other responded, the writer
    only tells or calls someone else, who does nothing in the text ("He begged me to take him back. I shut the
    door and called my friend, shaking."; "I told mum the truth and felt calm")."""
    return bool(before) and before[-1].response and not draft.response and draft.codes.get("ro") is None


def _draft(
    doc: Document,
    episode: Episode,
    clauses: dict[int, Clause],
    frames: dict[int, str],
    coder: _Fallback,
    mentions: list[Mention],
    who: dict[int, str],
    every: list[Clause],
) -> Draft | None:
    """``every``: ``_unique`` of all ``clauses``, made once per document (the same clauses, in the same order, as
    ``_unique`` of those in the episode's sentences once filtered)."""
    sentence_set = set(episode.sentences)
    own = [c for c in every if c.sentence in sentence_set]
    view = _view(own, clauses, _other_test(episode), frames)
    addressed = _addressed(own, view, who)
    if not addressed and not any(view.is_other(c.actor) for c in own):
        return None  # the other is only mentioned: nobody acts and the writer does nothing towards them
    told = _told_at(own, view, who)
    ro_code, ro_candidates = _code_ro(view, told if told is not None else _wished_at(view))
    ro = _fallback(doc, coder, "ro", ro_code, ro_candidates)
    if ro is None and not addressed and not _interacts(doc, own, view, mentions):
        return None  # no interaction: the other is scene-setting, or only in the writer's wishes
    w_code, w_candidates = _code_w(view)
    w = _fallback(doc, coder, "w", w_code, w_candidates)
    response_at = ro.span.start if ro is not None else None
    rs_code, rs_candidates, felt, tears = _code_rs(view, response_at)
    rs = _fallback(doc, coder, "rs", rs_code, rs_candidates)
    if (
        w is None
        and rs is None
        and (ro is None or not _touches_me(doc, ro.span, mentions))
        and not _uncoded_exchange(doc, coder, ro_candidates, w_candidates or rs_candidates, mentions)
    ):
        return None  # nothing the writer wished or did, and the other's act does not touch the writer
    return Draft(
        episode,
        sorted(sentence_set),
        {"w": w, "ro": ro, "rs": rs},
        response=bool(ro_candidates),
        felt=felt and rs is rs_code,
        tears=tears and rs is rs_code,
        tense=_tense(episode, frames),
        other_acts=sorted({_sentence_index(doc, span) for span in ro_candidates}),
        self_acts=sorted({_sentence_index(doc, span) for span in rs_candidates}),
    )


def _finding(
    doc: Document,
    draft: Draft,
    codes: dict[str, ccrt.Code | None],
    model_hash: str,
    read: narration.Reading | None = None,
) -> Finding:
    first, last = doc.sentences[draft.sentences[0]], doc.sentences[draft.sentences[-1]]
    whole = Span(first.span.start, last.span.end)
    if read is not None:  # offsets of the text as written
        whole = read.original(whole)
        codes = {
            c: replace(code, span=read.original(code.span)) if code else None for c, code in codes.items()
        }
    coded = [c.confidence for c in codes.values() if c is not None]
    confidence = sum(coded) / len(coded) if coded else _EMPTY_EPISODE_CONFIDENCE
    confidence *= 1.0 if codes["ro"] is not None else 0.8
    role = draft.episode.role
    data: dict[str, Any] = {"other": role, "group": ROLE_GROUP[role], "tense": draft.tense}
    data.update({name: _code_data(name, code) for name, code in codes.items()})
    return Finding(
        analyzer="episodes",
        version=VERSION,
        model_hash=model_hash,
        kind="episode",
        label=role,
        confidence=round(confidence, 4),
        spans=(whole,),
        data=data,
    )


def _after_warm(draft: Draft, codes: dict[str, ccrt.Code | None]) -> dict[str, ccrt.Code | None]:
    """Crying alone after a warm response is being accepted (episodes 1.11.0): where the rules' RS is sadness
    from crying alone and is still shown, and the RO shown (the learned coder's, where it replaced the rules') is
    positive, the RS is RS3 ("My brother called and said he missed me. I cried.")."""
    ro, rs = codes.get("ro"), codes.get("rs")
    if (
        not draft.tears
        or ro is None
        or ro.cluster not in _WARM_RO
        or rs is None
        or rs.cluster != _SAD_CLUSTER
    ):
        return codes
    return {**codes, "rs": replace(rs, cluster=_ACCEPTED_CLUSTER)}


def _learned_codes(
    doc: Document,
    draft: Draft,
    learned: ccrt_learned.LearnedCoder,
    doc_vectors: npt.NDArray[np.float32],
) -> dict[str, ccrt.Code | None]:
    """The learned coder's decision per component over the rules' codes (see :mod:`reverie.analysis.ccrt_learned`):
    it keeps, replaces, fills or leaves open; its evidence is the sentence group it read."""
    sentences = draft.sentences
    texts = [doc.sentences[i].text for i in sentences]
    vectors = doc_vectors[sentences]
    rules = {c: (code.cluster if code is not None else None) for c, code in draft.codes.items()}
    acts = _relative_acts(draft) if learned.acts else None
    at = (_response_at(doc, draft),) if learned.response_sentence else None
    x = ccrt_learned.features(texts, vectors, rules if learned.stacked else None, acts, at)
    wish, rest, last = ccrt_learned.layout(texts)
    where = {"w": wish or rest, "ro": rest, "rs": [last]}
    out = dict(draft.codes)
    for component, (number, p) in learned.decide(x, rules, response=draft.response, felt=draft.felt).items():
        current = draft.codes[component]
        if number is None:
            out[component] = None
        elif current is None or number != current.cluster:
            group = [doc.sentences[sentences[i]].span for i in where[component]]
            span = Span(min(g.start for g in group), max(g.end for g in group))
            out[component] = ccrt.Code(number, span, round(min(_PROTOTYPE_MAX_CONFIDENCE, p), 4))
    return out


def _interacts(doc: Document, own: list[Clause], view: _View, mentions: list[Mention]) -> bool:
    """Whether the other actually does something that reaches the writer (the writer, or something of the
    writer's, in the clause: "told me", "a comment about my weight") in the episode's own clauses, outside the
    writer's wishes and fears: an episode needs an interaction. The "my" of "my brother" does not count."""
    people = [m.span for m in mentions if m.role != "self"]
    for clause in own:
        head = clause.head.i
        if not view.is_other(clause.actor) or head in view.wished or head in view.feared:
            continue
        if head in view.imagined or _scene(clause) or _unreal_in(clause, own):
            continue
        for t in clause.head.subtree:
            if t.lower_ in _WRITER_WORDS and not _names_the_other(t, people):
                return True
        if any(t.lower_ == "you" and t.dep_ in {"nsubj", "nsubjpass"} for t in clause.tokens):
            return True  # the "you" of a letter or a session acts: told to the writer, about the writer
        if (
            _is_speech(clause)
            and not clause.negated
            and any(c.dep_ in _SAID_DEPS for c in clause.head.children)
        ):
            return True  # the other says something ("my wife said she needs time alone"): said to the writer
        # a misparse may hide the link: the writer named in the same sentence as the other's act
        if _WRITER_IN_SENTENCE.search(doc.sentences[clause.sentence].text):
            return True
    return False


def _addressed(own: list[Clause], view: _View, who: dict[int, str]) -> bool:
    """Whether the writer acts towards the other ("I called my mum", "I shouted at him", "I told Sam"), outside
    the writer's wishes, fears and imaginings: the other half of an interaction."""
    for clause in own:
        head = clause.head.i
        if clause.actor != "self" or _wish_weight(clause) >= 1.0 or _is_expectation(clause):
            continue  # "I asked him" and "I tried to tell her" reach the other; "I wanted him to" does not
        if head in view.wished or head in view.feared or head in view.imagined:
            continue
        if _unreal_in(clause, own) or _felt_about(clause):
            continue  # "I'll be nice to him", "I'm furious with him": no act towards the other (1.14.0)
        for token in clause.tokens:
            if token.i in who and view.is_other(who[token.i]) and _addressee(token):
                return True
    return False


def _addressee(token: Any) -> bool:
    dep = token.dep_
    if dep in {"dobj", "dative", "obj", "iobj"}:
        return True
    return dep == "pobj" and token.head.lower_ in _WITH_PEOPLE


def _imagined(clause: Clause, frames: dict[int, str]) -> bool:
    """An act only imagined, not told: "she'd probably laugh", "he might shout", "if he knew he would leave",
    "she would have laughed"; a "would" / "will" in a sentence of the imagined future. A habitual past
    ("Dad would shout at me every night") is told."""
    head = clause.head
    if head.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in head.children):
        return True  # the condition of an imagined act: "if she knew"
    aux = [c for c in head.children if c.dep_ in {"aux", "auxpass"}]
    modal = [a for a in aux if a.lower_ in _MODALS]
    if not modal or any(t.lower_ in _HABITUAL for t in head.subtree):
        return False  # no modal, or a habit: "Dad would shout at me every night"
    if frames.get(clause.sentence) == "future_imagined":
        return True
    if any(a.lower_ in {"would", "'d", "might", "could"} for a in modal) and any(
        a.lemma_.lower() == "have" for a in aux
    ):
        return True  # "she would have laughed"
    if any(t.lower_ in _MAYBE for t in clause.tokens):
        return True
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
        for c in head.children
    )


def _unreal(clause: Clause) -> bool:
    """An act not told as done (episodes 1.14.0): the future ("he'll notice", "I'll be extra nice to him", "I'm
    going to tell her"), the condition of an "if" or "unless", or a clause such an act governs ("I'll be nice to
    him so he doesn't notice", "I'll tell him he was wrong"; a bare "and …" with no subject of its own too: "I'll
    go round and tell him", not "we'll go running, and picked me up"). A refusal ("he won't listen") and a habit
    ("my gaffer will ring on my day off, he always does") are told; "would" is left to :func:`_imagined` ("she'd
    probably laugh" imagined, "my father would come home in a rage" when I was little a habit). Only the other's
    real act is a response (RO); only the writer's real act reaches the other."""
    return _unreal_here(clause) or _unreal_above(clause)


def _unreal_in(clause: Clause, clauses: list[Clause]) -> bool:
    """:func:`_unreal`, and the purpose of an unreal act, which the flat trees leave without a governor: "I'll be
    extra nice to him tonight so he doesn't notice" (a clause opening with "so", "so that" or "in case" after an
    unreal clause of its sentence; after a real one it is a result: "I shouted, so he left")."""
    if _unreal(clause):
        return True
    first = min(clause.tokens, key=lambda t: t.i, default=clause.head)
    opener = first.lower_ if first.i < clause.head.i else ""
    if opener == "in" and first.nbor(1).lower_ == "case":
        opener = "in case"
    if opener not in _PURPOSE_OPENERS:
        return False
    before = [c for c in clauses if c.sentence == clause.sentence and c.head.i < first.i]
    return bool(before) and _unreal(max(before, key=lambda c: c.head.i))


def _unreal_above(clause: Clause) -> bool:
    """Whether a clause governing ``clause`` is an act not told as done (see :func:`_unreal`)."""
    current, parent = clause, clause.parent
    while parent is not None:
        dep = current.head.dep_
        if dep == "conj" and (_has_subject(current.head) or current.head.tag_ != "VB"):
            return (
                False  # a clause of its own: "she'll shout and I cried"; "we'll go running, and picked me up"
            )
        if dep not in _GOVERNED_DEPS:
            return False
        if _unreal_here(parent):
            return True
        current, parent = parent, parent.parent
    return False


def _unreal_here(clause: Clause) -> bool:
    head = clause.head
    if head.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in head.children):
        return True
    if head.dep_ == "xcomp" and head.head.lower_ in {"going", "gon"} and head.head.tag_ == "VBG":
        return True  # "I'm going to tell her", "gonna ring him"
    if not any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "MD" and c.lower_ in _FUTURE for c in head.children
    ):
        return False
    # a habit is told: "he'll ring on my day off, he always does"
    return not any(t.lower_ in _HABITUAL for t in head.sent)


def _felt_about(clause: Clause) -> bool:
    """The writer's feeling about the other, no act towards them (episodes 1.14.0): "I'm furious with my
    partner", "so angry at my dad", "I'm proud of my son"."""
    head = clause.head
    if head.lemma_.lower() != "be":
        return False
    return any(c.dep_ == "acomp" for c in head.children) and not any(
        c.dep_ in {"dobj", "dative"} for c in head.children
    )


def _scene(clause: Clause) -> bool:
    """Scene-setting, not an act: the other only is somewhere ("Mum was in the kitchen", "my brother was
    away") with nothing said of the other's manner, no negation ("Dad was never there") and nothing of the
    writer's ("she'll be there for me" is a response)."""
    head = clause.head
    if head.lemma_.lower() != "be":
        return False
    if any(c.dep_ in {"acomp", "attr", "ccomp", "xcomp", "oprd", "dobj", "neg"} for c in head.children):
        return False
    aside = {t.i for c in head.children if c.dep_ in {"advcl", "conj", "parataxis"} for t in c.subtree}
    aside |= {t.i for t in head.subtree if t.dep_ == "poss" and t.head.dep_ in {"nsubj", "nsubjpass"}}
    return not any(
        t.lower_ in _WRITER_WORDS or t.lower_ in ccrt.NEGATORS for t in head.subtree if t.i not in aside
    )


_MODALS: Final = frozenset({"would", "'d", "might", "could", "may", "will", "'ll", "shall", "wo"})
_FUTURE: Final = frozenset({"will", "'ll", "ll", "shall"})  # "wo" ("won't") is a refusal, told
_PURPOSE_OPENERS: Final = frozenset(
    {"so", "in case", "lest"}
)  # "so (that) he doesn't notice", "in case she asks"
_GOVERNED_DEPS: Final = frozenset({"advcl", "ccomp", "xcomp", "conj"})  # what an unreal act carries with it
_MAYBE: Final = frozenset({"probably", "maybe", "perhaps", "likely", "possibly", "surely"})
_WAIT_WEIGHT: Final = 0.6
_ELIDED: Final = frozenset({"do", "would", "will", "could", "can"})  # "He didn't." "She wouldn't."
_ELIDED_OBJECTS: Final = frozenset({"dobj", "xcomp", "ccomp", "acomp", "attr", "prep", "oprd", "advcl"})
_WITHHELD_WEIGHT: Final = 0.8  # the rebuff an elided "he didn't" states after a wish: rejecting (RO5)
_HABITUAL: Final = frozenset({"every", "always", "whenever", "often", "usually", "constantly", "sometimes"})
_EMPTY_EPISODE_CONFIDENCE: Final = 0.3
_SAID_DEPS: Final = frozenset({"ccomp", "dobj", "xcomp", "parataxis"})  # what is said: "said (that) she …"
_WRITER_WORDS: Final = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ourselves"})
_WRITER_IN_SENTENCE: Final = re.compile(r"\b(?:I|me|myself|we|us|ourselves)\b", re.IGNORECASE)


def _names_the_other(token: Any, people: list[Span]) -> bool:
    """The "my" of "my boss": inside another person's mention, or its possessor."""
    if token.lower_ not in {"my", "our"}:
        return False
    inside = [token.idx]
    if token.dep_ == "poss":
        inside.append(token.head.idx)
    return any(span.start <= at < span.end for span in people for at in inside)


def _uncoded_exchange(
    doc: Document, coder: _Fallback, acts: list[Span], mine: list[Span], mentions: list[Mention]
) -> bool:
    """An exchange the lexicons cannot code (since episodes 1.5.0): the other actually acts towards the writer
    ("He looked at me and said …") and the writer wishes or responds. Kept only where an encoder is at hand, for
    the learned coder to code from the sentence vectors; on rules alone it stays out (it would be empty)."""
    if coder.coder is None or not acts or not mine:
        return False
    return any(_touches_me(doc, span, mentions) for span in acts)


def _touches_me(doc: Document, span: Span, mentions: list[Mention]) -> bool:
    """Whether the writer is in a stretch of text, apart from the "my" of "my brother"."""
    text = list(doc.text[span.start : span.end])
    for mention in mentions:
        for i in range(max(mention.span.start, span.start), min(mention.span.end, span.end)):
            text[i - span.start] = " "
    return bool(_FIRST_PERSON.search("".join(text)))


@dataclass(frozen=True, slots=True)
class _Fallback:
    coder: ccrt.PrototypeCoder | None
    vectors: npt.NDArray[np.float32] | None


def _fallback(
    doc: Document,
    fallback: _Fallback,
    component: str,
    code: ccrt.Code | None,
    candidates: list[Span],
) -> ccrt.Code | None:
    """The lexicon's code, or else the nearest prototype over the candidates (with lower confidence): compared
    with the vectors of the candidates' sentences when the document's sentence vectors are at hand (no extra
    encoder pass), else with the candidate clauses' own text."""
    coder = fallback.coder
    if code is not None or coder is None or not candidates:
        return code
    if fallback.vectors is not None:
        rows = [_sentence_index(doc, s) for s in candidates]
        found = coder.best_of_vectors(component, fallback.vectors[rows])
    else:
        found = coder.best(component, [doc.text[s.start : s.end] for s in candidates])
    if found is None:
        return None
    number, similarity, index = found
    return ccrt.Code(number, candidates[index], round(min(_PROTOTYPE_MAX_CONFIDENCE, similarity), 4))


def _sentence_index(doc: Document, span: Span) -> int:
    sentence = doc.sentence_at(span.start)
    return sentence.index if sentence is not None else 0


def _unique(clauses: list[Clause]) -> list[Clause]:
    seen: dict[int, Clause] = {}
    for clause in clauses:
        seen.setdefault(clause.head.i, clause)
    return sorted(seen.values(), key=lambda c: c.head.i)


def _other_test(episode: Episode) -> Callable[[str | None], bool]:
    def is_other(actor: str | None) -> bool:
        if actor is None or actor in {"self", "someone", "anyone"}:
            return False
        return actor == episode.key or (episode.role == "parents" and actor in {"mother", "father"})

    return is_other


def _view(
    clauses: list[Clause],
    clause_of: dict[int, Clause],
    is_other: Callable[[str | None], bool],
    frames: dict[int, str] | None = None,
) -> _View:
    view = _View(clauses, clause_of, is_other)
    heads = {c.head.i for c in clauses}
    view.imagined = {c.head.i for c in clauses if _imagined(c, frames or {})}
    for clause in clauses:
        if clause.head.i in view.wished or clause.head.i in view.feared:
            continue
        if _wish_weight(clause):
            view.wishes.append(clause)
            view.wished |= {t.i for t in _wish_content(clause)} & heads
        elif _is_expectation(clause):
            view.feared |= {t.i for t in _content(clause.head)} & heads
            view.feared |= {c.head.i for c in clauses if c.parent is clause and c.head.i < clause.head.i}
        if is_other(clause.actor) and _is_speech(clause):
            view.said |= {t.i for t in _content(clause.head)} & heads
    return view


def _content(head: Any) -> list[Any]:
    """What a verb governs after it, without its subject, conjoined clauses and reasons ("because …")."""
    out: list[Any] = []
    stack = [c for c in head.children if c.i > head.i and not _outside_content(c)]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(token.children)
    return sorted(out, key=lambda t: t.i)


def _outside_content(child: Any) -> bool:
    if child.dep_ in {"nsubj", "nsubjpass", "csubj", "conj", "cc", "punct", "parataxis"}:
        return True
    return bool(
        child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _REASON_MARKS for c in child.children)
    )


def _tense(episode: Episode, frames: dict[int, str]) -> str:
    labels = [frames[i] for i in episode.sentences if i in frames]
    return Counter(labels).most_common(1)[0][0] if labels else "present"


def _code_data(component: str, code: ccrt.Code | None) -> dict[str, Any] | None:
    if code is None:
        return None
    info = ccrt.cluster(component, code.cluster)
    data: dict[str, Any] = {
        "cluster": code.cluster,
        "label": info.label,
        "span": [code.span.start, code.span.end],
        "confidence": round(code.confidence, 4),
    }
    if info.valence is not None:
        data["valence"] = info.valence
    return data


def _wish_weight(clause: Clause) -> float:
    """How surely a clause of the writer's states a wish: "I wanted", "I'd love to", "I was desperate to",
    and more weakly "I asked", "I tried", "I loved being close to her". Worked out once per clause and actor."""
    memo = clause.wish_memo
    if memo is not None and memo[0] == clause.actor:
        return memo[1]
    weight = _wish_weight_read(clause)
    clause.wish_memo = (clause.actor, weight)
    return weight


def _wish_weight_read(clause: Clause) -> float:
    if clause.actor != "self":
        return 0.0
    head = clause.head
    forms = {head.lemma_.lower(), head.lower_}
    weight = max((_WISH.get(f, 0.0) for f in forms), default=0.0)
    children = list(head.children)
    if not weight and forms & _WISH_WITH_WOULD:
        weight = 1.0 if any(c.lower_ in {"would", "'d"} for c in children) else 0.0
    if not weight and any(c.dep_ == "acomp" and c.lower_ in _WISH_ADJECTIVES for c in children):
        weight = 1.0
    if not weight and "wait" in forms and any(_infinitive(c) for c in children):
        weight = _WAIT_WEIGHT  # "I waited for him to say sorry": what the writer waits for is wished
    if (
        not weight
        and forms & _FOND
        and any(c.tag_ == "VBG" and c.dep_ in {"xcomp", "ccomp"} for c in children)
    ):
        weight = 0.7
    return weight


def _infinitive(token: Any) -> bool:
    return token.dep_ in {"advcl", "xcomp", "ccomp"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def _withheld(clause: Clause, view: _View) -> bool:
    """The other's act stated as an absence, by an elided verb, after what the writer wished or asked for:
    "I waited for him to say sorry. He didn't." "I asked her to come. She wouldn't." "I hoped he'd call. He
    never did." (since episodes 1.6.0). After a fear ("I was sure she'd shout. She didn't.") it is no rebuff,
    and no code is given here."""
    head = clause.head
    if not clause.negated or head.pos_ != "AUX" or head.lemma_.lower() not in _ELIDED:
        return False
    if any(c.dep_ in _ELIDED_OBJECTS for c in head.children):
        return False  # "she wasn't angry", "he didn't have time": not elided
    before = [c for c in view.clauses if c.actor == "self" and c.head.i < head.i]
    if not before:
        return False
    last = before[-1]
    while last.parent is not None and last.parent.actor == "self" and last.head.i not in view.wished:
        last = last.parent  # "I asked her to come": the asking, not the coming
    return bool(_wish_weight(last)) and not _is_expectation(last)


def _is_expectation(clause: Clause) -> bool:
    """The writer's fear, expectation or imagining: "I was afraid …", "Pictured her reading it", and "I thought
    she'd …" (a thought about what the other would do, not "I think she's right")."""
    if clause.actor != "self":
        return False
    memo = clause.expectation_memo
    if memo is not None and memo[0] == clause.actor and memo[1] == len(clause.tokens):
        return memo[2]
    found = _is_expectation_read(clause)
    clause.expectation_memo = (clause.actor, len(clause.tokens), found)
    return found


def _is_expectation_read(clause: Clause) -> bool:
    if any(t.lemma_.lower() in _EXPECT or t.lower_ in _EXPECT for t in clause.tokens):
        return True
    head = clause.head
    return head.lemma_.lower() in _THINK and any(
        c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in {"would", "'d"} for a in c.children)
        for c in head.children
    )


def _is_speech(clause: Clause) -> bool:
    return bool(clause.head.lemma_.lower() in _SPEECH)


def _wish_content(trigger: Clause) -> list[Any]:
    """What is wished for; for "All I wanted was to be looked after", what follows "was"."""
    head = trigger.head
    if head.dep_ == "relcl" and head.head.dep_ in {"nsubj", "nsubjpass"}:
        root = head.head.head
        return [t for t in _content(root) if t.i not in {x.i for x in head.head.subtree}]
    return _content(head)


def _code_w(view: _View) -> tuple[ccrt.Code | None, list[Span]]:
    tally = ccrt.Tally()
    candidates: list[Span] = []
    for wish in view.wishes:
        content = _wish_content(wish)
        if not content:
            continue
        span = _tokens_span([wish.head, *content])
        candidates.append(span)
        found = ccrt.match("w", content, _context(view))
        for number, score, anchor in found:
            number = _negated_wish(number) if wish.negated else number
            tally.add(number, score * _wish_weight(wish), span, anchor.idx)
        if wish.negated and not found:  # "I don't want to nag her": holding back
            tally.add(4, _UNMATCHED_NEGATED_WISH * _wish_weight(wish), span)
    return tally.decide(), [] if any(w.negated for w in view.wishes) else candidates


def _negated_wish(number: int) -> int:
    """Not wanting something is wanting to stay clear of it; not wanting to be pushed around is holding one's own."""
    return 1 if number in {2, 3} else 4


def _told_at(own: list[Clause], view: _View, who: dict[int, str]) -> int | None:
    """Where the writer first tells or asks the other something ("I told her I'd been made redundant"), in a
    sentence of its own: the sentence index, or None."""
    for clause in own:
        if clause.actor != "self" or not _is_speech(clause) or _wish_weight(clause) >= 1.0:
            continue
        head = clause.head.i
        if head in view.wished or head in view.feared or head in view.imagined or _is_expectation(clause):
            continue
        if any(t.i in who and view.is_other(who[t.i]) and _addressee(t) for t in clause.tokens):
            return clause.sentence
    return None


def _wished_at(view: _View) -> int | None:
    """Where the writer first states a wish outright ("I wanted", "I needed", "I hoped"; not "I asked" or "I
    tried"), as a sentence index (episodes 1.12.0): what the other did in the sentences before it is the lead-in
    to the wish, and the response is what the other does from there on ("My uncle praised my cousin. I wanted
    him to be proud of me too. He turned away.")."""
    return next((c.sentence for c in view.wishes if _wish_weight(c) >= 1.0), None)


def _code_ro(view: _View, told_at: int | None = None) -> tuple[ccrt.Code | None, list[Span]]:
    """The other's response. Since episodes 1.6.0, where the writer tells or asks the other something, what the
    other did in the sentences before it is the lead-in ("My sister came round. … I told her I'd been made
    redundant. She laughed."): it codes the response only when nothing after it does. Since 1.12.0 the same holds
    where the writer states a wish and tells the other nothing (``_wished_at``)."""
    tally, lead = ccrt.Tally(), ccrt.Tally()
    candidates: list[Span] = []
    consumed: set[int] = set()
    for clause in view.clauses:
        head = clause.head.i
        if head in consumed or head in view.wished or head in view.feared or _wish_weight(clause):
            continue
        if head in view.imagined and head not in view.said:
            continue  # only imagined: "she'd probably laugh" is no response
        if _unreal_in(clause, view.clauses) if head not in view.said else _unreal_above(clause):
            continue  # not told as done (1.14.0): "so he doesn't notice" after "I'll be nice to him"
        undergone = clause.actor == "someone" or clause.passive
        if not (view.is_other(clause.actor) or undergone or head in view.said):
            continue
        if _scene(clause) and head not in view.said:
            continue  # scene-setting is no response: "my brother was away"
        unit = _unit(clause, view, consumed, speech=_is_speech(clause))
        span = _tokens_span(unit)
        candidates.append(span)
        into = lead if told_at is not None and clause.sentence < told_at else tally
        if view.is_other(clause.actor) and _withheld(clause, view):
            into.add(5, _WITHHELD_WEIGHT, span)
            continue
        parent = clause.parent
        caused = parent is not None and parent.actor == "self" and clause.head.dep_ in {"xcomp", "ccomp"}
        factor = _CAUSED_BY_ME_WEIGHT if caused and head not in view.said else 1.0
        returned = _handed_back(unit)
        for token in returned:
            into.add(_REJECTING_CLUSTER, factor, span, token.idx)
        for number, score, anchor in ccrt.best_per_cluster(ccrt.match("ro", unit, _context(view))):
            if any(anchor.i == token.i for token in returned):
                continue  # "pushed the form back across the desk" is no pressure
            spoken = view.clause_of[anchor.i]
            if spoken.head.i in view.said and spoken.actor == "self":  # "said I was selfish"
                number = _SAID_ABOUT_ME.get(number, number)
            into.add(number, score * factor, span, anchor.idx)
    return tally.decide() or lead.decide(), candidates


def _handed_back(unit: list[Any]) -> list[Any]:
    """A thing pushed back, away or across by the other is a refusal (RO5), not pressure (episodes 1.11.0):
    "pushed the papers back", "shoved the plate away", "pushed the form across to me"; a person pushed ("pushed
    me to apply", "pushed me away") is not read here."""
    out = []
    for token in unit:
        if token.lemma_.lower() not in _HANDED or token.pos_ != "VERB":
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if any(c.lower_ in _WRITER_SUBJECTS for c in subjects):
            continue  # "I push people away": the writer's own act, told by the other
        things = [c for c in token.children if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN", "PRON"}]
        if not things or any(c.lower_ in _PERSON_PRONOUNS or c.ent_type_ == "PERSON" for c in things):
            continue
        if any(c.lower_ in _BACK_WORDS and c.dep_ in {"prt", "advmod", "prep"} for c in token.children):
            out.append(token)
    return out


def _code_rs(view: _View, response_at: int | None) -> tuple[ccrt.Code | None, list[Span], bool, bool]:
    """The writer's response: what the writer does or feels after the other's response; what came before
    (a fear, an earlier state: "I'd been terrified …", an imagined reaction) counts only when nothing comes
    after. A stated feeling ("I felt small") outranks an action in a trailing clause ("so I went back to my
    desk"). Returns the code, the candidate spans, whether the code is a stated feeling and whether it is crying
    alone (sadness from crying only, after the other's response, with no bad feeling in its sentence: after a
    warm response shown it is being accepted, ``_after_warm``)."""
    felt, acted, before = ccrt.Tally(), ccrt.Tally(), ccrt.Tally()
    candidates: list[Span] = []
    consumed: set[int] = set()
    found: list[tuple[Clause, bool, bool, int, float, Span, Any]] = []
    for clause in view.clauses:
        head = clause.head.i
        if clause.actor != "self" or head in consumed or _wish_weight(clause):
            continue
        if head in view.wished or head in view.feared or head in view.said:
            continue
        unit = _unit(clause, view, consumed, speech=False)
        span = _tokens_span(unit)
        earlier = (response_at is not None and clause.head.idx < response_at) or _is_expectation(clause)
        earlier = earlier or _pluperfect(clause) or head in view.imagined
        if not earlier:
            candidates.append(span)
        feeling = _is_feeling(clause)
        for number, score, anchor in ccrt.best_per_cluster(ccrt.match("rs", unit, _context(view))):
            found.append((clause, earlier, feeling, number, score, span, anchor))
    glad = {clause.sentence for clause, _, _, number, _, _, _ in found if number in _GLAD_CLUSTERS}
    sad_else = {  # sentences with a bad feeling other than crying ("I cried, ashamed")
        clause.sentence
        for clause, _, _, number, _, _, anchor in found
        if number not in _POSITIVE_RS and (number != _SAD_CLUSTER or anchor.lemma_.lower() not in _TEARS)
    }
    tears_alone: list[Span] = []  # crying alone in its sentence, after the other's response
    sad_otherwise = False
    for clause, earlier, feeling, number, score, span, anchor in found:
        if number == _HELPFUL_RS and _received(anchor):
            number = _ACCEPTED_CLUSTER  # "I felt looked after": cared for, not caring (episodes 1.11.0)
        tears = anchor.lemma_.lower() in _TEARS
        if tears and number == _SAD_CLUSTER and clause.sentence in glad:
            continue  # tears of joy: "I cried in the car, happy" (episodes 1.10.0)
        alone = tears and number == _SAD_CLUSTER and not earlier and clause.sentence not in sad_else
        if alone:
            tears_alone.append(span)
        elif number == _SAD_CLUSTER:
            sad_otherwise = True
        feeling = feeling or (number in _GLAD_CLUSTERS and clause.sentence in glad and tears is False)
        tally = before if earlier else felt if feeling else acted
        tally.add(number, score * (1.0 if feeling else _ACTION_WEIGHT), span, anchor.idx)
    code = felt.decide() or acted.decide() or before.decide()
    if code is not None and not felt.scores and not acted.scores:
        code = ccrt.Code(code.cluster, code.span, code.confidence * _BEFORE_RESPONSE_WEIGHT)
    tears = code is not None and code.cluster == _SAD_CLUSTER and bool(tears_alone) and not sad_otherwise
    return code, candidates, bool(felt.scores), tears


def _received(anchor: Any) -> bool:
    """A helping word as a past participle the writer feels or undergoes ("I felt looked after", "I was
    supported"): help received is being accepted and cared for (RS3), not helping (RS1)."""
    if anchor.tag_ not in {"VBN", "VBD"}:
        return False
    if anchor.tag_ == "VBN" and anchor.head.lemma_.lower() == "feel" and anchor.head is not anchor:
        return True
    # "I felt looked after" is parsed with "felt" as an auxiliary of "looked"
    return any(c.dep_ == "auxpass" or (c.dep_ == "aux" and c.lower_ in _FELT) for c in anchor.children)


def _pluperfect(clause: Clause) -> bool:
    return clause.head.tag_ == "VBN" and any(
        t.lower_ in {"had", "'d"} and t.dep_ == "aux" for t in clause.head.children
    )


def _is_feeling(clause: Clause) -> bool:
    """ "I felt …", "I was …", "I got …": a stated feeling, which outweighs an action as the response."""
    forms = {
        clause.head.lemma_.lower(),
        *(t.lemma_.lower() for t in clause.tokens if t.dep_ in {"aux", "auxpass"}),
    }
    return bool(forms & _FEELING_VERBS)


def _unit(clause: Clause, view: _View, consumed: set[int], *, speech: bool) -> list[Any]:
    """A clause with the clauses it governs that have no subject of their own (or, for speech, all it says)."""
    tokens = list(clause.tokens)
    for other in view.clauses:
        if other is clause or other.head.i in consumed or not _governed_by(other, clause):
            continue
        # a complement with a non-person subject belongs to its governor ("I felt a weight lift")
        complement = other.actor is None and other.head.dep_ in {"ccomp", "xcomp", "acomp", "oprd"}
        if speech or not _has_subject(other.head) or complement:
            tokens.extend(other.tokens)
            consumed.add(other.head.i)
    return sorted(tokens, key=lambda t: t.i)


def _governed_by(clause: Clause, ruler: Clause) -> bool:
    node: Clause | None = clause
    while node is not None and node.parent is not ruler:
        if node.head.dep_ in {"conj", "parataxis"} or _wish_weight(node):
            return False
        node = node.parent
    return (
        node is not None and node.head.dep_ not in {"conj", "parataxis"} and not _outside_content(node.head)
    )


def _has_subject(head: Any) -> bool:
    return _subject(head) is not None or any(c.dep_ == "expl" for c in head.children)


def _context(view: _View) -> Callable[[Any], tuple[str | None, bool]]:
    def context(token: Any) -> tuple[str | None, bool]:
        clause = view.clause_of.get(token.i)
        if clause is None:
            return None, False
        if clause.actor == "self":
            return ("patient" if clause.passive else "self"), clause.negated
        return ("other" if clause.actor is not None else None), clause.negated

    return context


def _tokens_span(tokens: list[Any]) -> Span:
    words = [t for t in tokens if not t.is_punct] or tokens
    return Span(min(t.idx for t in words), max(t.idx + len(t.text) for t in words))


def _model_hash(coder: ccrt.PrototypeCoder | None) -> str:
    if coder is None:
        return MODEL_HASH
    learned = ccrt_learned.shared()
    extra = f"+learned-{learned.digest}" if learned is not None else ""
    return f"{MODEL_HASH}+{coder.model_hash}{extra}"


def declared_model_hash() -> str:
    """The model hash :func:`_build`'s analyzer carries, without loading the encoder or the learned head: the
    encoder's recorded hash (rules alone without one) and the learned head's file hash (cached by modification
    time)."""
    from reverie.analysis.onnx_encoder import installed_manifest
    from reverie.errors import AnalysisUnavailable

    try:
        encoder_hash = installed_manifest().model_hash
    except AnalysisUnavailable:
        return MODEL_HASH
    learned = ccrt_learned.declared_digest()
    extra = f"+learned-{learned}" if learned is not None else ""
    return f"{MODEL_HASH}+{ccrt.prototype_hash(encoder_hash)}{extra}"


# The analyzer as the registry knows it without building it (see registry.Declaration).
DECLARED = Declaration(
    version=VERSION,
    model_hash=declared_model_hash,
    applies_to=None,
    requires=frozenset({"sentences", "spacy", "findings"}),
)


class EpisodesAnalyzer:
    name = "episodes"
    version = DECLARED.version
    requires = DECLARED.requires
    produces = frozenset({"episode"})
    applies_to: frozenset[str] | None = DECLARED.applies_to

    def __init__(self, coder: ccrt.PrototypeCoder | None = None) -> None:
        self.coder = coder
        self.model_hash = _model_hash(coder)

    def run(self, doc: Document) -> list[Finding]:
        return find_episodes(doc, self.coder)


@register("episodes", order=40, declared=DECLARED)
def _build() -> Analyzer:
    """Rules plus nearest prototypes on the shared encoder; rules alone when the encoder is unavailable."""
    from reverie.analysis.onnx_encoder import load_encoder
    from reverie.errors import AnalysisUnavailable

    try:
        return EpisodesAnalyzer(ccrt.PrototypeCoder(load_encoder()))
    except (AnalysisUnavailable, ImportError, OSError):
        log.info("sentence encoder unavailable: episodes are coded by the lexicons alone")
        return EpisodesAnalyzer()
