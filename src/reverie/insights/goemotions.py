"""The GoEmotions taxonomy (27 emotions + neutral) and its positive / negative / ambiguous grouping."""

from __future__ import annotations

POSITIVE = frozenset(
    {
        "admiration",
        "amusement",
        "approval",
        "caring",
        "desire",
        "excitement",
        "gratitude",
        "joy",
        "love",
        "optimism",
        "pride",
        "relief",
    }
)
NEGATIVE = frozenset(
    {
        "anger",
        "annoyance",
        "disappointment",
        "disapproval",
        "disgust",
        "embarrassment",
        "fear",
        "grief",
        "nervousness",
        "remorse",
        "sadness",
    }
)
AMBIGUOUS = frozenset({"confusion", "curiosity", "realization", "surprise"})
EMOTIONS = POSITIVE | NEGATIVE | AMBIGUOUS
NEUTRAL = "neutral"
ANXIETY = frozenset({"fear", "nervousness"})


def valence(emotion: str) -> str:
    """'positive', 'negative' or 'ambiguous' for a GoEmotions label."""
    if emotion in POSITIVE:
        return "positive"
    if emotion in NEGATIVE:
        return "negative"
    return "ambiguous"
