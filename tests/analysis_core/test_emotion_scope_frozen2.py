"""The journal layer's mechanisms added after the frozen2 batch's misses (layer 1.3.0), one test per mechanism.

Sentences here are written for these tests (not copied from any fixture batch)."""

from __future__ import annotations

import pytest

from reverie.analysis import pipeline
from reverie.analysis.document import load_spacy
from reverie.analysis.emotion_scope import NEUTRAL, cues, decide, emotion_words
from reverie.analysis.onnx_encoder import OnnxEncoder

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


def _moods(text: str) -> list[tuple[str, str, bool, str]]:
    doc = load_spacy()(text)
    return [(w.label, w.holder, w.negated, w.mood) for w in emotion_words(list(doc))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whose feeling: a person before a post-modifier, the subject of "find X hilarious"
        (
            "The man upstairs was livid about the parking.",
            [("anger", "man", False, "stated")],
        ),
        ("My cousins found the whole show hilarious.", [("amusement", "My cousins", False, "stated")]),
        ("I found the whole show hilarious.", [("amusement", "writer", False, "stated")]),
        # the writer among the subjects
        ("Me and my brother laughed until we cried.", [("amusement", "writer", False, "seen")]),
        # laughter is a sign of amusement, with its holder
        ("Everyone on the bus was giggling.", [("amusement", "Everyone", False, "seen")]),
        # words the lexicon lacked: the noun "worry", "chuffed" alone at the start (tagged as a name)
        ("I lay awake sick with worry.", [("nervousness", "writer", False, "stated")]),
        ("Chuffed, to be honest.", [("joy", "writer", False, "stated")]),
        ("Joy rang me at noon.", []),  # a name stays a name
        # figures of speech: patience running out, "fine with it" held by its subject, helplessness
        ("I am losing my patience with the builders.", [("annoyance", "writer", False, "stated")]),
        ("She says she's fine with that.", [("approval", "she", False, "stated")]),
        ("Grandad is in hospital and I can't be with him.", [("sadness", "writer", False, "stated")]),
    ],
)
def test_holders_and_words_added_for_frozen2(text: str, expected: list[tuple[str, str, bool, str]]) -> None:
    assert _moods(text) == expected


@pytest.mark.parametrize(
    ("text", "following", "field", "value"),
    [
        # the writer set apart from the others' feeling
        ("The whole office cheered at the news; I didn't.", "", "excluded", True),
        ("They were all dancing apart from me.", "", "excluded", True),
        ("I didn't go to the party.", "", "excluded", False),
        # an elliptical fragment: nothing for the head to read
        ("Couldn't.", "", "fragment", True),
        ("Probably not.", "", "fragment", True),
        ("Couldn't sleep.", "", "fragment", False),
        # deadpan praise before other news is sarcasm; an exclamation or a last sentence is not
        ("Marvellous.", "The boiler has broken again.", "sarcasm", True),
        ("Marvellous!", "The boiler is fixed.", "sarcasm", False),
        ("Marvellous.", "", "sarcasm", False),
        ("Brilliant.", "We won the cup!", "sarcasm", False),
        # an ironic count of well-wishers
        ("Lovely to hear from all zero of you on my birthday.", "", "sarcasm", True),
    ],
)
def test_cues_added_for_frozen2(text: str, following: str, field: str, value: bool) -> None:
    assert getattr(cues(text, following), field) is value


def test_understatement_without_an_apostrophe_and_against_expectation() -> None:
    assert cues("wasnt my best day at work tbh").phrases == ("disappointment",)
    assert cues("The injection didn't sting as much as I feared.").phrases == ("relief",)
    assert cues("The interview was easier than I expected.").phrases == ("relief",)
    assert cues("The trip wasn't as fun as we hoped.").phrases == ("disappointment",)
    assert cues("It hurt as much as I expected.").phrases == ()


def _decide(text: str, following: str = "", **given: float) -> tuple[str, ...]:
    probs = {label: given.get(label, 0.01) for label in LABELS}
    chosen = [label for label, p in probs.items() if p >= THRESHOLDS[label]] or [
        max(probs, key=probs.__getitem__)
    ]
    doc = load_spacy()(text)
    return decide(probs, THRESHOLDS, chosen, emotion_words(list(doc)), cues(text, following)).labels


def test_the_writer_apart_from_others_joy_reads_as_a_letdown() -> None:
    labels = _decide("Everyone at the wedding was laughing except me.", amusement=0.85, joy=0.3)
    assert labels[0] in {"disappointment", "sadness"}
    assert "amusement" not in labels and "joy" not in labels


def test_an_elliptical_fragment_abstains() -> None:
    assert _decide("Couldn't.", disapproval=0.3) == (NEUTRAL,)


def test_deadpan_praise_is_not_admiration() -> None:
    labels = _decide("Wonderful.", "The landlord is putting the rent up again.", admiration=0.95, joy=0.3)
    assert "admiration" not in labels and "joy" not in labels
    assert labels[0] == "annoyance"


def test_relief_against_expectation_outranks_a_denied_hurt() -> None:
    labels = _decide("The stitches didn't hurt as much as I expected.", disappointment=0.3, sadness=0.25)
    assert labels[0] == "relief"


def test_deadpan_sarcasm_across_sentences_in_the_analyzer(encoder: OnnxEncoder) -> None:
    """The analyzer gives a sentence its next sentence: "Wonderful." alone before bad news is not praise."""
    result = pipeline.analyse("Wonderful. The car failed its MOT again.", encoder=encoder, only={"emotions"})
    entry = {f.label for f in result.of_kind("emotion") if f.data["scope"] == "entry"}
    assert not entry & {"admiration", "joy", "approval", "excitement"}
