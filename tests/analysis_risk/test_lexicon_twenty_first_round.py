"""Everyday false alarms and short oblique misses, by mechanism (twenty-first round, risk lexicon 2.4.0).

Classes found in the sixteenth and seventeenth frozen batches (read after their measurement), each fixed by grammar,
scope, word sense or composition and tested both ways here:
- false alarms: a question put in other words and answered no ("asked about suicidal thoughts. Honestly none"); a
  goodbye message the writer was sent; an overdose named as what someone else was admitted or sectioned after; a
  body part worn out by work ("my hands are finished"); a span of time come to its end, told as a clause of its own
  ("The end of the week is the best of it.");
- misses: a hurt told by its habit ("kept jabbing … into my thigh", "been punching my own legs", a sharp thing used
  on one's own arm); a part of a body part ("the back of my hand") and a wall's room ("the wall of the kitchen");
  a lighter named by its kind; a gun put under the chin and no trigger pulled; a death that befalls the writer
  welcomed ("if my heart gave up … I'd be glad of it"), the writer's heart hoped to stop; an urge to hold a hand
  on heat.
Sentences written for this test (none from the bank or a challenge batch).
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk_lexicon as lex
from reverie.analysis.risk import screen

LEVEL = {"none": 0, "indicator": 1, "ideation": 2, "behavior": 3, "attempt": 4}


def _rules(text: str) -> dict[str, int]:
    return {h.rule: h.level for h in lex.read(text)}


# --- false alarms -------------------------------------------------------------------------------------------------

EVERYDAY = (
    # asked in other words, answered no
    "The nurse asked about suicidal thoughts. Honestly none, I'm just sore.",
    "My GP ask me do I want to kill myself. I said no, I only can't sleep.",
    # a goodbye message received
    "A regular texted me a goodbye message so I rang 999 and they found him in time.",
    "My cousin sent us a goodbye letter from the airport, she's off to Perth for good.",
    # an overdose of a named other
    "Heard my old teammate was admitted after an overdose. Sent his mum flowers.",
    "The lodger was found this morning after an overdose and is in intensive care.",
    # a body part worn out, a span of time ended
    "Dug the whole veg patch over and my back is finished.",
    "Two hours of climbing wall with the kids and now my fingers are gone.",
    "Fell off the skateboard, one tooth gone, mum is furious.",
    "The end of the month is always the busiest for invoices.",
    "Filed the last report; a quiet end to the week.",
)
MEANT = (
    "The nurse ask me do I want to kill myself. Honestly, most nights I do.",
    "My GP ask me do I want to kill myself. I said yes.",
    "My GP asked me do I want to kill myself. I said no but I lied.",
    "I texted a goodbye message to everyone and switched off the phone.",
    "I was admitted after an overdose in the spring.",
    "My back is finished and so am I, I want to die.",
    "I don't think I'll make it to the end of the month.",
    "The end of the line for me, goodbye everyone.",
)


@pytest.mark.parametrize("text", EVERYDAY)
def test_an_everyday_line_is_not_flagged(text: str) -> None:
    result = screen(text)
    assert not result.flagged, (text, result.to_data())


@pytest.mark.parametrize("text", MEANT)
def test_the_same_construction_meant_stays_flagged(text: str) -> None:
    result = screen(text)
    assert result.flagged, (text, result.to_data())


def test_a_received_note_is_someone_elses_and_a_sent_one_the_writers() -> None:
    assert _rules("A regular texted me a goodbye message last night.")["preparation_note"] < LEVEL["ideation"]
    assert _rules("I got a goodbye letter from Gran's old lodger today.")["preparation_note"] < 2
    assert (
        _rules("I wrote a goodbye letter and left it on the pillow.")["preparation_note"] == LEVEL["behavior"]
    )


def test_an_overdose_is_the_writers_when_a_word_of_the_writer_is_in_the_sentence() -> None:
    assert _rules("Her son was admitted after an overdose.")["method_ideation"] < LEVEL["ideation"]
    assert _rules("I was admitted after an overdose.")["method_ideation"] == LEVEL["ideation"]
    assert _rules("I was rushed in and admitted after an overdose last May.")["method_ideation"] == 2


# --- misses -------------------------------------------------------------------------------------------------------

BEHAVIOUR = (
    ("Kept digging a compass point into my forearm all through the meeting.", "self_harm_habit"),
    ("been hitting my own thighs with the hairbrush when nobody's home", "self_harm_habit"),
    ("Been using the box cutter from the stockroom on my stomach at night.", "self_harm_habit"),
    ("used the pencil sharpener blade on my own leg in the toilets at lunch", "self_harm_habit"),
    ("scratched the inside of my wrist raw with a paperclip in the meeting", "self_harm_composed"),
    ("I bang my head on the wall of the bedroom many times when they shout.", "head_against_wall"),
    ("burned my thigh with the zippo lighter again after dinner", "self_burn_means"),
    (
        "Sat in the barn and put the shotgun under my chin, then the cows started and I went in.",
        "gun_to_head",
    ),
    ("Checked the dressing-gown cord on the banister to see if it would hold my weight.", "weight_tested"),
    ("Had every one of my sleeping tablets laid out on the desk when my flatmate knocked.", "means_set_out"),
    ("Tied my belt to the wardrobe rail and slipped it over my head, then the baby cried.", "ligature_tried"),
    (
        "In the van I pulled the seatbelt tight round my neck till I saw stars, then stopped.",
        "ligature_tried",
    ),
)
ATTEMPT = (
    "At nineteen I swallowed all the packet of my mother's heart pills.",
    "Last winter I drank a cup of paint stripper in the shed.",
)
NOT_ATTEMPT = (
    "I carried all the box of my mother's heart pills to the pharmacy for her.",
    "I drank a cup of paint stripper by accident as a kid, it was in a squash bottle.",
)


@pytest.mark.parametrize("text", ATTEMPT)
def test_a_learners_whole_box_or_a_chemical_swallowed_is_an_attempt(text: str) -> None:
    assert max(_rules(text).values(), default=0) == LEVEL["attempt"], (text, lex.read(text))


@pytest.mark.parametrize("text", NOT_ATTEMPT)
def test_carried_or_accidental_is_no_attempt(text: str) -> None:
    assert max(_rules(text).values(), default=0) < LEVEL["attempt"], (text, lex.read(text))


NOT_BEHAVIOUR = (
    "Kept jabbing the insulin pen into my thigh, it would not click.",
    "Kept hitting my hand on the new desk, clumsy all day.",
    "been scratching my own legs all night, the mosquito bites are mad",
    "Been using the razor on my legs before the beach holiday.",
    "used the nail nippers on my own feet after the bath",
    "scratched the back of my hand on the brambles picking blackberries",
    "bumped my head on the cupboard door in the kitchen",
    "The vet put the rifle back in the truck and drove off.",
    "My nephew put the water gun in my mouth and soaked me.",
    "Tested the rope swing on the oak to see if it would take my weight before the kids went on.",
    "Put all my tablets in the weekly organiser for the trip.",
    "Tied the dog's lead to the railing and put my scarf round my neck, freezing.",
    "Pulled my scarf tight around my neck against the wind on the ferry.",
)


@pytest.mark.parametrize(("text", "rule"), BEHAVIOUR)
def test_a_hurt_or_an_interrupted_act_told_obliquely_is_behaviour(text: str, rule: str) -> None:
    assert _rules(text).get(rule) == LEVEL["behavior"], (text, lex.read(text))


@pytest.mark.parametrize("text", NOT_BEHAVIOUR)
def test_the_near_misses_are_not_behaviour(text: str) -> None:
    assert max(_rules(text).values(), default=0) < LEVEL["behavior"], (text, lex.read(text))


IDEATION = (
    "After the shift I thought, if my heart gave out on the bus I'd be glad of it.",
    "If a shelf fell on my head in the warehouse tomorrow I'd be relieved.",
    "Most nights I'm praying my tired heart just stops before morning.",
    "the urge to press my palm on the hob and leave it there was huge tonight",
)
NOT_IDEATION = (
    "If the shelf fell on my foot I'd be relieved it wasn't my head.",
    "Hoping my grandad's heart holds out until the operation.",
    "Hoping the heart surgery goes well for Dad tomorrow.",
    "The urge to hold my hands over the fire to warm them was strong.",
    "Put my hand on the hob by accident and yelled the house down.",
)


@pytest.mark.parametrize("text", IDEATION)
def test_a_wish_told_by_an_event_or_an_urge_is_ideation(text: str) -> None:
    assert max(_rules(text).values(), default=0) >= LEVEL["ideation"], (text, lex.read(text))


@pytest.mark.parametrize("text", NOT_IDEATION)
def test_the_near_misses_are_no_wish(text: str) -> None:
    assert max(_rules(text).values(), default=0) < LEVEL["ideation"], (text, lex.read(text))


def test_the_lexicon_version_is_bumped() -> None:
    from reverie.analysis import risk

    # compared as numbers: "2.10.0" is later than "2.4.0", though not as text
    assert tuple(int(part) for part in risk.VERSION.split(".")) >= (2, 4, 0)
