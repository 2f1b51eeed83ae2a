"""Characters that print as nothing (zero-width space, joiners, soft hyphen, byte-order mark) do not hide risk
language, do not create it, and do not move the evidence (issue 12).

Pasted text carries them: "our\u200b drummer overdosed" once escaped the attribution rule because the zero-width
space is neither a space nor a letter to the lexicon. The screen now reads the text without them and points its
spans back into the text as written. Sentences written for this test (none from the bank or a challenge batch).
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk_lexicon as lex
from reverie.analysis.risk import RiskScreen, screen, screen_person

ZWSP, ZWJ, SOFT_HYPHEN, BOM, WORD_JOINER = "\u200b", "\u200d", "\u00ad", "\ufeff", "\u2060"

# (the sentence as a person would see it, the same with invisible characters where pasting puts them)
PAIRS = (
    ("Our drummer overdosed after the second set.", f"Our{ZWSP} drummer overdosed after the second set."),
    ("I want to kill myself tonight.", f"I want to kill my{SOFT_HYPHEN}self tonight."),
    (
        "Last night I took an overdose of my sleeping tablets.",
        f"Last night I took an over{ZWSP}dose of my sleeping tablets.",
    ),
    ("I keep hoping I won't wake up tomorrow.", f"{BOM}I keep hoping I won't wake{WORD_JOINER} up tomorrow."),
    ("Felt oddly calm at the bus stop.", f"Felt odd{ZWSP}ly calm at the bus stop."),
    ("Bought odd socks and a rope for the tent.", f"Bought odd socks and a rope for the {ZWJ}tent."),
    (
        "I cut myself on the bread knife making toast.",
        f"I cut my{SOFT_HYPHEN}self on the bread knife making toast.",
    ),
)


def _without_invisible(text: str) -> str:
    return "".join(ch for ch in text if ch not in lex.INVISIBLE)


def _evidence(result: RiskScreen, text: str) -> list[tuple[str, str, str]]:
    return [(_without_invisible(t.span.text(text)), t.rule, t.level) for t in result.triggers] + [
        (_without_invisible(s.span.text(text)), s.rule, s.reason) for s in result.suppressed
    ]


@pytest.mark.parametrize("model", [False, True], ids=["rules", "model"])
@pytest.mark.parametrize(("plain", "pasted"), PAIRS)
def test_the_screen_reads_pasted_text_as_it_prints(plain: str, pasted: str, model: bool) -> None:
    assert plain != pasted and _without_invisible(pasted) == plain
    clean, with_invisible = screen(plain, model=model), screen(pasted, model=model)
    assert with_invisible.level == clean.level
    assert with_invisible.score == pytest.approx(clean.score)
    assert _evidence(with_invisible, pasted) == _evidence(clean, plain)


def test_the_levels_are_the_ones_a_reader_expects() -> None:
    levels = {plain: screen(pasted).level for plain, pasted in PAIRS}
    assert levels["Our drummer overdosed after the second set."] in {"none", "indicator"}
    assert levels["I want to kill myself tonight."] != "none" and screen(PAIRS[1][1]).flagged
    assert levels["Last night I took an overdose of my sleeping tablets."] == "attempt"
    assert screen(PAIRS[3][1]).flagged
    assert not screen(PAIRS[4][1]).flagged and not screen(PAIRS[5][1]).flagged
    assert levels["I cut myself on the bread knife making toast."] not in {"behavior", "attempt"}


def test_spans_point_into_the_text_as_written() -> None:
    pasted = f"Fine day.{ZWSP}{ZWSP} I want to kill my{SOFT_HYPHEN}self."
    result = screen(pasted, model=False)
    assert result.flagged
    (trigger,) = [t for t in result.triggers if t.level != "indicator"]
    assert pasted[trigger.span.start] == "k" and pasted[trigger.span.end - 1] == "f"
    assert SOFT_HYPHEN in trigger.span.text(pasted)


def test_the_person_screen_reads_them_too() -> None:
    plain = ["A slow Sunday.", "I want to kill myself tonight."]
    pasted = ["A slow Sunday.", f"I want to kill my{SOFT_HYPHEN}self tonight."]
    clean, with_invisible = screen_person(plain), screen_person(pasted)
    assert with_invisible.level == clean.level
    joined = "\n\n".join(pasted)
    assert [_without_invisible(t.span.text(joined)) for t in with_invisible.triggers] == [
        t.span.text("\n\n".join(plain)) for t in clean.triggers
    ]


def test_visible_keeps_text_without_invisible_characters_as_it_is() -> None:
    assert lex.visible("plain text") == ("plain text", None)
    assert lex.visible("café ünïcode") == ("café ünïcode", None)
    shown, where = lex.visible(f"a{ZWSP}b{ZWJ}{ZWJ}c")
    assert shown == "abc" and where == (0, 2, 5)


def test_the_lexicon_reads_them_as_absent_for_every_reader() -> None:
    pasted = f"Slept badly. I want to kill my{SOFT_HYPHEN}self."
    (hit,) = [h for h in lex.read(pasted) if h.level >= lex.IDEATION]
    assert pasted[hit.start] == "k" and pasted[hit.end - 1] == "f"
    assert lex.read(pasted.replace(SOFT_HYPHEN, "")) != []


def test_the_defense_analyzers_risk_guard_reads_them_too() -> None:
    from reverie.analysis.defenses import risk_guarded

    pasted = f"Slept badly. I want to kill my{SOFT_HYPHEN}self."
    assert risk_guarded(pasted, [(0, 12), (13, len(pasted))]) == [False, True]
