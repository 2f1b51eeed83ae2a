"""What the journal layer's tests share: GoEmotions' 28 labels, flat thresholds, and the layer's reading of one
sentence from given head probabilities (no encoder needed)."""

from __future__ import annotations

from reverie.analysis.document import load_spacy
from reverie.analysis.emotion_scope import NEUTRAL, cues, decide, emotion_words

LABELS = [
    "admiration",
    "amusement",
    "anger",
    "annoyance",
    "approval",
    "caring",
    "confusion",
    "curiosity",
    "desire",
    "disappointment",
    "disapproval",
    "disgust",
    "embarrassment",
    "excitement",
    "fear",
    "gratitude",
    "grief",
    "joy",
    "love",
    "nervousness",
    "optimism",
    "pride",
    "realization",
    "relief",
    "remorse",
    "sadness",
    "surprise",
    "neutral",
]
THRESHOLDS = {label: 0.2 for label in LABELS} | {NEUTRAL: 0.3}


def probs_of(**given: float) -> dict[str, float]:
    """The head's probabilities: the given labels, 0.01 for every other."""
    return {label: given.get(label, 0.01) for label in LABELS}


def moods(text: str) -> list[tuple[str, str, bool, str]]:
    """The sentence's emotion words: (label, holder, negated, mood)."""
    doc = load_spacy()(text)
    return [(w.label, w.holder, w.negated, w.mood) for w in emotion_words(list(doc))]


def decide_text(text: str, following: str = "", **given: float) -> tuple[str, ...]:
    """The layer's labels for ``text`` (``following``: the next sentence) with the head's ``given`` probabilities."""
    probs = probs_of(**given)
    chosen = [label for label, p in probs.items() if p >= THRESHOLDS[label]] or [
        max(probs, key=probs.__getitem__)
    ]
    doc = load_spacy()(text)
    return decide(probs, THRESHOLDS, chosen, emotion_words(list(doc)), cues(text, following)).labels
