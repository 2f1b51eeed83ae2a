"""Time frames: childhood, past, present and imagined future, per sentence, with evidence spans."""

from __future__ import annotations

from reverie.analysis.document import prepare
from reverie.analysis.timeframes import FRAMES, TimeframesAnalyzer, frames_of


def labels(text: str) -> list[str]:
    return [frame.label for frame in frames_of(prepare(text))]


def test_timeframes_childhood_markers() -> None:
    assert labels("When I was a kid my father drank.") == ["past_childhood"]
    assert labels("Growing up, we never had money.") == ["past_childhood"]
    assert labels("When I was nine my dad left.") == ["past_childhood"]
    assert labels("As a child I hid a lot.") == ["past_childhood"]


def test_timeframes_school_is_childhood_only_in_the_past() -> None:
    assert labels("At school I was bullied.") == ["past_childhood"]
    assert labels("My son is at school.") == ["present"]


def test_timeframes_past_from_tense_and_markers() -> None:
    assert labels("My boss criticised my report.") == ["past"]
    assert labels("Years ago I lived in Leeds.") == ["past"]
    assert labels("I used to call her every day.") == ["past"]


def test_timeframes_present_and_future() -> None:
    assert labels("My partner never listens.") == ["present"]
    assert labels("Tomorrow I will tell him.") == ["future_imagined"]
    assert labels("What if she leaves me?") == ["future_imagined"]
    assert labels("Someday I will be free of this.") == ["future_imagined"]
    assert labels("I imagine telling my mother the truth.") == ["future_imagined"]
    assert labels("I am going to quit.") == ["future_imagined"]


def test_timeframes_childhood_carries_over_to_following_past_sentences() -> None:
    text = "When I was little my father would come home angry. He would shout. I hid under my bed."
    assert labels(text) == ["past_childhood"] * 3


def test_timeframes_a_new_paragraph_ends_the_childhood_context() -> None:
    assert labels("When I was little I was scared.\n\nYesterday I called him.") == ["past_childhood", "past"]


def test_timeframes_findings_carry_sentence_span_then_evidence() -> None:
    text = "I was calm. When I was a kid I cried a lot."
    findings = TimeframesAnalyzer().run(prepare(text))
    assert [f.label for f in findings] == ["past", "past_childhood"]
    childhood = findings[1]
    assert childhood.kind == "time"
    assert childhood.spans[0].text(text) == "When I was a kid I cried a lot."
    assert childhood.spans[1].text(text) == "When I was a kid"
    assert dict(childhood.data) == {"sentence": 1, "basis": "marker"}
    assert all(f.label in FRAMES for f in findings)
