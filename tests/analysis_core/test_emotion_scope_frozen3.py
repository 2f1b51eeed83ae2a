"""The journal layer's mechanisms added after the frozen3 batch's misses (layer 1.4.0), one test per mechanism.

Sentences here are written for these tests (not copied from any fixture batch)."""

from __future__ import annotations

import pytest
from emotion_scope_kit import decide_text as _decide
from emotion_scope_kit import moods as _moods

from reverie.analysis.emotion_scope import NEUTRAL, cues
from reverie.analysis.onnx_encoder import OnnxEncoder

# --- sarcasm: praise that opens a sentence whose news is a mishap, or an ironic tag that closes it -----------


@pytest.mark.parametrize(
    ("text", "sarcastic"),
    [
        ("Oh lovely, the dishwasher has flooded the kitchen again.", True),
        ("Brilliant news, the flight is delayed by six hours.", True),
        ("I just love it when the printer jams five minutes before a deadline.", True),
        ("What a joy, forty minutes in the queue at the post office.", True),
        ("Thanks ever so much to whoever nicked my bike lights.", True),
        ("My neighbour parked across my drive again, how considerate of him.", True),
        # praise before good news, or with no mishap, is praise
        ("Oh lovely, my sister has sent flowers.", False),
        ("Brilliant news, she got the job.", False),
        ("I love it when the garden is full of bees.", False),
        ("She brought me soup, how thoughtful of her.", False),
    ],
)
def test_praise_around_a_mishap_is_sarcasm(text: str, sarcastic: bool) -> None:
    assert cues(text).sarcasm is sarcastic


def test_ironic_thanks_is_not_gratitude() -> None:
    labels = _decide("Thanks so much to whoever took my parking space again.", gratitude=0.9, admiration=0.3)
    assert "gratitude" not in labels and "admiration" not in labels
    assert labels[0] == "annoyance"


# --- bodily signs: more feelings, and the sign a few words on -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("My knees would not stop trembling on the stage.", "nervousness"),
        ("My chest got tight the moment the phone rang.", "nervousness"),
        ("Cheeks burning when the teacher read out my mark.", "embarrassment"),
        ("I went bright red in front of everyone.", "embarrassment"),
        ("Sat through the whole meeting with my fists clenched.", "anger"),
        ("Had a lump in my throat all through the speech.", "sadness"),
        ("After the results I could finally breathe again.", "relief"),
    ],
)
def test_bodily_signs_of_other_feelings(text: str, label: str) -> None:
    assert label in cues(text).phrases


def test_a_bodily_sign_answers_where_the_head_reads_neutral() -> None:
    assert _decide("Teeth gritted through the whole dinner.", neutral=0.8, admiration=0.25)[0] == "anger"


# --- a hard time and a pleasure played down -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The week at work was a bit grim, all in all.", "sadness"),
        ("Dad's in hospital again. Bit of a week.", "sadness"),
        ("I was rather put out that nobody asked me.", "disappointment"),
        ("We got the flat, which was nice.", "joy"),
        ("The exam went, I think, pretty well.", "joy"),
    ],
)
def test_played_down_feelings(text: str, label: str) -> None:
    assert label in cues(text).phrases


# --- negation scope -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negated quantity: "not a shred of", "without an ounce of"
        ("Left the job and not a shred of guilt.", [("remorse", "writer", True, "stated")]),
        ("Walked in without an ounce of fear.", [("fear", "writer", True, "stated")]),
        # "in love" carries its negation
        ("I am not in love with her now.", [("love", "writer", True, "stated")]),
        # the negation stands before the causer: "didn't make me …"
        ("The comedy didn't make me laugh once.", [("amusement", "writer", True, "seen")]),
        ("The news never made me happy.", [("joy", "writer", True, "stated")]),
        # a longing denied, whatever is not missed; a missed bus is no longing
        ("I honestly don't miss the office.", [("sadness", "writer", True, "stated")]),
        ("I didn't miss the bus.", []),
        # a feeling word opening a sentence is no name and no holder
        (
            "Glad the week is over and dreading Monday.",
            [("joy", "writer", False, "stated"), ("nervousness", "writer", False, "stated")],
        ),
    ],
)
def test_negation_scope_added_for_frozen3(text: str, expected: list[tuple[str, str, bool, str]]) -> None:
    assert _moods(text) == expected


def test_a_withheld_sign_is_no_letdown() -> None:
    """'It didn't make me laugh' says there was no reaction: no amusement, and no disappointment read in."""
    labels = _decide(
        "The sitcom everyone loves didn't make me laugh once.", amusement=0.4, joy=0.3, neutral=0.25
    )
    assert not set(labels) & {"amusement", "joy", "disappointment", "sadness"}


def test_a_good_feeling_that_has_passed_reads_as_sadness() -> None:
    labels = _decide("I'm not in love with her any more.", love=0.3, disappointment=0.25, sadness=0.2)
    assert labels[0] == "sadness" and "love" not in labels


def test_a_denied_longing_is_nothing_to_credit() -> None:
    labels = _decide("I honestly don't miss the office.", sadness=0.3, disappointment=0.25, neutral=0.2)
    assert not set(labels) & {"sadness", "disappointment", "grief"}


def test_missing_someone_is_sadness_whatever_member_the_head_prefers() -> None:
    labels = _decide("I miss her so much.", disappointment=0.3, neutral=0.4)
    assert labels[0] == "sadness"


# --- words and figures the lexicon lacked ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("At the reunion I felt like a total fraud.", "embarrassment"),
        ("That paramedic, I owe him my life.", "gratitude"),
        ("I feel terrible about what I did to her.", "remorse"),
        ("I can't stop wondering who sent the card.", "nervousness"),
        ("Lay awake wondering if we'll ever get the deposit back.", "nervousness"),
        ("My sister makes me want to be kinder.", "admiration"),
        ("I just can't trust him after that.", "disappointment"),
    ],
)
def test_figures_added_for_frozen3(text: str, label: str) -> None:
    assert label in [m[0] for m in _moods(text) if m[1] == "writer" and not m[2]]


def test_a_condition_that_will_not_come_is_no_worry() -> None:
    """'I'd cry if she wrote, which she won't': the foreseen tears are not a worry about what comes."""
    assert cues("I'd cry if she ever wrote, which she won't.").counterfactual
    labels = _decide("I'd cry if she ever wrote, which she won't.", sadness=0.25, neutral=0.35)
    assert "nervousness" not in labels


def test_seen_frozen3_dev4_dev5_keep_their_floors(encoder: OnnxEncoder) -> None:
    """Layer 1.4.0 on frozen3 (seen: tuned on after its one held-out run at 0.515 / 0.235 with layer 1.3.0):
    0.985 top label plausible, 0 wrongly credited; on dev4 (written before its first run, 0.643 / 0.238 then;
    tuned on since) 0.952 / 0; on dev5 (the same, 0.639 / 0.194 at its first run) 0.944 / 0.056. Floors a little
    under, so a change that slides back fails."""
    from pathlib import Path

    from reverie.analysis.evaluation.emotions import evaluate_journal_emotions

    fixtures = Path(__file__).parents[1] / "fixtures"
    floors = {"emotion_journal_frozen3.jsonl": (0.95, 0.02), "emotion_journal_dev4.jsonl": (0.92, 0.02)}
    floors["emotion_journal_dev5.jsonl"] = (0.91, 0.06)
    for name, (floor, ceiling) in floors.items():
        report = evaluate_journal_emotions(fixtures / name, encoder=encoder)
        assert report["top_plausible"] >= floor, name
        assert report["wrongly_credited"] <= ceiling, name


def test_a_sure_neutral_head_needs_more_than_a_weak_leftover() -> None:
    """The head all but sure nothing is felt, and no word for a feeling: a leftover just over its threshold
    is not credited (1.3.0 credited anger to an errand list); a clear one, or one with its word, stays."""
    text = "Took the recycling out and paid the water bill."
    assert _decide(text, neutral=0.9, anger=0.25) == (NEUTRAL,)
    assert "anger" in _decide(text, neutral=0.6, anger=0.25)  # the head not sure: as before
    assert "anger" in _decide(text, neutral=0.85, anger=0.45)  # twice its threshold
    assert _decide("Paid the bill, furious about the charges.", neutral=0.85, anger=0.25)[0] == "anger"


# --- after dev4's first run (its own misses, by mechanism) -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people named by what they do hold their own feelings
        ("The plumber was furious about the old pipes.", [("anger", "plumber", False, "stated")]),
        (
            "The cashier next door looked upset.",
            [("sadness", "cashier", False, "stated"), ("annoyance", "cashier", False, "stated")],
        ),
        ("The soup was upsetting.", []),  # a thing holds nothing (and is no emotion word here)
        # words and figures the lexicon lacked
        ("I resent having to ask twice.", [("anger", "writer", False, "stated")]),
        ("Her letter has knocked me sideways.", [("nervousness", "writer", False, "stated")]),
        ("I've never really felt at home at my sister's.", [("sadness", "writer", False, "stated")]),
    ],
)
def test_holders_and_words_added_for_dev4(text: str, expected: list[tuple[str, str, bool, str]]) -> None:
    assert _moods(text) == expected


@pytest.mark.parametrize(
    ("text", "sarcastic"),
    [
        ("Superb, the fridge has died two days before the party.", True),
        ("Well done me, losing my keys for the third time this week.", True),
        ("Thanks for watering my plants, so considerate of you.", False),
        ("Thanks for the lift, so kind of you.", False),
        ("Nothing says Monday like a flat battery.", True),
        ("Superb, the parcel came early.", False),
    ],
)
def test_more_ironic_openers_and_tags(text: str, sarcastic: bool) -> None:
    assert cues(text).sarcasm is sarcastic


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Could not stop trembling in the waiting room.", "nervousness"),
        ("Found myself grinding my teeth on the phone to the bank.", "anger"),
        ("My throat tightened as they lowered the coffin.", "sadness"),
    ],
)
def test_bodily_signs_added_for_dev4(text: str, label: str) -> None:
    assert label in cues(text).phrases


def test_own_good_news_is_read_when_nothing_else_is() -> None:
    """'I'd have been devastated if we'd lost, but we won': the counterfactual drops the hurt; the news is joy."""
    text = "I'd have been devastated if she'd said no, but I got the job."
    assert _decide(text, disappointment=0.3, neutral=0.25)[0] == "joy"
    assert _decide("We won the quiz.", neutral=0.6)[0] == "joy"
    assert (
        _decide("We won the quiz, and I'm so relieved.", relief=0.3)[0] == "relief"
    )  # a named feeling first


# --- after dev5's first run --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Not bitter about it at all.", [("anger", "writer", True, "stated")]),
        ("A bitter wind off the estuary.", []),
        (
            "I wasn't even a tiny bit jealous, and not a little bit lonely.",
            [("sadness", "writer", True, "stated")],
        ),
        ("I didn't enjoy the concert.", [("joy", "writer", True, "stated")]),
        ("The twins were shrieking with excitement.", [("excitement", "twins", False, "stated")]),
        ("I was shaking with fear.", [("fear", "writer", False, "stated")]),
    ],
)
def test_holders_and_words_added_for_dev5(text: str, expected: list[tuple[str, str, bool, str]]) -> None:
    assert _moods(text) == expected


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The move wasn't quite the nightmare we'd feared.", "relief"),
        ("I couldn't exactly call the holiday a success.", "disappointment"),
        ("Her heart was in her mouth, and my hands were sweaty.", "nervousness"),
    ],
)
def test_played_down_and_bodily_cues_added_for_dev5(text: str, label: str) -> None:
    assert label in cues(text).phrases


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Dad's death has left a huge hole in the house.", "sadness"),
        ("I felt sick to my stomach reading the report.", "nervousness"),
        ("When he is late I always fear the worst.", "nervousness"),
    ],
)
def test_figures_added_for_dev5(text: str, label: str) -> None:
    assert label in [m[0] for m in _moods(text) if m[1] == "writer" and not m[2]]


def test_more_sarcasm_for_dev5() -> None:
    assert cues("Yeah, because exactly what I wanted was a flat tyre.").sarcasm
    assert cues("Marvellous work by the station, closing the lifts again.").sarcasm
    assert not cues("Oh good, I'm fine.").sarcasm  # "fine" is no mishap


def test_a_figure_of_speech_names_its_member() -> None:
    """'left a hole' names sadness; the head's pick inside the family (disappointment) does not replace it."""
    assert _decide("Losing the cat has left a hole.", disappointment=0.3, neutral=0.3)[0] == "sadness"
