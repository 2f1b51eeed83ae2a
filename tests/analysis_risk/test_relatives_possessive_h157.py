"""h157 (frozen28-162): another person's act named with their possessive is theirs, not the writer's.

"Cl discussed brother's suicide attempt last month; cl herself denies SI/intent, coping via running." was read at
``attempt``: in a session note a third person is read as the client (err upward), and the relative rule of 2.10.0
only saw a relative as the subject right before a verb ("Client's brother attempted suicide"), not a relative's
possessive before the act's noun ("brother's suicide attempt", "her mum's overdose", "pt's sister's self-harm"). A
journal read "my brother's overdose" as the writer's too ("my" then a word that was not a person noun). Since risk
2.12.0 a relative's or a friend's possessive right before the act's noun (``risk_lexicon.RELATIVE_POSSESSIVE``, the
act opening on one of ``ACT_NOUNS``) makes it that person's (``third_person``, at most ``indicator``), in a note and
in a journal; the client's or the writer's own act beside it is read as before. "cl" and "cl's" read as the client
where "client" and "pt" are. The fixture's lines are written for this test (none is in the bank or a batch)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reverie.analysis import risk
from reverie.analysis import risk_lexicon as lex
from risk_model import lexicon_hits as _hits
from risk_model import sentence_model

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "risk_relatives_possessive_h157.jsonl"
ROWS = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
OTHERS = [(r["text"], r["kind"]) for r in ROWS if r["group"] == "other"]
OWN = [(r["text"], r["kind"], r["expect"]) for r in ROWS if r["group"] == "own"]
NOTE = "session_note"
JOURNAL = "free_association"
FROZEN28_162 = (
    "Cl discussed brother's suicide attempt last month; cl herself denies SI/intent, coping via running."
)


@pytest.fixture(scope="module")
def shipped() -> risk.RiskModel:
    return sentence_model()


def test_the_lines_are_written_for_this_test(written_texts: frozenset[str]) -> None:
    assert len(OTHERS) == 28 and len(OWN) == 12
    assert {r["kind"] for r in ROWS} == {NOTE, JOURNAL}
    for r in ROWS:
        assert r["text"].strip().lower() not in written_texts


@pytest.mark.parametrize(("text", "kind"), OTHERS)
def test_another_persons_act_by_possessive_is_not_flagged(
    shipped: risk.RiskModel, text: str, kind: str
) -> None:
    result = risk.screen(text, kind)
    assert not result.flagged and result.level != "attempt", (result.level, text)


@pytest.mark.parametrize(("text", "kind", "expect"), OWN)
def test_the_writers_own_act_beside_a_relatives_keeps_its_level(
    shipped: risk.RiskModel, text: str, kind: str, expect: str
) -> None:
    result = risk.screen(text, kind)
    assert risk.LEVELS.index(result.level) >= risk.LEVELS.index(expect), (result.level, text)


@pytest.mark.parametrize("kind", [NOTE, JOURNAL])
def test_the_frozen_line_reads_the_brothers_attempt_as_his(kind: str) -> None:
    hits = _hits(FROZEN28_162, kind)
    assert ("attempt_named", lex.INDICATOR, "third_person") in hits
    assert max(h[1] for h in hits) < lex.ATTEMPT


@pytest.mark.parametrize("kind", [NOTE, JOURNAL])
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Discussed her mum's overdose in 2019.", "method_ideation"),
        ("Pt's sister's self-harm was the focus today.", "self_harm_mention"),
        ("Client's brother's overdose last year still weighs on her.", "method_ideation"),
        ("my sister's suicide attempt was last week.", "attempt_named"),
        ("mum's suicide attempt changed everything for us.", "attempt_named"),
        ("my best friend's cutting scares me.", "self_harm_mention"),
        ("Her brother's cutting again and she is worried.", "self_harm_mention"),  # "'s" for "is"
        ("my parents' suicide pact.", "suicide_mention"),
    ],
)
def test_a_relatives_possessive_before_the_act_makes_it_theirs(text: str, rule: str, kind: str) -> None:
    assert any(h[0] == rule and h[2] == "third_person" and h[1] <= lex.INDICATOR for h in _hits(text, kind))


@pytest.mark.parametrize(
    ("text", "kind", "rule", "level"),
    [
        # the client's or the writer's own act, named with their own possessive, stays theirs
        ("Pt's suicide attempt on Sunday by overdose.", NOTE, "noted_attempt_possessed", lex.ATTEMPT),
        # 2.13.0 (h160): the possessive and the act's noun are read whole as the writer's or the client's own past
        # attempt ("my overdose", "cl's overdose" were at ideation before)
        ("Her suicide attempt last month was by overdose.", NOTE, "noted_attempt_possessed", lex.ATTEMPT),
        ("cl's overdose on Friday.", NOTE, "noted_attempt_possessed", lex.ATTEMPT),
        ("my suicide attempt was three weeks ago.", JOURNAL, "attempt_possessed", lex.ATTEMPT),
        ("my overdose was in march.", JOURNAL, "attempt_possessed", lex.ATTEMPT),
        # a relative's possessive that is a place or a thing, not the act's owner
        ("At her brother's she took an overdose on Friday.", NOTE, "attempt_overdose", lex.ATTEMPT),
        ("at mum's last night i took an overdose.", JOURNAL, "attempt_overdose", lex.ATTEMPT),
        ("Stayed at my sister's and swallowed all my pills.", JOURNAL, "attempt_overdose", lex.ATTEMPT),
        (
            "thinking about dad's gun again and wanting to use it on myself.",
            JOURNAL,
            "means_on_myself",
            lex.IDEATION,
        ),
    ],
)
def test_the_writers_own_act_stays_theirs(text: str, kind: str, rule: str, level: int) -> None:
    assert (rule, level, None) in _hits(text, kind)


@pytest.mark.parametrize(
    ("text", "rule", "level", "reason"),
    [
        ("Cl attempted last night.", "noted_attempt_bare", lex.ATTEMPT, None),
        ("Cl wants to die.", "reported_wish_to_die", lex.IDEATION, None),
        ("Cl reports SI.", "reported_ideation", lex.IDEATION, None),
        ("Cl's brother attempted suicide in 2019.", "attempt_named", lex.INDICATOR, "third_person"),
    ],
)
def test_cl_is_the_client_in_a_note(text: str, rule: str, level: int, reason: str | None) -> None:
    assert (rule, level, reason) in _hits(text, NOTE)


def test_the_version() -> None:
    assert (
        risk.VERSION == "2.16.5"
    )  # 2.12.0 (h157); 2.13.0 (h160), 2.14.0, 2.15.0 keep every reading above; 2.15.1 (h177)
