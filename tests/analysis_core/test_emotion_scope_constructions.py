"""Layer 1.9.0 (e12): the mechanisms behind frozen10's misses that recur in sets written by other people (dialect
negation, a verb joined to someone else's feeling, indifference said outright, anger acted out, the heart as a
sign, a feeling noun naming a kind of thing, a parting, a bare participle, missing home), each tested both ways on
sentences written for these tests (none copied from a fixture: the last test checks)."""

from __future__ import annotations

import pytest
from emotion_scope_kit import decide_text, moods

from reverie.analysis.document import load_spacy
from reverie.analysis.emotion_scope import NEUTRAL, cues, emotion_words

WRITTEN: list[str] = []


def _written(*texts: str) -> list[str]:
    WRITTEN.extend(texts)
    return list(texts)


def _cases(*cases: tuple[str, object]) -> list[tuple[str, object]]:
    WRITTEN.extend(text for text, _ in cases)
    return list(cases)


# --- negation in the writer's own English ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "negated"),
    _cases(
        ("I'm nae raging wi my brother, jist tired.", True),
        ("Mi nuh vexed wid mi cousin.", True),
        ("I'm furious wi my brother the day.", False),
    ),
)
def test_scots_and_caribbean_negators_deny_the_feeling(text: str, negated: bool) -> None:
    found = [m for m in moods(text) if m[0] in {"anger", "annoyance"}]
    assert found and found[0][2] is negated


def test_a_denied_feeling_gives_way_to_the_one_said_after_it() -> None:
    text = _written("I'm nae mad at the wean, jist scared for her.")[0]
    labels = decide_text(text, anger=0.3, fear=0.15)
    assert labels[0] == "fear" and "anger" not in labels


def test_a_lowercase_feeling_word_the_tagger_calls_a_name_is_read() -> None:
    # "jist nervous" is tagged as a name; names are written with a capital
    assert ("nervousness", "writer", False, "stated") in moods(
        _written("Och, jist nervous aboot the morra.")[0]
    )
    # a capitalised name that is also a feeling word stays a name
    assert moods(_written("Joy phoned about the rota.")[0]) == []


# --- the holder of a verb joined by "and" -------------------------------------------------------------------------


def test_a_joined_verb_keeps_the_holder_of_the_feeling_before_it() -> None:
    text = _written("The goalkeeper was devastated by the defeat and wept on the pitch.")[0]
    assert {m[1] for m in moods(text)} == {"The goalkeeper"}
    assert decide_text(text, sadness=0.5, neutral=0.4)[0] == NEUTRAL
    # a subject of its own, the writer's: "and I cried"
    other = _written("The goalkeeper was devastated and I cried with him.")[0]
    assert ("sadness", "writer", False, "seen") in moods(other)


# --- indifference said outright -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    _written(
        "Not even bothered about the exam grade, to be honest.",
        "I'm not that fussed about the promotion.",
        "I honestly couldn't care less about the league table.",
    ),
)
def test_indifference_said_outright_abstains(text: str) -> None:
    assert decide_text(text, disappointment=0.3, annoyance=0.25, caring=0.3) == (NEUTRAL,)


def test_not_bothered_to_act_or_someone_elses_indifference_is_no_abstention() -> None:
    # "can't be bothered to" is no indifference about a thing
    assert moods(_written("I can't be bothered to tidy the shed.")[0]) == []
    # someone else's indifference: the writer's hurt stands
    text = _written("My dad couldn't care less about my graduation.")[0]
    assert decide_text(text, sadness=0.4) == ("sadness",)
    # a feeling said beside it stays
    assert "anger" in decide_text(_written("I'm not bothered about the money, I'm furious about the lie.")[0])


# --- signs: anger acted out, the heart --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sign"),
    _cases(
        ("Flung my keys against the wall after the call.", True),
        ("Hurled his mug across the office when the figures came in.", True),
        ("Threw the frisbee across the field for the spaniel.", False),  # not one's own thing: play
        ("Threw my bag into the back of the car and drove home.", False),  # "into the back of": stowed
    ),
)
def test_ones_own_thing_thrown_at_a_place_is_anger_acted_out(text: str, sign: bool) -> None:
    assert any(m[0] == "anger" and m[3] == "seen" for m in moods(text)) is sign


def test_a_jumping_heart_is_a_sign_and_a_jump_is_not() -> None:
    assert (
        "nervousness"
        in cues(_written("Opening the results my heart was jumping about in my chest.")[0]).phrases
    )
    assert "nervousness" in cues(_written("Heart banging away before the interview.")[0]).phrases
    assert "nervousness" not in cues(_written("The kids were jumping on my bed at six.")[0]).phrases
    assert "nervousness" not in cues(_written("My heart jumped when she said yes.")[0]).phrases


# --- a feeling noun naming a kind of thing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "feeling"),
    _cases(
        ("The relief driver turned up an hour late.", None),
        ("My love life is a shambles this year.", None),
        ("The fear factor on that roller coaster is huge.", None),
        ("What a relief today was.", "relief"),
        ("Such relief all round when the scan came back clear.", "relief"),
        ("I felt so much anger at the referee.", "anger"),
        ("Had a proper anxiety attack on the bus.", "nervousness"),  # a noun that says the feeling is had
        ("My anger issues got the better of me at football.", "anger"),
    ),
)
def test_a_feeling_noun_before_another_noun_names_a_kind(text: str, feeling: str | None) -> None:
    assert [m[0] for m in moods(text)] == ([feeling] if feeling else [])


# --- a parting; a bare participle; missing home ------------------------------------------------------------------


def test_sorry_to_see_something_go_is_sadness_and_sorry_for_a_deed_is_remorse() -> None:
    assert moods(_written("Glad the move is done, though sorry to see the garden go.")[0])[-1][0] == "sadness"
    assert ("sadness", "writer", False, "stated") in moods(
        _written("I'm sorry to leave the choir after all this time.")[0]
    )
    assert moods(_written("I'm sorry I snapped at the twins.")[0]) == [("remorse", "writer", False, "stated")]
    assert moods(_written("So sorry to hear about your nan.")[0]) == []  # sympathy, as before


@pytest.mark.parametrize(
    ("text", "label"),
    _cases(
        ("I am vex with the bank again.", "annoyance"),
        ("We were so shock when the results came.", "surprise"),
        ("I'm worry for my little brother.", "nervousness"),
        ("It was a shock to all of us.", None),  # a noun, no "I" or "we" before the copula
    ),
)
def test_a_feelings_bare_stem_after_i_am_is_the_feeling(text: str, label: str | None) -> None:
    assert [m[0] for m in moods(text)] == ([label] if label else [])


@pytest.mark.parametrize(
    ("text", "missed"),
    _cases(
        ("I really miss home some nights.", True),
        ("Missing the old house a lot this week.", True),
        ("I always miss the last train on Fridays.", False),
        ("We missed the old turning and ended up in Leeds.", False),
    ),
)
def test_missing_home_or_an_old_place_is_sadness_and_missing_a_train_is_not(text: str, missed: bool) -> None:
    assert (("sadness", "writer", False, "stated") in moods(text)) is missed


# --- sarcasm: a dropped g ---------------------------------------------------------------------------------------


def test_nothing_says_x_like_y_with_its_g_dropped_is_sarcasm() -> None:
    assert cues(_written("Nothin says summer like hail on the barbecue.")[0]).sarcasm
    assert cues(_written("Nothin' says Monday like a flat tyre.")[0]).sarcasm
    assert not cues(_written("Nothing much happened at work.")[0]).sarcasm


def test_an_opening_softener_is_no_holder() -> None:
    text = _written("Kinda maybe proud of the shelf I built.")[0]
    words = emotion_words(list(load_spacy()(text)))
    assert [(w.label, w.holder) for w in words] == [("pride", "writer")]


def test_these_sentences_are_in_no_journal_set(journal_set_texts: frozenset[str]) -> None:
    assert WRITTEN and not [t for t in WRITTEN if t.strip().lower() in journal_set_texts]
