"""Whose feeling is it, and is it denied? Negation and attribution on top of the emotion head.

The head reads a sentence as a whole: "I wasn't happy" looks like joy, "my mother was proud of me" like pride.
This layer finds the emotion words of a sentence (a small lexicon per GoEmotions label, matched on spaCy lemmas;
the tagger runs on every sentence, no dependency parse is needed) and, for each, its **holder** and whether it is
**negated**, by scanning back from the word over what may stand between a subject and its feeling (auxiliaries,
copulas and feel-verbs, adverbs, particles):

* the first nominal reached is the holder ("my mother was proud" → my mother; "it made me happy" → me, since
  the scan stops at the object of *make*); no nominal before a boundary → the writer (a journal's default);
* a negator on the way (not, n't, never, no longer, hardly …) negates the word, except "couldn't be happier".

A label is **denied** when its family's words in the sentence are all negated (and none is affirmed): it is
dropped. A label is **someone else's** when its family's words are all held by another person: the finding keeps
its sentence but gets ``scope = "other"`` and ``holder``, and it never counts as the writer's feeling for the
entry. Labels with no word in the sentence (the head read them from context) stay the writer's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reverie.analysis.people import ROLE_OF_WORD

LEXICON: Mapping[str, tuple[str, ...]] = {
    "joy": (
        "happy",
        "glad",
        "joyful",
        "cheerful",
        "delighted",
        "content",
        "elated",
        "ecstatic",
        "overjoyed",
        "joy",
        "happiness",
    ),
    "pride": ("proud", "pride"),
    "love": ("love", "adore", "loving"),
    "gratitude": ("grateful", "thankful", "gratitude"),
    "excitement": ("excited", "thrilled", "excitement"),
    "relief": ("relieved", "relief"),
    "optimism": ("hopeful", "optimistic"),
    "admiration": ("admire", "impressed"),
    "amusement": ("amused",),
    "sadness": ("sad", "unhappy", "depressed", "miserable", "heartbroken", "sadness", "sorrowful"),
    "grief": ("grief", "grieve", "mourn"),
    "disappointment": ("disappointed", "disappointment"),
    "anger": ("angry", "furious", "mad", "anger", "rage", "livid", "enraged", "outraged"),
    "annoyance": ("annoyed", "irritated", "frustrated", "annoyance", "frustration"),
    "disgust": ("disgusted", "disgust", "repulsed"),
    "fear": ("afraid", "scared", "frightened", "terrified", "fear", "fearful", "petrified"),
    "nervousness": ("nervous", "anxious", "worried", "anxiety", "uneasy", "tense"),
    "embarrassment": ("embarrassed", "ashamed", "humiliated", "embarrassment", "shame"),
    "remorse": ("guilty", "remorseful", "remorse", "guilt"),
    "surprise": ("surprised", "shocked", "astonished", "amazed"),
    "confusion": ("confused", "puzzled", "bewildered"),
}
FAMILIES: tuple[frozenset[str], ...] = (
    frozenset(
        {
            "joy",
            "excitement",
            "amusement",
            "optimism",
            "pride",
            "relief",
            "gratitude",
            "love",
            "admiration",
            "approval",
        }
    ),
    frozenset({"anger", "annoyance", "disapproval", "disgust"}),
    frozenset({"sadness", "grief", "disappointment"}),
    frozenset({"fear", "nervousness"}),
    frozenset({"embarrassment", "remorse"}),
    frozenset({"surprise"}),
    frozenset({"confusion"}),
)
LABEL_OF: Mapping[str, str] = {word: label for label, words in LEXICON.items() for word in words}
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves", "mine"})
NEGATORS = frozenset({"not", "n't", "never", "no", "hardly", "barely", "nt", "neither", "nor", "without"})
LINKING = frozenset(
    {
        "be",
        "feel",
        "seem",
        "look",
        "get",
        "become",
        "sound",
        "appear",
        "grow",
        "go",
        "stay",
        "remain",
        "keep",
        "do",
        "have",
        "make",
        "can",
        "could",
        "would",
        "will",
        "should",
        "might",
        "must",
        "may",
    }
)
CAUSATIVE = frozenset({"make", "leave", "get", "keep", "render"})
SKIP_POS = frozenset({"AUX", "PART", "ADV", "DET", "INTJ"})
NOMINAL_POS = frozenset({"PRON", "PROPN", "NOUN"})
OTHER_PRONOUNS = frozenset(
    {
        "he",
        "she",
        "they",
        "him",
        "her",
        "them",
        "you",
        "everyone",
        "everybody",
        "nobody",
        "someone",
        "somebody",
        "people",
    }
)


@dataclass(frozen=True, slots=True)
class EmotionWord:
    label: str
    start: int  # character offset in the analysed text
    holder: str  # "writer" or the holder's words
    negated: bool

    @property
    def writer(self) -> bool:
        return self.holder == "writer"


def family(label: str) -> frozenset[str]:
    for group in FAMILIES:
        if label in group:
            return group
    return frozenset({label})


def emotion_words(tokens: Sequence[Any]) -> list[EmotionWord]:
    """Emotion words of one sentence (spaCy tokens with ``lemma_``, ``lower_``, ``pos_``, ``tag_``, ``idx``)."""
    out = []
    for k, token in enumerate(tokens):
        label = LABEL_OF.get(token.lower_) or LABEL_OF.get(token.lemma_.lower())
        if label is None or token.pos_ not in {"ADJ", "NOUN", "VERB"}:
            continue
        if token.lower_ == "content" and token.pos_ != "ADJ":
            continue
        holder, negated = _scan_back(tokens, k)
        out.append(EmotionWord(label, int(token.idx), holder, negated))
    return out


def _scan_back(tokens: Sequence[Any], k: int) -> tuple[str, bool]:
    word = tokens[k]
    before = tokens[k - 1] if k > 0 else None
    if word.pos_ == "NOUN" and before is not None and before.tag_ == "PRP$":  # "her anger", "my joy"
        return ("writer" if before.lower_ in FIRST_PERSON else before.text), False
    if word.pos_ == "ADJ" and k + 1 < len(tokens) and tokens[k + 1].pos_ == "NOUN":
        return "writer", _negated_near(tokens, k)  # attributive: "a happy day", "not a happy day"
    negated = False
    comparative = word.tag_ in {"JJR", "RBR"}
    i = k - 1
    while i >= 0:
        t = tokens[i]
        lower, lemma = t.lower_, t.lemma_.lower()
        if lower in NEGATORS or lemma in NEGATORS:
            negated = negated or not comparative  # "couldn't be happier" is not a denial
        elif lower == "longer" and i > 0 and tokens[i - 1].lower_ == "no":
            negated = True
        elif t.pos_ in NOMINAL_POS and t.tag_ != "PRP$":
            return _holder(tokens, i), negated
        elif t.pos_ in SKIP_POS or lemma in LINKING or t.tag_ == "PRP$":
            pass
        else:
            break
        i -= 1
    return "writer", negated


def _negated_near(tokens: Sequence[Any], k: int) -> bool:
    return any(t.lower_ in NEGATORS for t in tokens[max(0, k - 3) : k])


def _holder(tokens: Sequence[Any], i: int) -> str:
    """The holder named by the nominal at ``i``: "writer" for the first person and for words that are not
    people ("it", "the day"); else the words, with a possessive before them ("my mother")."""
    t = tokens[i]
    lower = t.lower_
    if lower in FIRST_PERSON:
        return "writer"
    person = (
        t.pos_ == "PROPN"
        or lower in OTHER_PRONOUNS
        or lower in ROLE_OF_WORD
        or t.lemma_.lower() in ROLE_OF_WORD
    )
    if not person:
        return "writer"
    start = i
    if start > 0 and tokens[start - 1].tag_ in {"PRP$", "POS"}:
        start -= 1
        if tokens[start].tag_ == "POS" and start > 0:
            start -= 1
    return " ".join(tok.text for tok in tokens[start : i + 1])


@dataclass(frozen=True, slots=True)
class Scope:
    denied: frozenset[str]  # labels to drop
    others: Mapping[str, str]  # label -> holder, for feelings that belong to someone else


def scope_labels(labels: Iterable[str], words: Sequence[EmotionWord]) -> Scope:
    """Decide, per predicted label, whether it is denied or someone else's (see the module docstring)."""
    denied: set[str] = set()
    others: dict[str, str] = {}
    for label in labels:
        anchors = [w for w in words if w.label in family(label)]
        if not anchors:
            continue
        if all(w.negated for w in anchors if w.writer) and any(w.writer for w in anchors):
            denied.add(label)
            continue
        if all(not w.writer for w in anchors):
            own = [w for w in anchors if not w.negated] or anchors
            if all(w.negated for w in anchors):
                denied.add(label)  # someone else's feeling, denied: nothing to credit anyone with
            else:
                others[label] = own[0].holder
    return Scope(frozenset(denied), others)
