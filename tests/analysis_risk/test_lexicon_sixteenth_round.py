"""Acts told with their intent, poisons, whole supplies, accidents and doses taken as prescribed (sixteenth round).

The tenth round read "an act plus a stated intent to die" for a few acts; the attempt lines the batches still missed
were acts outside its lists told with the intent in other words ("meaning it", "because I want to die", "proper meant
it") or with a cover story ("told everyone the brakes went"), poisons swallowed with no intent said ("drank the
weedkiller"), and whole supplies in a learner's or a dialect's words ("a hale box o"). They read as ``attempt`` now;
the same acts told as an accident, as a day's doses taken as prescribed, as someone else's, as a wish or a plan, or
turned back, do not. Sentences written for this test (none from the bank or a challenge batch).
"""

from __future__ import annotations

import pytest

from reverie.analysis.risk import LEVELS, screen

ACTS_WITH_INTENT = (
    # a supply or a poison swallowed, the intent said in the clause
    "In 2021 I swallowed a packet of my nan's sleeping tablets meaning it.",
    "Last Easter I took the rest of the lithium with gin because I wanted to die.",
    "I downed a bottle of my stepdad's oxycodone deliberately and lay on the sofa.",
    # a fall or a crash, the intent or the cover story after it
    "I threw myself off the multi-storey car park in Leicester on purpose.",
    "Drove the Astra into the motorway bridge pillar on purpose. The coroner's office never heard the real story.",
    "Jumped from the fourth floor of the hostel in 2012. Everyone thinks I slipped while smoking on the sill.",
    "Went over the ferry's rail on purpose in the Minch, meaning it, and the crew fished me out.",
    # a cut, a hand through glass, a gun, a car in a shut garage
    "Four years ago I slit my throat in the shed to die; my brother found me in time.",
    "At nineteen I opened my veins in the hostel bath, proper meant it.",
    "I held the shotgun under my chin in the barn and pulled the trigger. Nothing happened.",
    "Two winters ago I left the car engine running in the garage with the door shut and a towel under it.",
    "I sat in the lock-up with the engine on, waiting, till my cousin broke the padlock.",
)
POISONS_AND_SUPPLIES = (
    "Drank the weedkiller from the potting shed on Sunday night.",
    "Last summer I swallowed half a bottle of drain cleaner in the staff toilet.",
    "Took every tablet in the bathroom cabinet about twenty minutes ago.",
    "Swallowed two boxes of my gran's codeine after the phone call.",
    "I necked my whole supply of zopiclone and went to bed.",
    "I swallow one full strip of paracetamol yesterday night, now my stomach is burning.",
)
NOT_ATTEMPTS = (
    # an accident
    "I drank bleach by accident when I was three and still remember the ambulance.",
    "My nephew swallowed drain cleaner by mistake and spent a week in hospital.",
    # doses taken as prescribed
    "I took all my morning tablets with breakfast like the GP said.",
    "Took all my meds on time today, first week in a row.",
    # someone else's act, a wish, a plan, a plan turned back
    "My cousin drank the weedkiller in 2019 and lived.",
    "I keep thinking I could drink the weedkiller in the shed.",
    "I am going to swallow every tablet in the bathroom cabinet tonight.",
    # everyday uses of the same words
    "I took the long way round on purpose to avoid my ex.",
    "I jumped off the harbour wall on purpose to fetch the kid's ball.",
    "Walked out onto the frozen lake on purpose to test the ice for the skating club.",
    "He meant it when he said sorry, and I took the kids to the park.",
    "I called my sister to end it with Tom before the wedding.",
    "Ran the car in the garage for ten minutes to warm it up; the door was open.",
    # a container or a supply with only "on purpose", carried somewhere, poison ivy; water or ice for fun
    "Finished the whole tub of ice cream, deliberately, because the week earned it.",
    "I took two boxes of ibuprofen round to my brother's flat.",
    "I drank poison oak tea by mistake? No, it was nettle.",
    "I ran into the sea on purpose at midnight, yelling, because it was my birthday.",
    "Stepped onto the ice at the rink on purpose and landed on my backside.",
    "Jumped into the river off the rope swing. Dad thinks I fell in. He'd go spare.",
    "I took the bus from the platform to Hull on purpose, meaning to surprise my aunt.",
)
ABORTED = (
    "Walked into the harbour at Stromness to end it, but I turned back at the slipway.",
    "Walked onto the railway bridge meaning to jump, but I froze and went home.",
)


def test_none_of_these_sentences_is_in_the_bank_or_a_batch(written_texts: frozenset[str]) -> None:
    mine = ACTS_WITH_INTENT + POISONS_AND_SUPPLIES + NOT_ATTEMPTS + ABORTED
    assert not {s.lower() for s in mine} & written_texts


@pytest.mark.parametrize("text", ACTS_WITH_INTENT + POISONS_AND_SUPPLIES)
def test_the_act_reads_as_an_attempt_by_its_words(text: str) -> None:
    result = screen(text, model=False)
    assert result.level == "attempt", result.to_data()


@pytest.mark.parametrize("text", NOT_ATTEMPTS)
def test_the_same_words_told_otherwise_never_reach_attempt(text: str) -> None:
    assert screen(text, model=False).level != "attempt", screen(text, model=False).to_data()
    assert screen(text).level != "attempt"


@pytest.mark.parametrize("text", ABORTED)
def test_an_act_turned_back_is_behaviour_not_an_attempt(text: str) -> None:
    assert screen(text, model=False).level == "behavior", screen(text, model=False).to_data()


def test_an_accident_is_set_aside_with_its_reason() -> None:
    result = screen(
        "I drank bleach by accident when I was three and still remember the ambulance.", model=False
    )
    assert result.level == "none"
    assert [s.reason for s in result.suppressed if s.rule == "attempt_poison"] == ["accident"]


def test_an_accident_told_as_a_cover_story_is_no_accident() -> None:
    text = "I told the nurses I drank the weedkiller by accident. I didn't."
    assert screen(text, model=False).level == "attempt"


def test_a_supply_taken_at_once_is_an_attempt_even_with_the_morning_pills() -> None:
    text = "I took all my morning pills at once with a bottle of vodka."
    assert LEVELS.index(screen(text, model=False).level) == LEVELS.index("attempt")


def test_one_counts_a_thing_not_a_person_inside_the_act() -> None:
    assert screen("Last night I took every one of my sleeping pills.", model=False).level == "attempt"
    assert screen("No one took all the pills, they are still in the drawer.", model=False).level != "attempt"


NOUN_SUBJECTS = (  # head nouns the lexicon does not know as people
    "Apprentice from the scaffolding crew took an overdose at the weekend.",
    "The regular at the corner table overdosed on his wife's tablets in March.",
    "Tenant in flat nine took an overdose of her heart pills, the ambulance came at four.",
    "Driver on the night route jumped off the viaduct on purpose, the radio said.",
)
OWN_CLAUSES = (
    "Back from the clinic took an overdose anyway.",
    "Sat in the car in the garage with the engine running for an hour, then went in.",
    "Friday after work took all my pills at once.",
)


def test_none_of_the_attribution_sentences_is_in_the_bank_or_a_batch(written_texts: frozenset[str]) -> None:
    assert not {s.lower() for s in NOUN_SUBJECTS + OWN_CLAUSES} & written_texts


@pytest.mark.parametrize("text", NOUN_SUBJECTS)
def test_a_noun_with_a_phrase_before_an_act_in_the_past_is_someone_else(text: str) -> None:
    result = screen(text, model=False)
    assert result.level == "indicator", result.to_data()
    assert any(s.reason == "third_person" for s in result.suppressed)


@pytest.mark.parametrize("text", OWN_CLAUSES)
def test_a_time_a_place_or_a_verb_before_the_act_leaves_it_the_writers(text: str) -> None:
    assert LEVELS.index(screen(text, model=False).level) >= LEVELS.index("behavior"), screen(
        text, model=False
    )
