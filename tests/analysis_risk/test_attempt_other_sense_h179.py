"""h179, risk 2.15.3: a bare "attempt(s)" in a note is read as an attempt on one's life only where its sentence or its
line's heading names a suicide or self-harm sense, or under a risk heading; an attempt at or of something, or named by
its object, is another sense (docs/risk.md, "2.15.3"; frozen35-091, "Hx: IVF attempts x2 unsuccessful")."""

from __future__ import annotations

import pytest

from reverie.analysis import risk
from reverie.analysis import risk_lexicon as lex

NOTE = "session_note"

OTHER_SENSES = [
    "IVF",
    "driving test",
    "exam",
    "quitting smoking",
    "conceiving",
    "recipe",
    "job interview",
    "detox",
]
# the register's bare forms, with an object before or an "at"/"of" after
FORMS = [
    "Hx: {o} attempts x2 unsuccessful.",
    "{O} attempts x3, none successful.",
    "Risk: {o} attempts x2.",
    "Previous attempts at {o}, all failed.",
    "Prior attempts of {o} this year.",
]


def _levels(text: str) -> list[tuple[str, int, str | None]]:
    return [(h.rule, h.level, h.reason) for h in lex.read(text, NOTE)]


def _at_attempt(text: str) -> bool:
    return any(level >= lex.ATTEMPT and reason is None for _, level, reason in _levels(text))


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("other", OTHER_SENSES)
def test_another_sense_is_not_an_attempt(other: str, form: str) -> None:
    text = form.format(o=other, O=other[0].upper() + other[1:])
    assert not any(rule == "note_attempt_register" and reason is None for rule, _, reason in _levels(text)), (
        text
    )
    assert not _at_attempt(text), text


def test_frozen35_091_form() -> None:
    text = "Hx: IVF attempts x2 unsuccessful, now on adoption waitlist."
    assert not _at_attempt(text)
    assert risk.screen(text, NOTE, model=False).level != "attempt"


def test_a_bare_attempt_without_a_sense_is_not_read() -> None:
    assert not _at_attempt("Previous attempts x2.")
    assert not _at_attempt("Attempts x3 so far.")


# the register's own lines keep their reading: a sense word in the sentence, a risk heading, or the sense in the words
GUARDS = [
    "Previous attempts x2 (OD).",
    "Risk: previous attempts x2.",
    "Risk hx: attempts x3.",
    "Suicide attempts x3.",
    "Attempts x2, last by hanging.",
    "Prior attempts x2 to kill herself.",
    "Previous attempts x2, both overdoses of paracetamol.",
    "Hx of SA x2.",
    "Previous SA x3.",
    "OD 2015.",
    "YP attempted hanging.",
    "Hanging attempt 2019.",
    "Attempt x1 (CO in car), interrupted by neighbour.",  # frozen32-149 (seen, genuine): a means named
    "Previous attempts x2 on her life.",
]


@pytest.mark.parametrize("text", GUARDS)
def test_the_register_keeps_its_lines(text: str) -> None:
    assert _at_attempt(text), text


def test_version() -> None:
    assert risk.VERSION == "2.16.5"
