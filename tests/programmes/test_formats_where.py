"""Programmes as data and where a session falls in its course."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from reverie.errors import InvalidInput
from reverie.programmes.formats import (
    BRIEF,
    DIT,
    GOODBYE_LETTER,
    IPAF,
    LONG_TERM,
    MEDIUM_TERM,
    PROGRAMMES,
    Programme,
    ProgrammeId,
    ended,
    get_programme,
    required_artefacts,
    where,
)


def test_where_dit_session_7_text() -> None:
    position = where("dit", 7, 16)
    assert position.text == "Session 7 of 16 · middle phase"
    assert (position.session, position.total, position.phase.key) == (7, 16, "middle")


@pytest.mark.parametrize(
    ("session", "phase"),
    [(1, "initial"), (4, "initial"), (5, "middle"), (12, "middle"), (13, "ending"), (16, "ending")],
)
def test_where_dit_phase_edges(session: int, phase: str) -> None:
    assert where(DIT, session).phase.key == phase


def test_where_dit_default_total_is_16() -> None:
    assert where(DIT, 16).text == "Session 16 of 16 · ending phase"


def test_where_dit_artefacts_per_phase() -> None:
    assert where(DIT, 2).artefacts == (IPAF,)
    assert where(DIT, 8).artefacts == ()
    assert where(DIT, 14).artefacts == (GOODBYE_LETTER,)
    assert required_artefacts("dit") == {"initial": (IPAF,), "ending": (GOODBYE_LETTER,)}


def test_where_dit_phase_purposes_are_plain_language() -> None:
    assert "IPAF" in DIT.phase("initial").purpose
    assert "link it to symptoms" in DIT.phase("middle").purpose
    assert "goodbye letter" in DIT.phase("ending").purpose


def test_where_rejects_sessions_outside_the_course() -> None:
    with pytest.raises(InvalidInput, match="after the last session"):
        where(DIT, 17)
    with pytest.raises(InvalidInput, match="has 16 sessions, once a week"):
        where(DIT, 3, 20)
    with pytest.raises(InvalidInput, match="whole number"):
        where(DIT, 0)


def test_where_brief_default_28_and_end_anchored_ending() -> None:
    assert where(BRIEF, 24).text == "Session 24 of 28 · middle phase"
    assert where(BRIEF, 25).phase.key == "ending"  # last 4 of 28
    assert where(BRIEF, 26, 30).phase.key == "middle"
    assert where(BRIEF, 27, 30).phase.key == "ending"


def test_where_brief_total_range_enforced() -> None:
    with pytest.raises(InvalidInput, match="25–30"):
        where(BRIEF, 3, 24)
    with pytest.raises(InvalidInput):
        where(BRIEF, 3, 31)


def test_where_long_term_open_ended_text() -> None:
    position = where(LONG_TERM, 40)
    assert position.text == "Session 40 · long-term, open-ended"
    assert position.total is None and position.phase.key == "middle"


def test_where_open_ended_with_agreed_end_reaches_ending() -> None:
    assert where(LONG_TERM, 89, 100).phase.key == "ending"
    assert where(LONG_TERM, 88, 100).phase.key == "middle"


def test_where_short_course_ending_wins_over_middle() -> None:
    assert where(MEDIUM_TERM, 2, 8).phase.key == "initial"
    assert where(MEDIUM_TERM, 3, 8).phase.key == "ending"
    assert where(MEDIUM_TERM, 6, 8).phase.key == "ending"


def test_programmes_are_complete_frozen_data() -> None:
    assert {p.id for p in PROGRAMMES} == set(ProgrammeId)
    for programme in PROGRAMMES:
        assert programme.phases[0].starts_at == 1 and not programme.phases[0].from_end
        assert all(phase.name and phase.purpose for phase in programme.phases)
        assert programme.session_minutes == 50
    with pytest.raises(dataclasses.FrozenInstanceError):
        DIT.name = "x"  # type: ignore[misc]


def test_programmes_materials_and_frequency() -> None:
    assert "images" in get_programme("art_therapy").materials
    assert "recordings" in get_programme("music_therapy").materials
    assert BRIEF.per_week == (1, 2) and DIT.per_week == (1, 1)
    assert LONG_TERM.open_ended and not DIT.open_ended


def test_get_programme_unknown() -> None:
    with pytest.raises(InvalidInput, match="Unknown programme"):
        get_programme("gestalt")


@pytest.mark.parametrize("programme", PROGRAMMES, ids=lambda p: p.id.value)
def test_an_ended_course_is_in_its_ending_phase_however_early_it_ended(programme: Programme) -> None:
    """One answer for every door (course page, API, CLI): "Ended on 9 Feb 2026" in the ending phase, a DIT course
    ended at session 6 too (before r70 the API placed it in its middle phase)."""
    spot = ended(programme, 6, None, date(2026, 2, 9))
    assert spot.text == "Ended on 9 Feb 2026"
    assert spot.phase.key == "ending" and spot.phase.name == "ending"
    assert spot.session == 6
