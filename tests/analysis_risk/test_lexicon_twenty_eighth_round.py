"""Two negatives read at ``attempt``, fixed by mechanism (twenty-ninth round of the lexicon, risk 2.4.2).

The file is named for the issue's twenty-eighth code round (brief r28l); docs/risk.md counts it as the twenty-ninth
round of the lexicon. Classes found in the twenty-second and twenty-third frozen batches (seen since), each fixed by
construction and tested both ways here:
- a jump off a bridge or a cliff told as a sport or a thrill (a bungee, a rope swing, cliff diving, a paraglider, "for
  a laugh") is no attempt; the same jump with a cord round the writer's neck or said to kill still is;
- an act told in a relative clause right after a noun for a person ("a man on the ward who'd taken …") is that
  person's; the writer's when the writer is that person ("I was the one who …") or says they did the
  same ("… and I did the same", "So did I.").
Sentences written for this test (none from the bank or a challenge batch).
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk_lexicon as lex
from reverie.analysis.risk import screen

LEVEL = {"none": 0, "indicator": 1, "ideation": 2, "behavior": 3, "attempt": 4}


def _top(text: str) -> int:
    return max((h.level for h in lex.read(text)), default=0)


def _reasons(text: str) -> set[str | None]:
    return {h.reason for h in lex.read(text)}


# --- a jump for sport -----------------------------------------------------------------------------------------------

SPORT = (
    "Did my first bungee jump at the weekend, jumped off the bridge over the river and loved every second.",
    "Bungy jumped off the bridge near the dam with my cousin, my legs were jelly after.",
    "Went cliff jumping with the scouts, we jumped off the cliff into the cove about ten times.",
    "Jumped off the bridge on the rope swing by the mill, the water was freezing.",
    "Took a tandem paraglider and jumped off the cliff above the bay, the view was unreal.",
    "The lads and I jumped off the bridge into the canal for a laugh after exams.",
)
NOT_SPORT = (
    "I jumped off the bridge and woke up in intensive care.",
    "Jumped off the bridge last spring, the fisherman pulled me out.",
    "With the bungee cord round my neck I jumped off the bridge.",
    "Went bungee jumping with work friends but a month later I jumped off the bridge on my own.",
    "I jumped off the cliff on a dare I made to myself, wanting to die.",
)


@pytest.mark.parametrize("text", SPORT)
def test_a_jump_for_sport_is_set_aside(text: str) -> None:
    assert _top(text) == 0, lex.read(text)
    assert "everyday" in _reasons(text)
    assert screen(text, model=True).level != "attempt"


@pytest.mark.parametrize("text", NOT_SPORT)
def test_a_jump_not_for_sport_stays_an_attempt(text: str) -> None:
    assert _top(text) == LEVEL["attempt"], lex.read(text)


def test_a_bungee_cord_tied_round_the_neck_is_no_sport_set_aside() -> None:
    text = "I tied the bungee cord round my neck in the garage."
    assert "everyday" not in _reasons(text)
    assert (
        screen(text, model=True).level
        == screen("I tied the cord round my neck in the garage.", model=True).level
    )


# --- an act in a relative clause on a person --------------------------------------------------------------------------

OTHERS = (
    "Wheeled an old gentleman down from the ward who'd swallowed a bottle of paracetamol, he was so polite.",
    "On nights we admitted a student who'd taken a whole box of sleeping pills.",
    "Sat with a resident in room nine who had drunk bleach, he barely spoke.",
    "Handed over a customer that swallowed a strip of codeine in the toilets.",
)
WRITERS = (
    "I was the one who'd swallowed the whole bottle of pills, not my brother.",
    "I'm the patient who took a whole box of paracetamol last March.",
    "The nurse found me after I'd swallowed a bottle of pills.",
    "Shared a bay with a lady who'd swallowed a bottle of paracetamol, and I did the same a week later.",
    "Met a man in the queue who'd swallowed a bottle of paracetamol once. So did I.",
)


@pytest.mark.parametrize("text", OTHERS)
def test_an_act_in_a_relative_clause_on_a_person_is_theirs(text: str) -> None:
    hits = lex.read(text)
    assert hits and all(h.reason == "third_person" for h in hits if h.rule_level == LEVEL["attempt"]), hits
    assert _top(text) < LEVEL["attempt"]
    assert screen(text, model=True).level != "attempt"


@pytest.mark.parametrize("text", WRITERS)
def test_the_writers_own_act_stays_an_attempt(text: str) -> None:
    assert _top(text) == LEVEL["attempt"], lex.read(text)
    assert screen(text, model=True).level == "attempt"


def test_a_bottle_without_its_pills_keeps_the_level_it_had() -> None:
    # the lexicon names no medicine here, so no phrase is read; the relative clause changes nothing
    text = "I was the one who'd swallowed the whole bottle."
    assert "third_person" not in _reasons(text)
    assert LEVEL[screen(text, model=True).level] >= LEVEL["ideation"]


def test_a_session_note_reads_the_person_named_as_the_subject() -> None:
    # in a therapist's note a third person is the client unless someone else is named; since risk 2.13.0 (h160,
    # ``note_owner``) a person noun in the subject's place ("a young man … who'd swallowed") is that person, in a note
    # too (this test asserted the note's reading at attempt before); a pronoun with no one else named stays the client's
    text = "Saw a young man from the estate who'd swallowed a bottle of paracetamol on Friday."
    assert _top(text) < LEVEL["attempt"]
    assert max(h.level for h in lex.read(text, kind="session_note")) < LEVEL["attempt"]
    client = "Saw her on Friday; she'd swallowed a bottle of paracetamol."
    assert max(h.level for h in lex.read(client, kind="session_note")) == LEVEL["attempt"]
