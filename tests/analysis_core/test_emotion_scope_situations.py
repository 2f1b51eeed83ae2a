"""Layer 1.8.0 (e11): the mechanisms behind frozen9's misses, and feelings carried by a situation with no feeling
word, each tested both ways on sentences written for these tests (none copied from a fixture)."""

from __future__ import annotations

import pytest
from emotion_scope_kit import THRESHOLDS, probs_of

from reverie.analysis.document import load_spacy
from reverie.analysis.emotion_scope import cues, decide, emotion_words


def _read(text: str, following: str = "", **given: float) -> tuple[tuple[str, ...], dict[str, str]]:
    """The layer's labels and others' feelings for ``text`` (``following``: the next sentence)."""
    probs = probs_of(**given)
    chosen = [label for label, p in probs.items() if p >= THRESHOLDS[label]] or [
        max(probs, key=probs.__getitem__)
    ]
    doc = load_spacy()(text)
    reading = decide(probs, THRESHOLDS, chosen, emotion_words(list(doc)), cues(text, following))
    return reading.labels, dict(reading.others)


def _top(text: str, following: str = "", **given: float) -> str:
    return _read(text, following, **given)[0][0]


# --- sarcasm ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sarcastic"),
    [
        ("Och brilliant, the boiler's packed in again.", True),
        ("Ooh lovely, a queue right round the block at the chemist.", True),
        ("Very nice of the council, they closed the library on a Saturday.", True),
        ("Lovely weather for a barbecue, chucking it down all afternoon.", True),
        ("Gorgeous bank holiday so far, drizzle since breakfast.", False),  # no praise opener the layer knows
        ("Aw lovely, my sister sent flowers for my birthday.", False),  # no mishap
        ("Very nice of my neighbour to bring the bins in.", False),
        ("Lovely morning for a walk, sunshine the whole way.", False),
    ],
)
def test_praise_after_an_interjection_and_rain_as_a_mishap(text: str, sarcastic: bool) -> None:
    assert cues(text).sarcasm is sarcastic


def test_an_ironic_tag_in_the_next_sentence_turns_the_praise() -> None:
    assert cues("Love it when the bins get collected early.", "What fun.").sarcasm
    assert cues("Love it when the printer jams before a deadline.", "Living the dream.").sarcasm
    labels, _ = _read("Love it when the bins get collected early.", "What fun.", love=0.6)
    assert labels[0] == "annoyance"
    # a sincere line after it, or a tag that may be meant, leaves the praise alone
    assert not cues("Love it when my nephew sings to me.", "He is the best.").sarcasm
    assert not cues("Love it when my nephew sings to me.", "Best day ever.").sarcasm
    assert _top("Love it when my nephew sings to me.", "Best day ever.", love=0.6) == "love"
    # a tag without praise before it changes nothing
    assert not cues("The plumber came at nine.", "What fun.").sarcasm


# --- bodily signs and what one does -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My heart was going like a kettle drum all through the interview.",
        "My chest like a hammer before she opened the envelope.",
        "Heart drumming the whole drive to the clinic.",
    ],
)
def test_the_heart_as_a_drum_is_a_sign_of_nerves(text: str) -> None:
    assert "nervousness" in cues(text).phrases
    assert _top(text, neutral=0.6) == "nervousness"


def test_a_drum_that_is_not_the_writers_heart_is_no_sign() -> None:
    assert "nervousness" not in cues("The fireworks were like a drum in my chest, brilliant show.").phrases
    assert "nervousness" not in cues("Bought a second-hand drum kit for the garage.").phrases
    assert "nervousness" not in cues("His heart was going like a drum after the sprint.").phrases


def test_anger_acted_out_is_the_doers_sign() -> None:
    assert _top("I slammed the bedroom door and didn't come out for an hour.", neutral=0.6) == "anger"
    assert _top("Punched the wall after the call.", neutral=0.6) == "anger"
    assert _top("Stormed out of the meeting before the end.", neutral=0.6) == "anger"
    # someone else's slammed door is theirs; a denied one is nothing; a sign does not outrank the head's reading
    labels, others = _read("He slammed the door in my face.", neutral=0.6)
    assert labels == ("neutral",) and others == {}
    assert _top("I didn't slam the door this time.", neutral=0.6) == "neutral"
    assert _read("I slammed the door on my way out.", sadness=0.5)[0] == ("sadness",)


def test_restlessness_is_a_sign_of_nerves_that_does_not_outrank_excitement() -> None:
    assert _top("Couldn't sit still all afternoon waiting for the results.", neutral=0.6) == "nervousness"
    assert _top("I paced the hallway until the midwife came out.", neutral=0.6) == "nervousness"
    assert _top("Kickoff tomorrow!!! Can't sit still.", excitement=0.5) == "excitement"
    assert _top("I could sit still for hours by the river.", neutral=0.6) == "neutral"
    assert _top("The cat paced along the fence.", neutral=0.6) == "neutral"


# --- situations with no feeling word ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Checked the back door lock six times before bed.",
        "I checked the oven again and again before we left for the airport.",
        "Double-checked the gas five times and still lay awake.",
    ],
)
def test_checking_a_lock_or_the_oven_over_and_over_is_nerves(text: str) -> None:
    assert _top(text, neutral=0.6) == "nervousness"


def test_checking_once_or_twice_is_an_errand() -> None:
    assert _top("Checked the oven twice and then went out.", neutral=0.6) == "neutral"
    assert _top("The engineer checked the boiler and the taps.", neutral=0.6) == "neutral"


@pytest.mark.parametrize(
    "text",
    [
        "I wasn't even invited to Leanne's hen do.",
        "They all went for a curry without me.",
        "Always left out when the group plans anything.",
        "Nobody saved a seat for me at the assembly.",
    ],
)
def test_being_left_out_is_sadness(text: str) -> None:
    assert _top(text, neutral=0.6) == "sadness"


def test_leaving_something_out_or_being_invited_is_not() -> None:
    assert _top("I left out the onions this time.", neutral=0.6) == "neutral"
    assert "sadness" not in _read("I was invited to Leanne's hen do.", joy=0.45)[0]
    assert _top("They started the film without the popcorn.", neutral=0.6) == "neutral"


@pytest.mark.parametrize(
    "text",
    [
        "The flat is so empty without the boys.",
        "It's too quiet since Dad moved out.",
        "The kitchen feels silent now she has gone.",
    ],
)
def test_a_home_gone_quiet_without_someone_is_sadness(text: str) -> None:
    assert _top(text, neutral=0.6) == "sadness"


def test_quiet_alone_or_a_quiet_that_is_welcome_is_not_sadness() -> None:
    assert _top("The office was quiet today.", neutral=0.6) == "neutral"
    assert _top("Library was empty this morning, got loads done.", neutral=0.6) == "neutral"
    assert _top("I'm still angry since he left.", anger=0.4) == "anger"


# --- frames and holders ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Honestly the turnout was a little lower than we'd hoped.", "disappointment"),
        ("The cake turned out not quite what I had hoped for.", "disappointment"),
        ("It went better than I hoped.", None),
        ("Less painful than I expected, thank goodness.", "relief"),
    ],
)
def test_less_than_hoped_is_disappointment(text: str, expected: str | None) -> None:
    phrases = cues(text).phrases
    if expected is None:
        assert "disappointment" not in phrases
    else:
        assert expected in phrases


def test_south_african_family_words_are_people() -> None:
    labels, others = _read("My boet was furious with the referee.", anger=0.4)
    assert "anger" not in labels and others.get("anger") == "My boet"
    labels, others = _read("Ouma was so proud at my graduation.", pride=0.5)
    assert "pride" not in labels and "pride" in others
    assert _top("I was furious with the referee.", anger=0.4) == "anger"


def test_a_burning_face_with_a_degree_word_is_embarrassment() -> None:
    assert "embarrassment" in cues("My cheeks so red when the coach read out my name.").phrases
    assert "embarrassment" in cues("My face very hot when the nurse said my weight out loud.").phrases
    assert "embarrassment" not in cues("My face was red from the wind.").phrases
    assert "embarrassment" not in cues("Her face very hot after the run.").phrases
