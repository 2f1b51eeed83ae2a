"""Acts told with their intent or their method, "check out for good", and everyday "out" (tenth round, issue 12).

Three mechanisms, each tested both ways on sentences written for this test (none from the bank or a challenge batch,
asserted below):

- a past act told with the intent said ("walked into the river meaning to drown", "so I wouldn't wake up", "on
  purpose, wanted it over") or by its method alone ("put my head in the gas oven") is an ``attempt`` when it is the
  writer's own; turned back or rehearsed it is a ``behavior``; never for someone else, a story, a dream, a negation,
  a recipe, a swim or a camera;
- "check out for good / permanently / for ever" is ``ideation``; checking out of a hotel is not;
- the sentence model's alarm on a short everyday sentence whose only ambiguous word ("out", "over") sits in an
  everyday construction is set aside with the reason ``everyday_word`` and the construction named; the genuine
  "out" sentences keep their level.
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk_lexicon as lex
from reverie.analysis.risk import LEVELS, screen

ATTEMPTS = (
    "Last winter I waded into the canal meaning to drown.",
    "I walked into the sea intending not to come back.",
    "When I was twenty I put my head in the gas oven.",
    "I stuck my head in the oven the night he left.",
    "Stepped out in front of the lorry on purpose, I wanted it all over.",
    "I deliberately walked in front of a bus in March.",
    "I swallowed the whole lot so I wouldn't wake up.",
    "I lay down on the tracks wanting to die.",
)
BEHAVIORS = (
    "I waded into the lake meaning to drown but I turned back.",
    "I put my head in the oven meaning to end it, but I couldn't go through with it.",
    "I drove to the viaduct intending to jump.",
    "I rehearsed putting my head in the oven while everyone was out.",
)
NOT_MINE = (
    "My grandmother put her head in the gas oven in 1962.",
    "He walked into the river meaning to drown, the police said.",
    "I dreamt I walked into the sea meaning to drown.",
    "In the film she walks into the lake meaning to drown.",
)
NOTHING = (
    "I'd never put my head in the oven, whatever happens.",
    "Put the tray in the gas oven for half an hour.",
    "I put my head in the oven to check the roast.",
    "We walked into the sea for a swim before breakfast.",
    "I jumped into the lake on purpose to cool off.",
    "The kids stepped in front of the camera for the photo.",
    "I went to the pub meaning to drown my sorrows.",
    "I stepped in front of a bus without looking and a stranger pulled me back.",
    "I checked out of the hotel for good and drove home.",
    "I went to the river meaning to feed the ducks.",
)
CHECK_OUT = (
    "I want to check out for good.",
    "Some days I think about checking out permanently.",
    "Part of me wants to check out for ever.",
)
EVERYDAY_OUT = (
    "I took the recycling out.",
    "Let the cat out before bed.",
    "We were out all evening.",
    "I ran out of teabags.",
    "Out with Priya till late.",
    "Our meeting was finally over.",
    "I passed out on the sofa.",
)
GENUINE_OUT = (
    ("I want out.", "ideation"),
    ("I want out of everything.", "ideation"),
    ("I want to take myself out.", "ideation"),
    ("I want it all to be over.", "ideation"),
    ("Done. Over it. Want out.", "ideation"),
    ("Thinking about checking out permanently.", "ideation"),
)


def test_none_of_these_sentences_is_in_the_bank_or_a_batch(written_texts: frozenset[str]) -> None:
    # (GENUINE_OUT are the brief's probes, some of them in the bank)
    ours = ATTEMPTS + BEHAVIORS + NOT_MINE + NOTHING + CHECK_OUT + EVERYDAY_OUT
    assert not {s.lower() for s in ours} & written_texts


@pytest.mark.parametrize("text", ATTEMPTS)
def test_an_act_told_with_its_intent_or_method_is_an_attempt(text: str) -> None:
    result = screen(text, model=False)
    assert result.level == "attempt", result.to_data()
    assert any(t.rule == "attempt_with_intent" for t in result.triggers)


@pytest.mark.parametrize("text", BEHAVIORS)
def test_the_act_turned_back_rehearsed_or_only_gone_to_is_a_behavior(text: str) -> None:
    result = screen(text, model=False)
    assert result.level == "behavior", result.to_data()
    assert any(t.rule == "aborted_with_intent" for t in result.triggers)


@pytest.mark.parametrize("text", NOT_MINE)
def test_someone_elses_act_a_story_or_a_dream_is_never_an_attempt(text: str) -> None:
    result = screen(text, model=False)
    assert LEVELS.index(result.level) <= LEVELS.index("indicator"), result.to_data()


@pytest.mark.parametrize("text", NOTHING)
def test_negations_recipes_swims_cameras_and_sorrows_raise_nothing(text: str) -> None:
    hits = [h for h in lex.read(text) if h.level > 0]
    assert not hits, hits


@pytest.mark.parametrize("text", CHECK_OUT)
def test_checking_out_for_good_is_ideation(text: str) -> None:
    result = screen(text, model=False)
    assert result.level == "ideation", result.to_data()
    assert any(t.rule == "check_out_for_good" for t in result.triggers)


@pytest.mark.parametrize(
    ("text", "construction"),
    [
        ("I took the recycling out.", "out_errand"),
        ("We ran out of teabags.", "out_of_thing"),
        ("Out with Priya till late.", "out_time_place"),
        ("I passed out on the sofa.", "out_state"),
        ("Our meeting was finally over.", "over_event"),
    ],
)
def test_everyday_constructions_are_named(text: str, construction: str) -> None:
    found = lex.everyday_word(text, 0, len(text))
    assert found is not None and found[0] == construction


@pytest.mark.parametrize(
    "text",
    [
        "I want out.",
        "I want out of everything.",
        "I want to take myself out.",
        "Checking out for good.",
        "I want it all to be over.",
        "Done. Over it. Want out.",
        "I was out of my mind with it all and wanted to die.",
        "Take me out of this life.",
    ],
)
def test_no_everyday_construction_in_genuine_out_sentences(text: str) -> None:
    assert lex.everyday_word(text, 0, len(text)) is None


@pytest.mark.slow
@pytest.mark.parametrize("text", EVERYDAY_OUT)
def test_the_screen_raises_no_risk_on_everyday_out(text: str) -> None:
    assert screen(text).level == "none", screen(text).to_data()


@pytest.mark.slow
@pytest.mark.parametrize(("text", "level"), GENUINE_OUT)
def test_genuine_out_sentences_keep_their_level(text: str, level: str) -> None:
    assert screen(text).level == level, screen(text).to_data()


@pytest.mark.slow
def test_an_everyday_alarm_set_aside_is_recorded_with_its_construction() -> None:
    result = screen("I put the cat out.")
    assert result.level == "none"
    reasons = {(s.rule, s.reason) for s in result.suppressed}
    if result.model_score is not None and result.model_score >= result.threshold:
        assert ("model", "everyday_word") in reasons and ("out_errand", "everyday_word") in reasons
