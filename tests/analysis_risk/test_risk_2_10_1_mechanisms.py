"""Risk 2.10.1 (h140): review r117's faults in risk 2.9.0 + 2.10.0 (h128, h134), attacked both ways with ``risk.screen``,
fixed by mechanism; new voices for each mechanism and near-miss negatives that keep 2.10.0's reading.

Each line is one a careful clinician reads at a different level from the screen's. False alarms are lines that
2.8.4 (195d880) did not raise to ``behavior`` and 2.10.0 does; misses are current risk read too low.
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk

LEVELS = risk.LEVELS
NOTE = "session_note"
JOURNAL = "free_association"


def _level(text: str, kind: str) -> int:
    return LEVELS.index(risk.screen(text, kind=kind).level)


@pytest.mark.parametrize(
    "text",
    [
        "Hx of SH x2 as a teenager, none since.",
        "Previous SH x3 aged 15; denies current SH.",
        "Past hx: SH x3 (2014-2016), nil since.",
    ],
)
def test_noted_self_harm_count_bounded_to_the_past_is_history(text: str) -> None:
    """A therapist writes a client's self-harm history ("Hx of SH x2 as a teenager, none since.") and the note is
    flagged as current self-harm at `behavior` (2.8.4: not at behavior). The count rule `noted_self_harm_count`
    skips the history bound every other reported form honours (`REPORTED_PAST`, "none since", "aged 15"); it should
    read as history, at most `indicator`."""
    assert _level(text, NOTE) <= LEVELS.index("indicator")


@pytest.mark.parametrize(
    "text",
    [
        "i cut again, the roses this time",
        "i cut again on my own, fringe looks ok",
        "i cut again, my hair, mum is going to kill me",
    ],
)
def test_cut_again_with_its_object_after_a_comma_is_no_self_harm(text: str) -> None:
    """A journal line about cutting roses or one's own fringe is flagged as self-harm at `behavior` (2.8.4: none or
    the model's ideation). 2.9.0's bare "i cut again" rule takes what was cut, named after a comma, or "on my own"
    (alone) for a place or a stop; docs/risk.md promises "Not with an object". Should stay below `behavior`."""
    assert _level(text, JOURNAL) < LEVELS.index("behavior")


@pytest.mark.parametrize(
    "text",
    [
        "sat in the car with the engine running in the garage to warm it up before work",
        "sat in the car with the engine running in the garage waiting for the rain to stop",
    ],
)
def test_engine_running_in_the_garage_with_an_everyday_purpose_is_no_preparation(text: str) -> None:
    """Warming the car up before work, or waiting out the rain, is flagged as preparation for suicide at
    `behavior` (2.8.4: none). 2.9.0's `aborted_named` reading of car + engine running + garage ignores the
    everyday purpose named in the same clause, which the `everyday` set-aside honours for other means. Should stay
    below `behavior`."""
    assert _level(text, JOURNAL) < LEVELS.index("behavior")


@pytest.mark.parametrize(
    "text",
    [
        "Client's mother found her after she attempted last night",
        "Pt attempted last night.",
        "pt attempted; brother called 999",
    ],
)
def test_note_of_the_clients_attempt_is_an_attempt(text: str) -> None:
    """A note that the client attempted last night raises nothing at all (2.8.4 the same): the therapist sees no
    flag. docs/risk.md (2.10.0) says "pt attempted" stays the client's, but a bare "attempted" (no "suicide", no
    means) is read by no rule. Should be `attempt`."""
    assert _level(text, NOTE) == LEVELS.index("attempt")


def test_shorthand_self_harm_last_night_is_behavior() -> None:
    """ "s/h last night on her arms" is read only by the sentence model, at `ideation`; 2.10.0 normalises "s/h" to
    "sh", and docs/risk.md (2.8.3) lists "SH last night on his arms" among the reported forms that still read. A
    self-harm act last night should be `behavior`."""
    assert _level("s/h last night on her arms", NOTE) >= LEVELS.index("behavior")


def test_ligature_found_with_a_time_is_preparation() -> None:
    """A ligature found in the client's room, which she said was "for tonight", raises nothing. 2.10.0's
    `preparation_ligature` reads a found ligature only when the literal word "plan" follows; a named time is a plan.
    Should be `behavior`."""
    assert _level("ligature found in her room, she said it was for tonight", NOTE) >= LEVELS.index("behavior")


def test_denial_stops_at_semicolon_and_yet() -> None:
    """ "Denies current SI; yet admits thinking about dying every day." is only an `indicator`: the denial sets
    aside the sentence model's ideation across the ";" and "yet" (the same clause without the denial reads
    `ideation`). docs/risk.md (2.10.0): a denial's scope stops at "yet" and ";". Should be `ideation`."""
    assert _level("Denies current SI; yet admits thinking about dying every day.", NOTE) >= LEVELS.index(
        "ideation"
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hx of SH x4 during her first admission, resolved.", NOTE),
        ("i cut again, the lawn looks great now", JOURNAL),
        ("i cut again on my own for the first time, barber is too dear", JOURNAL),
        ("sat in the car with the engine running in the garage to defrost the windscreen", JOURNAL),
        ("sat in the car with the engine running in the garage to charge my phone before school", JOURNAL),
    ],
)
def test_new_voices_of_the_everyday_and_history_mechanisms(text: str, kind: str) -> None:
    """The same mechanisms in new words: a count bounded to an admission, a thing cut or "on my own", a car warmed
    or charged in a garage all stay below `behavior` (2.10.0 read each at `behavior`)."""
    assert _level(text, kind) < LEVELS.index("behavior")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("She attempted this morning, taken to A&E.", "attempt"),
        ("SH yesterday on her thighs, dressed by GP.", "behavior"),
        ("ligature found in her room, she was going to use it tonight", "behavior"),
    ],
)
def test_new_voices_of_the_current_act_mechanisms(text: str, level: str) -> None:
    assert _level(text, NOTE) >= LEVELS.index(level)


@pytest.mark.parametrize(
    ("text", "kind", "level"),
    [
        ("i cut again last night, so much blood", JOURNAL, "behavior"),
        ("i cut again on my bed, blood on the sheets", JOURNAL, "behavior"),
        ("sat in the car with the engine running in the garage with the door shut", JOURNAL, "behavior"),
        ("SH x3 this wk.", NOTE, "behavior"),
        ("Pt attempted to phone the crisis line but hung up.", NOTE, "indicator"),
        ("Client attempted the driving test again and passed.", NOTE, "none"),
        ("Her sister attempted last night; client found her.", NOTE, "none"),
        ("Pt's father attempted in 2015.", NOTE, "none"),
        ("She attempted a return to work, lasted two days.", NOTE, "none"),
        ("Pt attempted, with support, to reach her GP.", NOTE, "none"),
        ("They attempted mediation over the weekend at the school.", NOTE, "none"),
        ("Client's brother attempted this week; client is coping.", NOTE, "none"),
        ("Ligature found in the ward garden, maintenance were going to use it for the fence.", NOTE, "none"),
        ("ligature points checked in her room, none found; plan for tonight's review", NOTE, "none"),
        ("No SH last night, slept well.", NOTE, "none"),
        ("SH leaflet given today.", NOTE, "none"),
        ("Self-harm training today for the ward staff.", NOTE, "none"),
        ("Denies SI; however reports poor sleep this week.", NOTE, "none"),
        ("Denies SI but feels tired and flat.", NOTE, "none"),
    ],
)
def test_near_misses_keep_their_reading(text: str, kind: str, level: str) -> None:
    """Near misses of each mechanism, in new voices, read as 2.10.0 read them: an object after "attempted", a
    relative as the subject, someone else's use, "No SH", a denial with nothing after its stop."""
    assert risk.screen(text, kind=kind).level == level
