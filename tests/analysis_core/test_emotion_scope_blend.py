"""The journal layer's rules made independent of the head's threshold scale (layer 1.6.0, e9): the blend with the
emotions top layer has its own thresholds (neutral 0.48 against the head's 0.32), so a rule may not read a
probability as if it came from one head. Sentences written for these tests."""

from __future__ import annotations

from emotion_scope_kit import LABELS, probs_of
from emotion_scope_kit import moods as _moods

from reverie.analysis.document import load_spacy
from reverie.analysis.emotion_scope import NEUTRAL, cues, decide, emotion_words, nearest

# thresholds shaped like the blend's: neutral high, the rest apart
BLEND_LIKE = {label: 0.2 for label in LABELS} | {
    NEUTRAL: 0.48,
    "desire": 0.23,
    "anger": 0.12,
    "annoyance": 0.15,
}


def _read(text: str, **given: float) -> tuple[tuple[str, ...], dict[str, str]]:
    """The layer's labels and others' feelings for ``text``, chosen as the head chooses (its most likely label
    where none reaches its threshold)."""
    probs = probs_of(**given)
    chosen = [lab for lab, p in probs.items() if p >= BLEND_LIKE[lab]] or [max(probs, key=probs.__getitem__)]
    doc = load_spacy()(text)
    reading = decide(probs, BLEND_LIKE, chosen, emotion_words(list(doc)), cues(text))
    return reading.labels, dict(reading.others)


def test_nearest_compares_each_label_with_its_own_threshold() -> None:
    assert nearest({"neutral": 0.30, "desire": 0.18}, {"neutral": 0.48, "desire": 0.23}) == "desire"
    assert nearest({"neutral": 0.44, "desire": 0.18}, {"neutral": 0.48, "desire": 0.23}) == "neutral"


def test_with_nothing_over_threshold_the_layer_reads_the_label_nearest_its_own() -> None:
    text = "I keep thinking about the summer we spent at the lake."
    # neutral is the most likely label but far under its threshold; desire is nearer its own
    assert _read(text, neutral=0.30, desire=0.18)[0] == ("desire",)
    # neutral near its threshold stays the reading (an abstention)
    assert _read(text, neutral=0.44, desire=0.18)[0] == (NEUTRAL,)
    # a label over its threshold is the head's reading, as before
    assert set(_read(text, neutral=0.60, desire=0.25)[0]) == {"desire", NEUTRAL}


def test_a_writers_sign_outranks_a_label_under_its_threshold() -> None:
    text = "Kept grinning at my phone all afternoon."
    assert ("joy", "writer", False, "seen") in _moods(text)
    assert _read(text, neutral=0.20, annoyance=0.12)[0] == ("joy",)  # annoyance is only the nearest
    assert _read(text, neutral=0.20, annoyance=0.20)[0] == ("annoyance",)  # the head read annoyance


def test_someone_elses_named_feeling_needs_half_its_threshold_from_the_head() -> None:
    text = "My brother was furious about the car and I felt guilty."
    assert ("anger", "My brother", False, "stated") in _moods(text)
    labels, others = _read(text, anger=0.08, remorse=0.5)
    assert others == {"anger": "My brother"} and "anger" not in labels
    labels, others = _read(text, anger=0.04, remorse=0.5)  # under half of 0.12: not read as anyone's
    assert "anger" not in others and "anger" not in labels


def test_a_verb_said_again_for_emphasis_keeps_its_holder() -> None:
    assert _moods("Dad cried at the wedding, actually cried.") == [
        ("sadness", "Dad", False, "seen"),
        ("sadness", "Dad", False, "seen"),
    ]
    # a subject of its own, or another verb: the repeat's own holder
    assert _moods("Dad cried at the wedding, and I cried.")[1][1] == "writer"
    assert _moods("I laughed at the joke, she really laughed.")[1][1] == "she"
