"""The journal layer's mechanisms added after the frozen4 batch's misses (layer 1.5.0), one test per mechanism.

General mechanisms, not sentence shapes: a broader feeling-word map (synonyms, register words, words that name a
feeling only after a feel-verb, adjectives that name what a thing makes the writer feel), the body and its signs
in any word order, owed and regretted feelings, whose temper it is, wondering, hoping, a death in the writer's
life, and English-lexifier creoles read as English. Sentences here are written for these tests (not copied from
any fixture batch)."""

from __future__ import annotations

import pytest
from emotion_scope_kit import decide_text as _decide
from emotion_scope_kit import moods as _moods

from reverie.analysis.document import looks_english
from reverie.analysis.emotion_scope import cues, plain

# --- a broader feeling-word map: a plainly stated feeling always answers --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I was so glum all weekend.", [("sadness", "writer", False, "stated")]),
        ("Still a bit rattled after the phone call.", [("nervousness", "writer", False, "stated")]),
        ("Honestly bummed about the gig being off.", [("disappointment", "writer", False, "stated")]),
        ("My nephew is besotted with the new puppy.", [("love", "My nephew", False, "stated")]),
        ("I was not remotely flustered.", [("nervousness", "writer", True, "stated")]),
    ],
)
def test_synonyms_and_register_words(text: str, expected: list[tuple[str, str, bool, str]]) -> None:
    assert _moods(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I feel awful today.", [("sadness", "writer", False, "stated")]),
        ("Felt weird after the injection.", [("confusion", "writer", False, "stated")]),
        ("I finally feel safe in this flat.", [("relief", "writer", False, "stated")]),
        ("I don't feel good about any of it.", [("joy", "writer", True, "stated")]),
        # the same words without a feel-verb name no feeling
        ("The food was awful and the service was weird.", []),
        ("We had a good time at the beach.", []),
    ],
)
def test_words_that_name_a_feeling_after_a_feel_verb(
    text: str, expected: list[tuple[str, str, bool, str]]
) -> None:
    assert _moods(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The queue at the bank was so frustrating.", [("annoyance", "writer", False, "stated")]),
        ("Her new boyfriend is really annoying.", [("annoyance", "writer", False, "stated")]),
        ("The drive over the pass was scary.", [("fear", "writer", False, "stated")]),
        ("Work was so stressful today.", [("nervousness", "writer", False, "stated")]),
        ("What he said at the party was really hurtful.", [("sadness", "writer", False, "stated")]),
        ("The whole evening was heartwarming.", [("joy", "writer", False, "stated")]),
        # someone who finds a thing so holds the feeling
        (
            "My brother finds the whole thing embarrassing.",
            [("embarrassment", "My brother", False, "stated")],
        ),
    ],
)
def test_what_a_thing_makes_the_writer_feel(text: str, expected: list[tuple[str, str, bool, str]]) -> None:
    assert _moods(text) == expected


def test_a_stated_synonym_answers_where_the_head_reads_nothing() -> None:
    assert _decide("Feeling pretty glum about the whole week.", neutral=0.6)[0] == "sadness"
    assert _decide("The wait for the results was terrifying.", neutral=0.5)[0] == "fear"


# --- owed feelings and whose feeling a phrase of joy or temper is ----------------------------------------------


def test_a_feeling_one_was_meant_to_have_is_owed_not_felt() -> None:
    assert _moods("I was meant to be grateful for the present.") == [
        ("gratitude", "writer", False, "expected")
    ]
    assert _moods("We are expected to feel proud of the merger.") == [("pride", "writer", False, "expected")]
    labels = _decide("I was meant to be thrilled about the move.", excitement=0.7, sadness=0.15)
    assert "excitement" not in labels and labels[0] in {"sadness", "disappointment"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our grandpa wept for joy at the wedding.", [("joy", "Our grandpa", False, "stated")]),
        ("I nearly died of embarrassment.", [("embarrassment", "writer", False, "stated")]),
        ("Dad hit the roof when he saw the phone bill.", [("anger", "Dad", False, "stated")]),
        ("The missus lost her temper with the builders.", [("anger", "missus", False, "stated")]),
        ("I lost my temper with the printer.", [("anger", "writer", False, "stated")]),
    ],
)
def test_a_phrase_of_feeling_is_held_by_its_subject(
    text: str, expected: list[tuple[str, str, bool, str]]
) -> None:
    assert _moods(text) == expected


def test_someone_elses_temper_is_not_the_writers_and_the_writers_laughter_is() -> None:
    labels = _decide("My aunty went off her nut at the referee and I was creased up.", anger=0.3, neutral=0.5)
    assert "anger" not in labels
    assert labels[0] == "amusement"


# --- regret, rumination, a worry with no feeling word, wondering, hoping --------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "present"),
    [
        ("I should have called her back on Friday.", "remorse", True),
        ("Kicking myself for missing the deadline.", "remorse", True),
        ("You should have seen the size of the cake.", "remorse", False),
        ("I should have been happier, on paper.", "remorse", False),  # an owed feeling, not a regret
        ("I keep replaying the interview in my head.", "nervousness", True),
        ("If the landlord sells up I don't know what I'll do.", "nervousness", True),
        ("Fingers crossed the scan is clear.", "optimism", True),
        ("We crossed the road by the school.", "annoyance", False),
        ("Fingers crossed the scan is clear.", "annoyance", False),
    ],
)
def test_regret_rumination_worry_and_hope(text: str, label: str, present: bool) -> None:
    writer = [m[0] for m in _moods(text) if m[1] == "writer" and not m[2]]
    assert (label in writer) is present


@pytest.mark.parametrize(
    ("text", "curious"),
    [
        ("I wonder if the shop opens on Sundays.", True),
        ("Wonder whether the council will ever fix the lights.", True),
        ("Lay awake and wondered what she is doing now.", True),  # the writer, unnamed, as journals go
        ("She wonders if it will rain.", False),
        ("Wondering if I'd ever find another job.", False),  # a worry, read as nervousness
    ],
)
def test_the_writer_wondering_is_curiosity(text: str, curious: bool) -> None:
    assert ("curiosity" in cues(text).phrases) is curious


def test_wondering_outranks_the_heads_surprise() -> None:
    assert _decide("I wonder if the editor read my pitch.", surprise=0.6, curiosity=0.3)[0] == "curiosity"


# --- a death in the writer's life -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "It's been a year since Grandad passed.",
        "Mum gone three years now and I still reach for the phone.",
        "First Christmas without her.",
    ],
)
def test_a_death_named_is_the_writers_grief(text: str) -> None:
    assert ("grief", "writer", False, "stated") in _moods(text)
    assert _decide(text, realization=0.3, neutral=0.4)[0] == "grief"


def test_a_death_phrase_needs_a_death() -> None:
    assert _moods("The bus passed the school at eight.") == []


# --- the body and its signs, in any word order ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("My heart was going so fast in the waiting room.", True),
        ("Stomach turning all morning before the exam.", True),
        ("Legs like jelly on the way to the stage.", True),
        ("Palms all sweaty before the call.", True),
        ("My hands were tremblin' at the till.", True),  # a dropped g
        ("The hands of the clock turned slowly.", False),
        ("My heart was full at the christening.", False),
    ],
)
def test_a_body_part_and_its_sign(text: str, sign: bool) -> None:
    assert ("nervousness" in cues(text).phrases) is sign


def test_dropped_gs_are_read_as_written_out() -> None:
    assert plain("we were laughin' and singin'") == "we were laughing and singing"
    assert plain("the cabin in the woods") == "the cabin in the woods"  # only with the apostrophe


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Creased up at the vicar's joke.", "amusement"),
        ("We were in hysterics the whole way home.", "amusement"),
        ("He said yes!!", "joy"),
    ],
)
def test_signs_read_when_the_head_sees_nothing(text: str, label: str) -> None:
    assert _decide(text, neutral=0.4)[0] == label


# --- irony and the language check -----------------------------------------------------------------------------


def test_the_upside_down_face_is_irony() -> None:
    assert cues("great, more rain on my day off \U0001f643").sarcasm
    assert not cues("great day at the beach").sarcasm


def test_english_lexifier_creoles_are_read_as_english() -> None:
    assert looks_english("Mi cyaan believe seh di bus neva come pon time again.")
    assert looks_english("Dunno why but im gonna miss this place")
    # other languages still are not
    assert not looks_english("Mi piace molto il mare di sera, la luce è bella.")
    assert not looks_english("Mi hermano no viene hoy porque está enfermo de la gripe.")


# --- after dev6's first run (35 %, the same as layer 1.4.0: the frozen4 fixes carried nothing to it) ----------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Some days I don't think I fit in at this school.", "sadness"),
        ("I never really felt like I belonged in that choir.", "sadness"),
        ("Couldn't stop refreshing the results page all afternoon.", "nervousness"),
        ("Checked my emails about twenty times before lunch.", "nervousness"),
        ("It's the silence from the agency that's getting to me.", "nervousness"),
        ("Her card on my birthday meant the world.", "gratitude"),
        ("My cousins laughed at my accent all through dinner.", "embarrassment"),
        ("The kettle broke on top of everything and I could have wept.", "sadness"),
    ],
)
def test_belonging_checking_what_gets_to_one_and_being_laughed_at(text: str, label: str) -> None:
    assert label in [m[0] for m in _moods(text) if m[1] == "writer" and not m[2] and m[3] == "stated"]


def test_others_laughing_at_the_writer_is_theirs_and_the_writers_embarrassment() -> None:
    """The laughter is the cousins' sign; the writer holds the embarrassment (1.4.0 gave both to the writer)."""
    found = _moods("My cousins laughed at my accent all through dinner.")
    assert ("amusement", "My cousins", False, "seen") in found
    assert ("embarrassment", "writer", False, "stated") in found
    assert _decide("My cousins laughed at my accent all through dinner.", amusement=0.7)[0] == "embarrassment"


def test_a_chest_that_will_not_stop_feeling_tight() -> None:
    assert "nervousness" in cues("My chest won't stop feeling tight before the viva.").phrases


def test_praise_alone_after_a_mishap_is_sarcasm() -> None:
    assert cues("Very nice.", previous="The neighbours' dog dug up my bulbs again.").sarcasm
    assert not cues("Very nice.", previous="Sister came round with a cake.").sarcasm
    assert not cues("Very nice.").sarcasm


def test_a_racing_heart_after_good_news_is_excitement() -> None:
    """The same sign reads as excitement where the entry tells the writer's own good news, and stays
    nervousness where it does not or where the writer names a fear."""
    from emotion_scope_kit import THRESHOLDS, probs_of

    from reverie.analysis.document import load_spacy
    from reverie.analysis.emotion_scope import decide, emotion_words, good_news

    assert good_news("The email said yes. I read it twice.")
    assert not good_news("The email said no.")
    text = "My hands are still shaking."
    words = emotion_words(list(load_spacy()(text)))
    probs = probs_of(neutral=0.5)
    assert decide(probs, THRESHOLDS, ["neutral"], words, cues(text, news=True)).labels[0] == "excitement"
    assert decide(probs, THRESHOLDS, ["neutral"], words, cues(text)).labels[0] == "nervousness"
    scared = "My hands are shaking, I'm scared of the first day."
    words = emotion_words(list(load_spacy()(scared)))
    assert "excitement" not in decide(probs, THRESHOLDS, ["neutral"], words, cues(scared, news=True)).labels


@pytest.mark.parametrize(
    "text",
    [
        "I should have the results by Friday.",  # no past participle: no regret
        "My phone died after lunch.",  # a thing's death is no bereavement
        "The pain has been gone two weeks now.",
        "Everyone laughed at my joke.",  # a joke that landed is no ridicule
        "I pumped up the tyres before the ride.",
        "They won by an overwhelming majority.",
        "Unsettled weather all week.",
        "It takes an hour for the bus to get to me.",
        "I could cry with happiness.",
    ],
)
def test_the_new_figures_keep_to_their_sense(text: str) -> None:
    """What 1.5.0's wider map must not read: the same words in another sense."""
    negative = {"remorse", "grief", "embarrassment", "excitement", "nervousness", "sadness"}
    assert not [m for m in _moods(text) if m[0] in negative and m[1] == "writer" and not m[2]]
