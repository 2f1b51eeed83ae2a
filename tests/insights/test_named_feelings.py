"""Feelings the entry names in so many words are shown (emotions layer ``stated``: the writer's own word, affirmed,
not hedged, denied or someone else's), from ``STATED_FLOOR`` rather than the feelings floor: the evidence is the
word, not the head's probability (docs/insights.md, "Feelings the entry names"). One the head merely reads stays
behind its floor."""

from __future__ import annotations

from typing import Any

from observation_data import _f

from reverie.insights.observations import STATED_FLOOR, SUPPORT, read_entry

TEXT = "I felt grateful and calm afterwards. The bus was late."
SENTENCE = [0, 36]


def _result(*findings: dict[str, Any]) -> dict[str, Any]:
    return {"findings": list(findings)}


def test_a_named_feeling_is_shown_below_the_feelings_floor_and_says_so() -> None:
    named = _f("emotion", "gratitude", 0.10, [SENTENCE], scope="entry", stated=True)
    (obs,) = read_entry(TEXT, _result(named)).observations
    assert obs.text == "Your words carry gratitude." and obs.evidence == (
        "I felt grateful and calm afterwards.",
    )
    assert obs.stated and obs.sureness == "Named in the entry's own words"
    assert obs.confidence == 0.10  # the figure is the head's, not raised


def test_a_feeling_the_head_only_reads_stays_behind_its_floor() -> None:
    read = _f("emotion", "relief", 0.10, [SENTENCE], scope="entry")
    assert read_entry(TEXT, _result(read)).observations == ()
    assert read_entry(TEXT, _result(read)).left_out == 1


def test_below_the_named_floor_or_implied_is_not_shown() -> None:
    faint = _f("emotion", "gratitude", STATED_FLOOR / 2, [SENTENCE], scope="entry", stated=True)
    implied = _f("emotion", "sadness", 0.2, [SENTENCE], scope="entry", stated=True, implied=True)
    assert read_entry(TEXT, _result(faint, implied)).observations == ()


def test_a_confident_named_feeling_keeps_its_sureness() -> None:
    sure = SUPPORT["feelings"].sure_at
    named = _f("emotion", "gratitude", sure, [SENTENCE], scope="entry", stated=True)
    (obs,) = read_entry(TEXT, _result(named)).observations
    assert obs.sureness == "Reverie is fairly sure"


def test_through_the_pipeline_a_plain_named_feeling_reaches_the_panel() -> None:
    from reverie.analysis.pipeline import analyse

    result = analyse(TEXT).to_json()
    shown = {o.key for o in read_entry(TEXT, result).observations}
    assert {"feelings:gratitude", "feelings:relief"} <= shown
