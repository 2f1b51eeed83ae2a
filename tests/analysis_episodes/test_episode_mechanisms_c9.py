"""Episodes 1.11.0: mechanisms that recur across the ten seen vignette batches, written by different people
(docs/ccrt.md, "Ninth round (c9)"). Each rule is tested both ways, on sentences written for this file."""

from __future__ import annotations

import pytest

from reverie.analysis import ccrt
from reverie.analysis.document import prepare
from reverie.analysis.episodes import Draft, Episode, _after_warm, find_episodes
from reverie.analysis.findings import Span


def _rs(text: str) -> list[int | None]:
    return [(f.data["rs"] or {}).get("cluster") for f in find_episodes(prepare(text, "journal"))]


# ---- crying after a warm response is being accepted, not sadness ------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "My sister rang and said she was proud of me. I cried.",
        "My grandad held my hand at the hospital and told me I was brave. I wept.",
        "My coach hugged me after the match. I wanted to hear that he was proud. I sobbed in the changing room.",
        "My sister rang and said she was proud of me. I cried on the phone and thanked her.",
        "My uncle wrote back and said he loved me. I cried reading it.",
    ],
)
def test_crying_after_a_warm_response_is_being_accepted(text: str) -> None:
    assert _rs(text) == [3]


@pytest.mark.parametrize(
    "text",
    [
        "My sister rang and said she never wants to see me again. I cried.",
        "My cousin posted the photos without asking me. I wanted her to ask first. I cried in the bathroom.",
        "My flatmate laughed at my accent in front of everyone. I cried later.",
    ],
)
def test_crying_after_a_cold_response_stays_sadness(text: str) -> None:
    assert _rs(text) == [7]


def test_crying_beside_a_bad_feeling_is_not_acceptance() -> None:
    assert _rs("My sister rang and said she was proud of me. I cried, ashamed of how long it took.") != [3]


# ---- the same after the learned coder: the RO shown decides ---------------------------------------------
def _draft(tears: bool) -> Draft:
    episode = Episode("sibling", "sibling", [0, 1])
    code = ccrt.Code(7, Span(0, 5), 0.6)
    return Draft(
        episode,
        [0, 1],
        {"w": None, "ro": None, "rs": code},
        response=True,
        felt=False,
        tense="past",
        tears=tears,
    )


def _shown(ro: int | None, rs: int | None, tears: bool) -> int | None:
    codes = {
        "w": None,
        "ro": ccrt.Code(ro, Span(0, 5), 0.5) if ro else None,
        "rs": ccrt.Code(rs, Span(6, 9), 0.5) if rs else None,
    }
    out = _after_warm(_draft(tears), codes)["rs"]
    return out.cluster if out else None


def test_the_learned_warm_response_turns_crying_alone_into_acceptance() -> None:
    assert _shown(6, 7, tears=True) == 3
    assert _shown(8, 7, tears=True) == 3


def test_the_learned_step_leaves_other_cases_alone() -> None:
    assert _shown(5, 7, tears=True) == 7  # rejecting: sadness
    assert _shown(6, 7, tears=False) == 7  # sadness stated otherwise ("I felt empty")
    assert _shown(6, 2, tears=True) == 2  # the learned coder replaced the RS
    assert _shown(None, 7, tears=True) == 7  # no response shown


# ---- a thing pushed back, away or across by the other is a refusal, not pressure -----------------------------
def _ro(text: str) -> list[int | None]:
    return [(f.data["ro"] or {}).get("cluster") for f in find_episodes(prepare(text, "journal"))]


@pytest.mark.parametrize(
    "text",
    [
        "I asked my manager to choose the dates for me. She pushed the calendar back across the table to me.",
        "My tutor slid the essay across to me without a word.",
        "I asked my dad to sign the form. He shoved the papers back at me.",
    ],
)
def test_a_thing_pushed_back_is_a_refusal(text: str) -> None:
    assert _ro(text) == [5]


@pytest.mark.parametrize(
    "text",
    [
        "My mother pushed me to apply for the job in the city.",
        "My aunt kept pushing me to eat more at dinner.",
    ],
)
def test_a_person_pushed_is_still_pressure(text: str) -> None:
    assert _ro(text) == [2]


def test_the_writers_own_pushing_told_by_the_other_is_not_the_others_refusal() -> None:
    text = "My therapist said she'd noticed I push people away when I'm scared."
    assert 5 not in _ro(text)


# ---- help received ("I felt looked after") is being accepted, not helping -------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "My neighbour carried my bags up the stairs. I didn't want to be a bother. He insisted. I felt looked after.",
        "My sister phoned me every night after the surgery and I felt looked after.",
        "My brother drove over and told me I was doing fine. I felt supported.",
    ],
)
def test_help_received_is_being_accepted(text: str) -> None:
    assert _rs(text) == [3]


@pytest.mark.parametrize(
    "text",
    [
        "My friend had the flu and asked me for soup. I looked after her all weekend.",
        "My brother rang in a panic about his rent. I supported him until payday.",
    ],
)
def test_help_given_stays_helping(text: str) -> None:
    assert _rs(text) == [1]
