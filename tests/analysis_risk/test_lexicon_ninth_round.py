"""Overdoses named by the drug or by how much of it (ninth round, after the eighth frozen batch).

Drug names are an open class: the lexicon knew a closed list ("paracetamol", "sertraline" …), so a past overdose told
plainly with another name ("a whole box of amitriptyline") or by the container ("a full card of …", "the whole bottle
of … syrup") raised nothing. The rule now reads a drug by the endings of its classes and a few common brands, and the
amount by whole/full/entire containers. Tested both ways on sentences written for this test: the same amounts of
things that are not drugs, and the same drugs taken as prescribed, raise nothing; someone else's overdose stays
someone else's.
"""

from __future__ import annotations

import pytest

from reverie.analysis.risk import screen

OVERDOSES = (
    "I took a whole box of amitriptyline in 2018.",
    "My sister found me after I had taken a whole box of nortriptyline.",
    "Years ago I drank the whole bottle of calpol and half a bottle of gin.",
    "I swallowed a full card of Nurofen and my dad's pressure tablets after the exam results.",
    "At sixteen I swallowed a load of me da's tablets and I meant it.",
    "Last spring I necked the entire packet of zopiclone.",
    "I took the whole strip of diazepam and went to sleep.",
)
NOT_OVERDOSES = (
    "I took my nortriptyline with breakfast as usual.",
    "I took a whole box of chocolates into the office.",
    "I drank the whole bottle of wine on my own, not proud of it.",
    "Picked up my diazepam from the chemist on the way home.",
    "The vet gave the puppy a full card of worming tablets.",
    "I took the full strip of plasters to the campsite.",
    "We drank a whole jar of pickle juice for a dare.",
    "The pharmacist counted out a full card of co-codamol for my nan.",
)


@pytest.mark.parametrize("text", OVERDOSES)
def test_an_overdose_named_by_the_drug_or_the_amount_is_an_attempt(text: str) -> None:
    result = screen(text)
    assert result.level == "attempt", result.to_data()
    # the overdose rule, or (sixteenth round) the act read with the intent said after it ("… and I meant it")
    assert any(t.rule in ("attempt_overdose", "attempt_with_intent") for t in result.triggers)


@pytest.mark.parametrize("text", NOT_OVERDOSES)
def test_the_same_amounts_of_other_things_and_drugs_taken_as_prescribed_raise_nothing(text: str) -> None:
    assert screen(text).level == "none", screen(text).to_data()


def test_someone_elses_overdose_stays_someone_elses() -> None:
    result = screen("Mum took a whole box of amitriptyline and is in hospital.")
    assert result.level != "attempt"


def test_trying_to_bleed_out_is_an_attempt_and_a_nurse_stopping_the_bleeding_is_not() -> None:
    assert screen("The scar on my wrist is from when I tried to bleed out at nineteen.").level == "attempt"
    assert (
        screen("The nurse tried to stop the bleeding when I cut my hand on the mandoline.").level != "attempt"
    )
