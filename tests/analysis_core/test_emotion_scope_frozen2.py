"""The journal layer's mechanisms added after the frozen2 batch's misses (layer 1.3.0), one test per mechanism.

Sentences here are written for these tests (not copied from any fixture batch)."""

from __future__ import annotations

import pytest
from emotion_scope_kit import LABELS, THRESHOLDS
from emotion_scope_kit import decide_text as _decide
from emotion_scope_kit import moods as _moods

from reverie.analysis import pipeline
from reverie.analysis.document import load_spacy
from reverie.analysis.emotion_scope import NEUTRAL, cues, decide, emotion_words, insistent_spans
from reverie.analysis.onnx_encoder import OnnxEncoder


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


# --- mechanisms added after dev3's misses (dictated, second-language, teenage, formal and older voices) ------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words the lexicon lacked, each with its holder
        ("I felt so helpless at the bedside.", [("sadness", "writer", False, "stated")]),
        ("I am apprehensive about the move.", [("nervousness", "writer", False, "stated")]),
        ("My aunt seemed distressed on the phone.", [("sadness", "My aunt", False, "stated")]),
        # a denial disowned is an affirmation
        ("I'd be lying if I said I wasn't shaken.", [("nervousness", "writer", False, "stated")]),
        # no spirit for what should please: the positive word is denied
        ("I couldn't muster any enthusiasm for the trip.", [("excitement", "writer", True, "stated")]),
        # figures of speech: rumination, a flap, "well I never", loneliness, an outburst held back
        ("I can't stop thinking about the letter.", [("nervousness", "writer", False, "stated")]),
        ("Got myself in a right flap over the bus times.", [("nervousness", "writer", False, "stated")]),
        ("Well I never, the parcel came on time!", [("surprise", "writer", False, "stated")]),
        ("No one ever visits me now.", [("sadness", "writer", False, "stated")]),
        ("I could have screamed at the queue.", [("annoyance", "writer", False, "stated")]),
        # a smile is a sign of joy, a feel-word of "nothing wrong"
        ("Couldn't stop grinning all the way home.", [("joy", "writer", False, "seen")]),
        ("Honestly I feel okay.", [("neutral", "writer", False, "stated")]),
    ],
)
def test_holders_and_words_added_for_dev3(text: str, expected: list[tuple[str, str, bool, str]]) -> None:
    assert _moods(text) == expected


def test_cues_added_for_dev3() -> None:
    assert cues("The results were not what we had hoped for.").phrases == ("disappointment",)
    assert cues("I can't find any joy in cooking lately.").phrases == ("sadness",)
    assert cues("I'm not as confident as I used to be on the stairs.").phrases == ("nervousness",)
    assert cues("great great great", insistent=False).sarcasm  # praise three times running
    assert not cues("Lovely weather, lovely walk, lovely to see Ruth.").sarcasm  # praise of three things
    assert insistent_spans("I'm good. It's good. All good.") != []
    assert insistent_spans("Good soup, good bread, good company.") == []
    assert cues("Nice.", "The bus left without me.").sarcasm  # deadpan


def test_a_named_feeling_outranks_an_inferred_one() -> None:
    """'I should be proud but I feel empty': the owed pride is read as disappointment, but the writer's
    own word (sadness) comes first and alone is marked as said."""
    probs = {label: 0.01 for label in LABELS} | {"disappointment": 0.3, "pride": 0.4}
    text = "They say I ought to be proud, but I feel empty."
    words = emotion_words(list(load_spacy()(text)))
    reading = decide(probs, THRESHOLDS, ["pride", "disappointment"], words, cues(text))
    assert reading.labels[0] == "sadness"
    assert reading.stated == frozenset({"sadness"})


def test_the_writers_own_okay_outranks_what_others_say_of_them() -> None:
    labels = _decide("My daughter says I'm anxious, but I feel fine.", nervousness=0.6, sadness=0.3)
    assert labels == (NEUTRAL,)


def test_a_writers_sign_is_read_when_the_head_sees_nothing() -> None:
    assert _decide("Been smiling since breakfast", neutral=0.6)[0] == "joy"
    # but someone else's laughter does not make the writer's weak labels go
    labels = _decide("We had a picnic and the twins were giggling.", joy=0.25, neutral=0.2)
    assert labels[0] == "joy"


def test_seen_journal_sets_keep_their_floors(encoder: OnnxEncoder) -> None:
    """Layer 1.5.0 on the seen sets (all tuning material now), top label plausible / wrongly credited: base and
    frozen 1.0 / 0, dev2 0.96 / 0.02, frozen2 0.98 / 0.02 (0.75 / 0.115 when measured held out), dev3 0.97 / 0
    (0.667 / 0.045 on its one run before tuning), frozen4 0.887 / 0.057 (0.585 / 0.151 when measured held out
    with layer 1.4.0), dev6 0.575 / 0.15 (0.35 / 0.20 on its first run, written before it, with 1.5.0's frozen4
    fixes and with 1.4.0 alike). Floors a little under those, so a later change that slides back fails here."""
    from pathlib import Path

    from reverie.analysis.evaluation.emotions import evaluate_journal_emotions

    fixtures = Path(__file__).parents[1] / "fixtures"
    floors = {"emotion_journal.jsonl": (0.97, 0.04), "emotion_journal_frozen.jsonl": (0.95, 0.04)}
    # dev2 reset from 0.94 to its measured 0.88 when the top layer was switched on (pre-registered rule 6,
    # docs/models.md, the journal layer on the blend): four sentences with no emotion word now read by the blend, not the head alone
    floors |= {"emotion_journal_dev2.jsonl": (0.88, 0.04), "emotion_journal_frozen2.jsonl": (0.96, 0.04)}
    floors |= {"emotion_journal_dev3.jsonl": (0.95, 0.04), "emotion_journal_frozen4.jsonl": (0.86, 0.08)}
    floors["emotion_journal_dev6.jsonl"] = (0.55, 0.175)
    # frozen5: written by an engineer who tuned nothing, measured once with layer 1.5.0 (0.800 / 0.046; 1.4.0 0.754 /
    # 0.062); seen since
    floors["emotion_journal_frozen5.jsonl"] = (0.78, 0.07)
    # frozen6 (tests/analysis_risk/README_frozen7.md): written by an engineer who tuned nothing, 28 new voices, measured once at the
    # start and the end of the eighth round: 0.446 / 0.138 and 0.446 / 0.123 (the layer unchanged; people 1.2.0
    # recognises one more person whose feeling it is). Far under the goal on new voices; seen since
    floors["emotion_journal_frozen6.jsonl"] = (0.44, 0.13)
    # frozen7 (tests/analysis_risk/README_frozen8.md): another engineer, 29 new voices, measured once at the start and
    # the end of the ninth round (no change to the layer): 0.439 / 0.106, the head alone 0.212 / 0.197; seen since
    floors["emotion_journal_frozen7.jsonl"] = (0.43, 0.11)
    # top layer on with journal layer 1.6.0 (e9): frozen6 0.492 / 0.123, frozen7 0.500 / 0.106
    floors["emotion_journal_frozen6.jsonl"] = (0.49, 0.13)
    floors["emotion_journal_frozen7.jsonl"] = (0.50, 0.11)
    # frozen8 (tests/fixtures/README_frozen_batches9.md): two engineers who tuned nothing, measured once at the start
    # and the end of the tenth round with the switch off: 0.615 / 0.108 both; the pre-registered candidate (top layer
    # on) 0.585 / 0.108; with layer 1.6.0 on the blend (seen since) 0.585 / 0.108
    floors["emotion_journal_frozen8.jsonl"] = (0.58, 0.11)
    # layer 1.7.0 (e10), tuned on frozen6/7/8's misses by mechanism (seen; docs/models.md, "Journal layer on new
    # voices (e10)"): frozen6 0.615 / 0.046, frozen7 0.803 / 0.045, frozen8 0.846 / 0.015
    floors["emotion_journal_frozen6.jsonl"] = (0.61, 0.05)
    floors["emotion_journal_frozen7.jsonl"] = (0.80, 0.05)
    floors["emotion_journal_frozen8.jsonl"] = (0.84, 0.02)
    # frozen9 (tests/fixtures/README_frozen_batches10.md): an engineer who tuned nothing, 30 new voices, measured once
    # at the start (0d1aed3: top layer on, layer 1.6.0) and the end of the twelfth round (layer 1.7.0): 0.738 / 0.092
    # and 0.754 / 0.092; seen since
    floors["emotion_journal_frozen9.jsonl"] = (0.75, 0.10)
    # layer 1.8.0 (e11), tuned on frozen9's misses by mechanism and read on the others' abstentions (seen; docs/models.md,
    # "Journal layer 1.8.0 (e11)"): frozen9 0.862 / 0.031, frozen5 0.831 / 0.031
    floors["emotion_journal_frozen9.jsonl"] = (0.86, 0.04)
    floors["emotion_journal_frozen5.jsonl"] = (0.82, 0.04)
    # frozen10 (tests/fixtures/README_frozen_batches11.md): an engineer who tuned nothing, 30 new voices, measured once
    # at the start (37ac967: layer 1.7.0) and the end of the session (layer 1.8.0): 0.646 / 0.123 and 0.662 / 0.108;
    # seen since
    floors["emotion_journal_frozen10.jsonl"] = (0.66, 0.11)
    # layer 1.9.0 (e12), tuned on frozen10's misses by mechanism (seen; docs/models.md, "Journal layer 1.9.0 (e12)"):
    # frozen10 0.815 / 0.031; not read this round but moved by the same mechanisms: frozen9 0.877 / 0.031 ("miss the
    # old flat"), dev2 0.92 / 0.02 ("couldn't care less")
    floors["emotion_journal_frozen10.jsonl"] = (0.81, 0.04)
    floors["emotion_journal_frozen9.jsonl"] = (0.87, 0.04)
    floors["emotion_journal_dev2.jsonl"] = (0.92, 0.02)
    # frozen11 (tests/fixtures/README_frozen_batches12.md): an engineer who tuned nothing, 26 new voices, measured once
    # at the start (bfb32e7: layer 1.8.0) and the end of the session (layer 1.9.0): 0.708 / 0.138 and 0.723 / 0.138;
    # seen since
    floors["emotion_journal_frozen11.jsonl"] = (0.72, 0.14)
    # layer 1.10.0 (e13), tuned on frozen11's and frozen10's misses by mechanism, the other sets' misses listed to
    # judge recurrence (seen; docs/models.md, "Journal layer 1.10.0 (e13)"): frozen11 0.831 / 0.031, frozen10
    # 0.877 / 0.031, frozen9 0.908 / 0.031 (a close one's letter kept, a call to hear a voice), frozen5 0.831 /
    # 0.015 (an in-law's feeling no longer the writer's)
    floors["emotion_journal_frozen11.jsonl"] = (0.83, 0.04)
    floors["emotion_journal_frozen10.jsonl"] = (0.87, 0.04)
    floors["emotion_journal_frozen9.jsonl"] = (0.90, 0.04)
    floors["emotion_journal_frozen5.jsonl"] = (0.82, 0.02)
    # and by a step of recovery without its aid ("… without the frame", two writers' sets) and good news played
    # down ("Got the job. It is not so bad"): dev6 0.625 / 0.125, frozen7 0.833 / 0.045, frozen5 0.846 / 0.015
    floors["emotion_journal_dev6.jsonl"] = (0.62, 0.13)
    # frozen12 (tests/fixtures/README_frozen_batches13.md): an engineer who tuned nothing, 28 new voices, measured once
    # at the start (1c20fed: layer 1.9.0) and the end of the session (layer 1.10.0): 0.585 / 0.154 and 0.600 / 0.154;
    # seen since
    floors["emotion_journal_frozen12.jsonl"] = (0.60, 0.16)
    floors["emotion_journal_frozen7.jsonl"] = (0.83, 0.05)
    floors["emotion_journal_frozen5.jsonl"] = (0.84, 0.02)
    # emotions 1.11.0 (e14): the implied-feeling head, shipped by a rule fixed before it was run on these sets (no
    # set loses more than one line, the total rises; docs/models.md, "Implied-feeling head on a larger bank (e14)"):
    # frozen5 0.846 -> 0.831 (one line whose writer expected no feeling), dev6 0.625 -> 0.675, frozen12 0.600 -> 0.615
    floors["emotion_journal_frozen5.jsonl"] = (0.83, 0.02)
    floors["emotion_journal_dev6.jsonl"] = (0.67, 0.10)
    floors["emotion_journal_frozen12.jsonl"] = (0.61, 0.16)
    # frozen13 (tests/fixtures/README_frozen_batches16.md): an engineer who tuned nothing, 26 new voices, measured once
    # before (af1832d: layer 1.10.0) and after e14's merge (emotions 1.11.0): 0.800 / 0.046 both; seen since
    floors["emotion_journal_frozen13.jsonl"] = (0.80, 0.05)
    # frozen14 (tests/fixtures/README_frozen_batches17.md): an engineer who tuned nothing, 26 new voices, measured once
    # before (926b60e: emotions 1.11.0) and after e15's merge (1.12.0): 0.723 / 0.077 both; seen since
    floors["emotion_journal_frozen14.jsonl"] = (0.72, 0.08)
    # emotions 1.12.0 (e15): wrong credits by mechanism (a thing judged funny, a laugh or smile put on "along"; seen;
    # docs/models.md, "Journal layer, fifteenth round (e15)"): frozen6 0.646 / 0.031, dev6 0.675 / 0.075, frozen9
    # 0.908 / 0.015; and a plain feeling unread (being loved, felt): frozen5 0.846 / 0.015
    floors["emotion_journal_frozen6.jsonl"] = (0.64, 0.04)
    floors["emotion_journal_frozen5.jsonl"] = (0.84, 0.02)
    floors["emotion_journal_dev6.jsonl"] = (0.67, 0.08)
    floors["emotion_journal_frozen9.jsonl"] = (0.90, 0.02)
    # frozen15 (tests/fixtures/README_frozen_batches18.md): a writer who read no code, 26 new voices, measured once
    # before (2a70cac: emotions 1.12.0) and after e16 (1.13.0: two named feelings both the writer's): 0.677 / 0.031
    # both; seen since
    floors["emotion_journal_frozen15.jsonl"] = (0.67, 0.04)
    # frozen16 (tests/fixtures/README_frozen_batches18.md): a second writer who read no code, 26 new voices, measured
    # once with emotions 1.13.0: 0.646 / 0.092; seen since
    floors["emotion_journal_frozen16.jsonl"] = (0.64, 0.10)
    # frozen17 (tests/fixtures/README_frozen_batches19.md): w42, a writer who read no code, weighted on mechanisms,
    # measured once with emotions 1.19.0 and 1.20.0: 0.5875 / 0.2875; emotions 1.21.0 (h184), tuned on its misses by
    # mechanism (seen; docs/models.md, "Journal layer 1.21.0 (h184)"): 0.700 / 0.15
    floors["emotion_journal_frozen17.jsonl"] = (0.69, 0.15)
    # frozen18 (tests/fixtures/README_frozen_batches20.md): w44, a writer who read no code, the same mechanisms, measured
    # once with emotions 1.20.0 and 1.21.0: 0.4625 / 0.325 both (no line moves); seen since
    floors["emotion_journal_frozen18.jsonl"] = (0.46, 0.33)
    # frozen19 (tests/fixtures/README_frozen_batches21.md): w46, a writer who read no code, the same mechanisms, measured
    # once with emotions 1.21.0 and with h186's owner head on: 0.5125 / 0.1875 both; seen since
    floors["emotion_journal_frozen19.jsonl"] = (0.51, 0.19)
    # emotions 1.23.0 (h192's journal re-ranker, switched on by h196 after it met its rule on the blind frozen20;
    # trained on these files, so in-sample here): frozen8 (65 lines) 1 -> 2 lines wrongly credited, 0.0154 -> 0.0308
    floors["emotion_journal_frozen8.jsonl"] = (0.84, 0.031)
    # frozen20 (tests/fixtures/README_frozen_batches22.md): w49, a writer who read no code, the same mechanisms,
    # measured once with emotions 1.21.0's reading (0.4875 / 0.30) and 1.23.0 with the re-ranker on (0.5625 / 0.2625),
    # which ships; the re-ranker was not trained on it; seen since. h196's guard (no head-only feeling put first from a
    # plan, review r99's rule) then costs one line (0.55 / 0.2625)
    floors["emotion_journal_frozen20.jsonl"] = (0.55, 0.27)
    # frozen21 (tests/fixtures/README_frozen_batches23.md): w52, a writer who read no code, the same mechanisms,
    # measured once with emotions 1.23.0 as shipped (0.70 / 0.1375) and h198's 1.24.0 (0.70 / 0.10), which did not
    # meet its rule; the re-ranker was not trained on it; seen since
    floors["emotion_journal_frozen21.jsonl"] = (0.70, 0.14)
    for name, (floor, ceiling) in floors.items():
        report = evaluate_journal_emotions(fixtures / name, encoder=encoder)
        assert report["top_plausible"] >= floor, name
        assert report["wrongly_credited"] <= ceiling, name


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I was mortified at the checkout.", "embarrassment"),
        ("Feeling deflated after the call.", "disappointment"),
        ("I felt jittery all morning.", "nervousness"),
        ("Honestly I was gobsmacked.", "surprise"),
        ("I'm so exasperated with the council.", "annoyance"),
        ("I was tearful at the station.", "sadness"),
    ],
)
def test_a_wider_lexicon_names_more_feelings(text: str, label: str) -> None:
    """Dev3's first run abstained most where the sentence named a feeling the lexicon lacked."""
    assert _moods(text) == [(label, "writer", False, "stated")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # emoji are the writer's reaction, whoever the sentence is about, read as signs
        # (1.5.0: "annoying" names the writer's annoyance too, whoever is annoying)
        (
            "he is so annoying \U0001f644",
            [("annoyance", "writer", False, "stated"), ("annoyance", "writer", False, "seen")],
        ),
        ("she got the part \U0001f62d", [("sadness", "writer", False, "seen")]),
        ("crying \U0001f602", [("amusement", "writer", False, "seen")]),  # crying with laughter
        # older and formal voices
        ("The damp gets me down.", [("sadness", "writer", False, "stated")]),
        ("Tickled pink with the card.", [("joy", "writer", False, "stated")]),
        ("I confess to some trepidation.", [("nervousness", "writer", False, "stated")]),
        ("Cross the road at the lights.", []),  # "cross" only as an adjective
    ],
)
def test_emoji_and_older_and_formal_idiom(text: str, expected: list[tuple[str, str, bool, str]]) -> None:
    assert _moods(text) == expected


def test_an_emoji_is_read_when_the_head_sees_nothing() -> None:
    assert _decide("got the late shift again \U0001f644", neutral=0.6)[0] == "annoyance"
