"""Thirty-third round (h120, review r103 faults 2 and 3; docs/risk.md): the forms a therapist's note reports ideation
in are read in session text only, and a preparation set beside the plan is `behavior`. Sentences written for it."""

from __future__ import annotations

import pytest

from reverie.analysis import risk_lexicon as lex

REPORTED = [
    "He told me he wants to end his life.",
    "She wishes she were dead.",
    "He said he does not want to be alive anymore.",
    "Client reports SI.",
    "Pt endorses passive SI.",
    "Client admitted to cutting her arms again last night.",
    "She has been cutting her arms again.",
]
NOT_REPORTED = [
    "He denies SI.",
    "Client denies suicidal ideation.",
    "She denied wanting to die.",
    "She said her friend wants to die",
    "Client reports no SI.",
]
PREPARED = [
    "I have written a note and plan to hang myself on Sunday.",
    "I want to die. I have the pills ready.",
    "Wrote letters to the kids, going to hang myself tomorrow.",
    "Everyone would be better off. The rope is ready.",
]
NOT_PREPARED = [
    "pills ready for the morning dose",
    "I have my pills ready for the morning dose.",
    "I have a plan for Sunday: the zoo",
    "I wrote a note to the landlord and plan to move out on Sunday.",
    "The tablets are ready to collect at the pharmacy.",
]


def _level(text: str, kind: str) -> int:
    return max((h.level for h in lex.read(text, kind)), default=0)


@pytest.mark.parametrize("text", REPORTED)
def test_a_reported_form_is_read_in_session_text_only(text: str) -> None:
    assert _level(text, "session_note") >= lex.IDEATION
    assert _level(text, "session") >= lex.IDEATION
    # the journal's kinds never read the reported forms (the challenge batches are read as entries)
    for kind in ("free_association", "reflection"):
        assert not {h.rule for h in lex.read(text, kind)} & {r.name for r in lex.RULES if r.kinds}


def test_an_act_of_self_harm_reported_is_behavior() -> None:
    assert _level("Client admitted to cutting her arms again last night.", "session_note") == lex.BEHAVIOR


@pytest.mark.parametrize("text", NOT_REPORTED)
def test_a_denial_or_someone_elses_wish_in_a_note_is_below_ideation(text: str) -> None:
    assert _level(text, "session_note") < lex.IDEATION


@pytest.mark.parametrize("text", PREPARED)
def test_a_note_beside_the_plan_or_means_set_ready_is_behavior(text: str) -> None:
    assert _level(text, "free_association") == lex.BEHAVIOR


@pytest.mark.parametrize("text", NOT_PREPARED)
def test_an_everyday_plan_or_dose_is_no_preparation(text: str) -> None:
    assert _level(text, "free_association") < lex.BEHAVIOR
