"""A death wish the writer takes back in the same breath (thirty-first round, k29; docs/risk.md).

Found across many seen batches (jokes, negations, distress in many voices): a wish phrase followed by a retraction
("jk", "just kidding", "joke only", "not really" right after laughter or a bracket, "(I don't.)") or denied in contrast
("tired, yes; wanting to die, no."). Set aside as ``negation`` by construction, with its evidence recorded; the
sentence model does not raise a sentence that ends on such a retraction. Bare laughter is no retraction, a negated or
turned marker ("not joking", "not even joking", "they think im joking") none either, a hedge after it ("kidding.
mostly", "jk unless") keeps the phrase, and an act told is never taken back. Sentences written for this test (none
from the bank or a challenge batch).
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk_lexicon as lex
from reverie.analysis.risk import screen

TAKEN_BACK = (
    "the printer jammed again, i want to die lol (not really, its just the printer)",
    "Third flat tyre this month, I'll hang myself from the carport, ha ha, not really.",
    "if they move my shift one more time im killing myself jk",
    "This spreadsheet, honestly I want to die haha, joke only.",
    "Another fire drill at 7am, I want to kill myself, just kidding.",
    "One more chorus of that song and I'm throwing myself off the ferry. I mean it. (I don't.)",
    "wanna die lmao jk the exam was fine",
)
DENIED = (
    "Worn out, yes; wanting to die, no.",
    "Lonely, yes, but wanting to die, no, not once this winter.",
    "Q: Wanting to be dead? A: No. Just very tired of the rota.",
)
KEPT = (
    "i want to die lol",
    "honestly want to kill myself lol not even joking",
    "everyone thinks im joking when i say i want to die but im not, not really",
    "I want to die. Not joking.",
    "want to die jk... or not",
    "i want to kill myself jk unless?",
    "I want to die, kidding. mostly",
    "I want to die, no one would notice.",
    "Do I want to die? Yes.",
)
ACTS = (
    "I cut myself last night jk",
    "took all my pills lol not really",
)


@pytest.mark.parametrize("text", TAKEN_BACK + DENIED)
def test_a_wish_taken_back_or_denied_in_contrast_is_set_aside_with_its_reason(text: str) -> None:
    hits = [h for h in lex.read(text) if h.rule_level >= lex.IDEATION]
    assert hits, "the wish phrase is read"
    assert all(h.reason == "negation" and h.level == 0 for h in hits)
    result = screen(text)
    assert not result.flagged, result.triggers
    assert any(s.reason == "negation" for s in result.suppressed)


@pytest.mark.parametrize("text", KEPT)
def test_laughter_a_negated_marker_a_hedge_or_no_one_keeps_the_wish(text: str) -> None:
    result = screen(text)
    assert result.flagged
    assert any(t.rule != "model" for t in result.triggers), "the lexicon's words name the level"


@pytest.mark.parametrize("text", ACTS)
def test_an_act_told_is_never_taken_back(text: str) -> None:
    assert screen(text).level in ("behavior", "attempt")


def test_a_sentence_ending_on_a_retraction_is_not_raised_by_the_model_alone() -> None:
    text = "if the manager asks me to stay late again im jumping in the canal jk"
    result = screen(text)
    assert not result.flagged, result.triggers
    assert [s.reason for s in result.suppressed if s.rule == "model"] == ["negation"]
    assert lex.sentence_reasons(text, "free_association", [(0, len(text))]) == ["negation"]


def test_a_sentence_whose_marker_is_negated_keeps_the_model_alarm() -> None:
    text = "if the manager asks me to stay late again im jumping in the canal, not even joking"
    assert lex.sentence_reasons(text, "free_association", [(0, len(text))]) == [None]
