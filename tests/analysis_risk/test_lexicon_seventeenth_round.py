"""Aborted acts and preparations by composition, and three attribution mechanisms (seventeenth round).

The behaviour lines the batches missed had no risk word for the lexicon to find: an act set up and then turned back
("tied the dupatta to the ceiling fan … then my mother knocked and I got down"), things given away with the writer's
word they will not be needed, a means kept back with what it is for ("I know what they're for", "forty-one now"), a
letter left "for when". Each now reads as ``behavior`` by its parts, whatever the words of the act; the same parts
told for a chore, an outing, a move or an ordinary medicine do not. Two attribution mechanisms came with it: a
capitalised word after an article or a preposition is a place or a thing, not a person ("drove out to the Gap"); and
a phrase opening with a conjunction is a clause of its own, out of reach of a negation before it ("with no harness and
sat on the parapet"), while a negation right after the writer's "I" stays inside it ("I never stood on the ledge").
Sentences written for this test (none from the bank or a challenge batch).
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk_lexicon as lx
from reverie.analysis.risk import screen

ABORTED = (
    "Tied my school tie to the bunk bed rail and knelt down, then my roommate opened the door and I pulled it off.",
    "Looped the dressing gown cord over the landing banister tonight and stood on the chair, then got down.",
    "Had my dad's revolver against my temple in the shed. Didn't pull it. Put it back in the safe.",
    "Ran the vacuum hose from the exhaust in through the back window, sat an hour, then went home.",
    "Tipped the whole lot of tablets into my mouth then spat them out in the sink.",
    "Climbed onto the wrong side of the barrier on the footbridge, then a cyclist stopped and asked if I was ok.",
    "Filled my coat pockets with stones and walked down to the weir. Turned round at the water.",
    "I had one leg over the balcony rail on the ninth floor till the neighbour's dog barked, and I climbed back in.",
)
NOT_ABORTED = (
    "Tied the rope to the oak branch for the kids' swing and then got down off the ladder.",
    "Stood on the wrong side of the fence at the zoo to get a photo, then a keeper shouted.",
    "Put the razor to my chin to shave, then the doorbell rang.",
    "Tied the hammock to the beam and got back down.",
    "I might tie the rope to the beam and then get down.",
    "Tied the washing line to the apple tree, then Mum called me in for tea.",
    "Fitted the new hose to the pressure washer and went home.",
    "Had one leg over the stile when the farmer shouted at us to close the gate.",
)
PREPARATIONS = (
    "Handed my good camera and the lenses to my nephew. Said I won't be needing them.",
    "Sold my drum kit to a lad from the pub, I'd have no use for it where I'm going.",
    "Been keeping back my gabapentin, two a night, in a sock in the drawer. Thirty-six now.",
    "Bought a bag of charcoal and some tape. I know what it's for.",
    "Left a note for Jo on the fridge for when.",
    "Wrote a card for my sister explaining why I had to go.",
)
NOT_PREPARATIONS = (
    "Gave my winter coats to the charity shop, I won't need them in Lisbon.",
    "Gave the cot to my sister, we won't need it now the kids are grown.",
    "Gave my old phone to Sam, I won't need it now that I've upgraded.",
    "Kept my inhaler in my bag all week. I know what it's for.",
    "Kept the paracetamol on the top shelf so the kids can't reach it.",
    "Left a note for Jo on the fridge for after the party.",
)
# attribution (level-free): who does the act
WRITERS_OWN = (
    "Wrote a letter on the back of the gas bill and put it in the drawer with the keys, for when.",
    "Drove out to the Point at midnight and stood on the wrong side of the railing till a taxi came past.",
    "Walked the coast path with no map and sat on the ledge with my legs over. Came back down at dusk.",
)
SOMEONE_ELSES = (
    "My sister wrote a note for when.",
    "My brother tied a belt to the beam and stood on the stool, then Mum came in.",
)


def test_none_of_these_sentences_is_in_the_bank_or_a_batch(written_texts: frozenset[str]) -> None:
    mine = ABORTED + NOT_ABORTED + PREPARATIONS + NOT_PREPARATIONS + WRITERS_OWN + SOMEONE_ELSES
    assert not {s.lower() for s in mine} & written_texts


@pytest.mark.parametrize("text", ABORTED + PREPARATIONS + WRITERS_OWN)
def test_an_act_set_up_and_turned_back_or_a_preparation_is_behaviour(text: str) -> None:
    assert screen(text, model=False).level == "behavior", screen(text, model=False).to_data()


@pytest.mark.parametrize("text", NOT_ABORTED + NOT_PREPARATIONS)
def test_the_same_parts_told_for_a_chore_or_a_move_are_no_behaviour(text: str) -> None:
    for result in (screen(text, model=False), screen(text)):
        assert result.level not in ("behavior", "attempt"), result.to_data()


@pytest.mark.parametrize("text", SOMEONE_ELSES)
def test_someone_elses_preparation_is_at_most_an_indicator(text: str) -> None:
    assert screen(text, model=False).level in ("none", "indicator"), screen(text, model=False).to_data()


def test_the_evidence_is_the_act_set_up_not_what_turned_it_back() -> None:
    text = ABORTED[1]
    hit = next(h for h in lx.read(text) if h.rule == "aborted_composed")
    assert text[hit.start : hit.end].startswith("Looped the dressing gown cord over the landing banister")
    assert "got down" not in text[hit.start : hit.end]


def test_a_negation_before_a_conjunction_does_not_reach_the_clause_after_it() -> None:
    hits = [h for h in lx.read(WRITERS_OWN[2]) if h.rule == "aborted_composed"]
    assert hits and hits[0].reason is None
    negated = [
        h for h in lx.read("I never stood on the ledge with my legs over, then came back down.") if h.level
    ]
    assert not negated


# self-harm in any tense or spelling, with or without "I", whatever the instrument (seventeenth round, second part)
SELF_HARM = (
    "Slashed up my forearm with a craft knife after the hearing.",
    "been cutting on my hips again, three weeks clean gone",
    "me carved into mi leg wid di compass in di dorm",
    "Made two cuts across my upper arm with the pencil sharpener blade.",
    "Went at my own thigh with a box cutter in the stockroom.",
    "Picking at the scabs on my wrists till they bleed, most nights now.",
    "Scratch my stomach until bleed when the voices get loud.",
    "Cut my arm with my dad's razor in the shed. Not deep. I wanted to feel something.",
    "Burned meself on the wrist with a match, twice, out in the back yard.",
)
NOT_SELF_HARM = (
    "Cut my leg shaving this morning, bled everywhere.",
    "I cut my arm badly at work, six stitches.",
    "Sliced my thigh open when the ladder slipped.",
    "I cut my arm on the barbed wire fence at the farm.",
    "Burned myself on the oven three times this week, I'm so clumsy.",
    "The surgeon cut my arm open to fix the plate.",
    "Dreamt I cut my leg off to escape a bear, woke up laughing.",
    "My little brother cut his arm on the trampoline springs till it bled.",
)


def test_none_of_the_self_harm_sentences_is_in_the_bank_or_a_batch(written_texts: frozenset[str]) -> None:
    assert not {s.lower() for s in SELF_HARM + NOT_SELF_HARM} & written_texts


@pytest.mark.parametrize("text", SELF_HARM)
def test_a_cut_or_a_hurt_on_the_writers_own_body_is_self_harm(text: str) -> None:
    assert screen(text, model=False).level == "behavior", screen(text, model=False).to_data()


@pytest.mark.parametrize("text", NOT_SELF_HARM)
def test_an_accident_a_dream_or_someone_elses_cut_is_no_self_harm(text: str) -> None:
    for result in (screen(text, model=False), screen(text)):
        assert result.level not in ("behavior", "attempt"), result.to_data()


# a final act and a date picked, in other words (seventeenth round, third part)
FINAL_ACT_AND_DATE = (
    "Signed my will at the solicitor's on Tuesday. The date's already set.",
    "Emailed my sister all my passwords. Picked the weekend.",
    "Sold my fishing gear to the lad at the tackle shop and I've picked the night.",
)
NOT_FINAL = (
    "Signed my will at the solicitor's on Tuesday and picked a date for the house move.",
    "Sold my old van to a neighbour and chose the 14th to move house.",
    "Emailed my sister all my passwords so she can pay the bills while I'm in hospital.",
)


def test_none_of_the_final_act_sentences_is_in_the_bank_or_a_batch(written_texts: frozenset[str]) -> None:
    assert not {s.lower() for s in FINAL_ACT_AND_DATE + NOT_FINAL} & written_texts


@pytest.mark.parametrize("text", FINAL_ACT_AND_DATE)
def test_a_final_act_with_a_date_picked_is_a_preparation(text: str) -> None:
    assert screen(text, model=False).level == "behavior", screen(text, model=False).to_data()


@pytest.mark.parametrize("text", NOT_FINAL)
def test_a_will_or_a_sale_with_an_ordinary_date_is_no_preparation(text: str) -> None:
    for result in (screen(text, model=False), screen(text)):
        assert result.level not in ("behavior", "attempt"), result.to_data()
