"""h152 (review r126): a unit that only sets a scene never raises the entry by itself.

"Two in the morning." was read at ideation by the sentence model alone (over its threshold, and near enough to a
written crisis line for the support floor), so a client who wrote only the time was asked "are you safe?". A unit
made only of the closed class of scene words (a clock time, a number, a day, a date, "again", "now", "tonight", a
greeting, "ok", an article, a preposition: ``risk_lexicon.SCENE_WORDS``) is set aside with reason ``scene_only``; the
entry is still read whole, so a wish after the time flags it, and the lexicon reads every word as before. The lines
here are written for this test (none is in the bank or a challenge batch, asserted below)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reverie.analysis import risk
from reverie.analysis import risk_lexicon as lex
from risk_model import sentence_model

# Time-only lines the sentence model raised by itself on 2.10.3 (r126's own line first).
SCENE_RAISED = [
    "Two in the morning.",
    "Two in the morning. Can't sleep.",
    "Three in the morning again.",
    "Midnight again, on a Sunday.",
    "At 3am on the 2nd of June.",
    "Ok. Now. Tonight at ten.",
]
# A time and then a wish: flagged, by the second sentence or by the lexicon (the first of them by the model alone).
SCENE_THEN_WISH = [
    "2am. i want it to stop.",
    "Two in the morning. I want to die.",
    "Three in the morning. I don't want to be here anymore.",
    "3am. cant do this anymore, want to end it.",
]
# Genuine short lines read by the model alone, a run of fragments among them: still flagged.
GENUINE_SHORT = ["Over it. Want gone.", "Enough. No more. Bye."]
# A time at the start of a run of short fragments diluted the wish after it (2.10.3 read the run whole, under the
# threshold); read apart, the rest of the run is flagged.
TIME_THEN_SHORT_WISH = [
    "2am. Cant anymore. Sorry.",
    "3am. Want out. Done.",
    "4am. Over it. Want gone.",
    "2am again. Cant. Anymore. Sorry.",
]


# Lines written for h152's measurement (docs/risk.md, "2.11.0"): time-only lines ("scene"), a time then a wish
# ("scene_wish"), a time then a short wish in a run ("scene_run_wish"), everyday fragments ("everyday"), genuine
# short lines ("genuine_short"); read by scripts/risk_scene_measure.py --fixture.
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "risk_scene_fragments_h152.jsonl"


def _fixture(group: str) -> list[str]:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["text"] for r in rows if r["group"] == group]


@pytest.fixture(scope="module")
def shipped() -> risk.RiskModel:
    return sentence_model()


# Lines of the fixture that a batch written apart, the same day and unseen by h152's writer, happens to hold too (a
# short line two writers both wrote): not copied from the bank or a batch, so they stay in h152's measurement.
WRITTEN_APART_THE_SAME = {"tired.": "frozen28-127", "dentist at nine.": "frozen28-177"}


def test_the_lines_are_written_for_this_test(written_texts: frozenset[str]) -> None:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    for text in (
        SCENE_RAISED + SCENE_THEN_WISH + GENUINE_SHORT + TIME_THEN_SHORT_WISH + [r["text"] for r in rows]
    ):
        key = text.strip().lower()
        assert key not in written_texts or key in WRITTEN_APART_THE_SAME
    assert set(WRITTEN_APART_THE_SAME) <= written_texts  # each exception still names a line some batch holds
    assert len(_fixture("everyday")) == 40 and len(_fixture("scene")) == 20


@pytest.mark.parametrize("text", _fixture("scene"))
def test_no_time_only_line_of_the_fixture_is_flagged(shipped: risk.RiskModel, text: str) -> None:
    assert not risk.screen(text).flagged


@pytest.mark.parametrize("text", _fixture("scene_wish"))
def test_every_time_then_wish_line_of_the_fixture_is_flagged(shipped: risk.RiskModel, text: str) -> None:
    assert risk.screen(text).flagged


@pytest.mark.parametrize(
    ("text", "scene"),
    [
        ("two in the morning.", True),
        ("3.30am. again.", True),
        ("at 3am on the 2nd of june.", True),
        ("2:47 am", True),
        ("hello again, midnight on a sunday.", True),
        ("ok. now. tonight at ten.", True),
        ("it's two in the morning.", False),  # "it's" is not of the class
        ("friday. the day.", False),  # a day chosen: "day" carries a meaning of its own
        ("time now.", False),
        ("999 at 3am.", False),  # an emergency number is content
        ("2am 🔪", False),  # an emoji is content
        ("два часа ночи", False),  # another script is content
        ("tonight. bye.", False),
        ("...", False),  # no word at all: nothing to set a scene with
    ],
)
def test_scene_only_reads_the_closed_class(text: str, scene: bool) -> None:
    norm = lex.normalise(text)
    assert lex.scene_only(norm, 0, len(norm)) is scene


def _units(text: str, *, clauses: bool = True) -> list[str]:
    return [text[s:e] for s, e in risk.model_units(text, clauses=clauses)]


def test_a_scene_fragment_at_either_end_of_a_run_is_read_apart() -> None:
    assert _units("2am. Cant anymore. Sorry.") == ["2am.", "Cant anymore. Sorry."]
    assert _units("Letters posted. Keys left. Sunday.") == ["Letters posted. Keys left.", "Sunday."]
    assert _units("Monday. 2am. Cant anymore. Sorry.") == ["Monday.", "2am.", "Cant anymore. Sorry."]


def test_a_scene_fragment_stays_in_its_run_when_the_rest_is_too_short() -> None:
    # the time of an act reads with the act: "Took them." alone is under three words
    assert _units("Took them. 2:15.") == ["Took them. 2:15."]
    assert _units("3am. Want out.") == ["3am. Want out."]
    # inside a run it stays too
    assert _units("Cant. 2am. Sorry again.") == ["Cant. 2am. Sorry again."]


def test_person_mode_reads_its_runs_whole() -> None:
    # the person model was trained on whole sentences and runs: its inputs do not change
    assert _units("2am. Cant anymore. Sorry.", clauses=False) == ["2am. Cant anymore. Sorry."]


@pytest.mark.parametrize("text", TIME_THEN_SHORT_WISH)
def test_a_short_wish_after_a_time_is_flagged(shipped: risk.RiskModel, text: str) -> None:
    assert risk.screen(text).flagged


@pytest.mark.parametrize("text", SCENE_RAISED)
def test_a_time_alone_is_not_flagged(shipped: risk.RiskModel, text: str) -> None:
    result = risk.screen(text)
    assert max(result.sentence_scores) >= shipped.sentence_threshold  # the model reads it over its threshold
    assert not result.flagged, result.to_data()
    assert any(s.rule == "model" and s.reason == risk.SCENE_ONLY for s in result.suppressed)


@pytest.mark.parametrize("text", SCENE_THEN_WISH + GENUINE_SHORT)
def test_a_time_then_a_wish_is_still_flagged(shipped: risk.RiskModel, text: str) -> None:
    assert risk.screen(text).flagged


def test_the_wish_after_the_time_is_what_raises(shipped: risk.RiskModel) -> None:
    text = "2am. i want it to stop."
    result = risk.screen(text)
    assert result.model_alone
    assert [text[t.span.start : t.span.end] for t in result.triggers] == ["i want it to stop."]


def test_a_scene_unit_beside_a_phrase_keeps_the_phrase(shipped: risk.RiskModel) -> None:
    result = risk.screen("Two in the morning. I want to die.")
    assert not result.model_alone and result.level == "ideation"
    assert any(s.reason == risk.SCENE_ONLY for s in result.suppressed)
