"""Thirty-second round (h111, docs/risk.md): placeholder tokens — one letter said three times or more, x's as marks,
a keyboard row's run, a vowelless group repeated, a "lorem ipsum" opening — are removed from what the sentence model
reads at screening time, and a unit left with no word is not read; since 2.8.1 (h124, review r108) a unit the guard
cut that keeps fewer than ``MIN_MODEL_WORDS`` words is read as written (the marks may carry its meaning). Real words
stretched with letters stay words, a unit with a lexicon phrase is read as written, and noisy genuine lines keep their
flag. The lines here were written for this file (none is a line of a challenge batch)."""

from __future__ import annotations

import pytest

from reverie.analysis import risk
from reverie.analysis import risk_lexicon as lex
from risk_model import sentence_model


def _model_reads(text: str) -> list[str | None]:
    hits = lex.read(text)
    return risk.model_inputs(risk.model_text(text, hits), risk.model_units(text), hits)


@pytest.mark.parametrize(
    "text",
    [
        "zzzz zzzz zzzz zzzz zzzz",  # 0.80 from the sentence model alone before
        "zzz zzz zzz zzz zzz zzz",
    ],
)
def test_placeholder_rows_raise_no_risk_finding(text: str) -> None:
    sentence_model()
    result = risk.screen(text)
    assert not result.flagged, result.to_data()


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("qqqq qqqq qqqq qqqq", [None]),
        ("xxxx said the xxxx was late again", ["said the was late again"]),
        (
            "note 9 zzz zzz zzz",
            ["note 9 zzz zzz zzz"],
        ),  # two words left: read as written (2.8.1, review r108)
        ("xx goodbye forever xx", ["xx goodbye forever xx"]),  # the kisses are part of the goodbye
        ("zzz zzz sleep forever", ["zzz zzz sleep forever"]),
        (
            "xx see you at the bus stop xx",
            ["see you at the bus stop"],
        ),  # a sentence's words left: read without them
        ("asdfghjkl so bored of this queue", ["so bored of this queue"]),
        ("lorem ipsum dolor sit amet", [None]),
        ("fjfjfjfj hjkl", [None]),
        ("404 404 404", [None]),
    ],
)
def test_the_model_does_not_read_placeholder_tokens(text: str, read: list[str | None]) -> None:
    assert _model_reads(text) == read


@pytest.mark.xfail(
    strict=True,
    reason="issue 12: a label of one or two words beside placeholders is read as written (risk 2.8.1): silencing it "
    'would also silence "xx goodbye forever xx"',
)
def test_a_short_label_beside_placeholders_raises_no_risk_finding() -> None:
    sentence_model()
    result = risk.screen("note 9 zzz zzz zzz")
    assert not result.flagged, result.to_data()


@pytest.mark.parametrize(
    "text",
    [
        "soooo tired of everything tbh",  # a stretched word is a word
        "I'll see AA on Monday, we'll meet in room ii",  # "AA", "ii", and words with an apostrophe are kept
        "see www.example.org for the form",  # a dotted name is not a token of its own
        "took 2 x 500mg with tea",  # one x is a word here
    ],
)
def test_words_are_read_as_written(text: str) -> None:
    assert _model_reads(text) == [text[s:e].strip() for s, e in risk.model_units(text)]


def test_a_unit_with_a_lexicon_phrase_is_read_as_written() -> None:
    text = "xxxx i want to die xxxx"
    assert lex.read(text)
    assert _model_reads(text) == [text]
    assert risk.screen(text, model=False).flagged


@pytest.mark.parametrize(
    "text",
    [
        "zzzz cant sleep again, i just want it all to stop forever",
        "asdfgh nobody would care if i was gone for good",
        "xx gonna end it all this weekend xx",
    ],
)
def test_noisy_genuine_lines_keep_their_flag(text: str) -> None:
    sentence_model()
    assert any(read and len(read.split()) >= 3 for read in _model_reads(text))
    assert risk.screen(text).flagged, risk.screen(text).to_data()
