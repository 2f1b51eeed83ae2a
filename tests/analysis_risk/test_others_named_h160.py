"""h160: someone else named in a session note is theirs; the writer's own past attempt named with "my" is an attempt.

Until risk 2.13.0 a note's third person was the client unless a rule found a relative (``RELATIVE_SUBJECT``,
``RELATIVE_POSSESSIVE``): "Cl says Priya took an overdose", "One of the residents … attempted suicide", "Cl's friend
Tomasz was admitted; he had cut his wrists" alerted as the client's attempt or self-harm. ``risk_lexicon.note_owner``
reads who the act belongs to: the person word in the subject's place (a role, a first name, the client), a pronoun
referred back to the nearest person named before it. A journal's sentence opening on a first name right before the act
("Priya took an overdose") is that person's (``_opening_name``). And "my attempt last spring", "since my OD", "after my
overdose in june" were read by no rule or at ``ideation``: ``attempt_possessed`` (and, in a note, the client's
``noted_attempt_possessed``) reads them as the writer's past attempt, as "I attempted suicide two years ago" is read;
"my attempt at baking", "my attempt to call her" stay calm. The fixture's lines are written for this test (none is in
the bank or a batch)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reverie.analysis import risk
from reverie.analysis import risk_lexicon as lex
from risk_model import lexicon_hits as _hits
from risk_model import sentence_model

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "risk_others_named_h160.jsonl"
ROWS = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
OTHERS = [(r["text"], r["kind"]) for r in ROWS if r["group"] == "other"]
OWN = [(r["text"], r["kind"], r["expect"]) for r in ROWS if r["group"] == "own"]
ORDINARY = [(r["text"], r["kind"]) for r in ROWS if r["group"] == "ordinary"]
NOTE = "session_note"
JOURNAL = "free_association"


@pytest.fixture(scope="module")
def shipped() -> risk.RiskModel:
    return sentence_model()


def test_the_lines_are_written_for_this_test(written_texts: frozenset[str]) -> None:
    assert (len(OTHERS), len(OWN), len(ORDINARY)) == (28, 18, 7)
    assert {r["kind"] for r in ROWS} == {NOTE, JOURNAL}
    for r in ROWS:
        assert r["text"].strip().lower() not in written_texts


@pytest.mark.parametrize(("text", "kind"), OTHERS)
def test_someone_elses_act_named_any_way_is_not_flagged(
    shipped: risk.RiskModel, text: str, kind: str
) -> None:
    result = risk.screen(text, kind)
    assert not result.flagged and result.level != "attempt", (result.level, text)


@pytest.mark.parametrize(("text", "kind", "expect"), OWN)
def test_the_writers_or_the_clients_own_act_is_read_at_its_level(
    shipped: risk.RiskModel, text: str, kind: str, expect: str
) -> None:
    result = risk.screen(text, kind)
    assert risk.LEVELS.index(result.level) >= risk.LEVELS.index(expect), (result.level, text)


@pytest.mark.parametrize(("text", "kind"), ORDINARY)
def test_an_attempt_at_something_ordinary_is_calm(shipped: risk.RiskModel, text: str, kind: str) -> None:
    assert risk.screen(text, kind).level == "none", text


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "Cl says Priya took an overdose at the weekend.",
            "attempt_overdose",
        ),  # a first name, the client named
        ("Her ex overdosed on Friday; cl denies SI.", "attempt_overdose"),
        (
            "One of the residents on his unit attempted suicide.",
            "attempt_named",
        ),  # a role with a phrase of place
        ("A boy in her class has been cutting himself.", "self_harm_mention"),
        ("The neighbour's son hanged himself in May.", "attempt_act"),
        ("Discussed Oliver's overdose; cl tearful.", "method_ideation"),  # a name's possessive
        (
            "Cl's friend Tomasz was admitted; he had cut his wrists.",
            "reported_self_harm",
        ),  # a pronoun after a name
        ("Client described her flatmate Leah. She swallowed a packet of paracetamol.", "attempt_overdose"),
        (
            "Client's younger sister was hospitalised after an overdose.",
            "method_ideation",
        ),  # a noun after a verb
    ],
)
def test_someone_else_in_a_note_is_theirs(text: str, rule: str) -> None:
    assert any(h[0] == rule and h[2] == "third_person" and h[1] <= lex.INDICATOR for h in _hits(text, NOTE))
    assert max(h[1] for h in _hits(text, NOTE)) <= lex.INDICATOR


@pytest.mark.parametrize(
    ("text", "rule", "level"),
    [
        # the client, by a client word, a pronoun that refers back to them, their own name or its possessive
        (
            "Client's brother was arrested. Client reports she cut her arms that night.",
            "reported_self_harm",
            3,
        ),
        (
            "Cl's sister Jess stayed over. Cl took an overdose after she left.",
            "attempt_overdose",
            lex.ATTEMPT,
        ),
        (
            "Cl's mum found her after she took an overdose.",
            "attempt_overdose",
            lex.ATTEMPT,
        ),  # left open: client
        (
            "Session with Sam today. Sam reports she took an overdose on Friday.",
            "attempt_overdose",
            lex.ATTEMPT,
        ),
        ("Client, Sam, reports she took an overdose on Friday.", "attempt_overdose", lex.ATTEMPT),
        ("Pt at her sister's house took an overdose.", "attempt_overdose", lex.ATTEMPT),
        ("Cl discussed her attempt last year.", "noted_attempt_possessed", lex.ATTEMPT),
        ("Pt's OD in May was her second.", "noted_attempt_possessed", lex.ATTEMPT),
        ("His attempt in January was by hanging.", "noted_attempt_possessed", lex.ATTEMPT),
    ],
)
def test_the_clients_own_act_stays_theirs(text: str, rule: str, level: int) -> None:
    assert (rule, level, None) in _hits(text, NOTE)


def test_her_attempt_is_someone_elses_when_her_refers_back_to_them() -> None:
    hits = _hits("Cl's sister was admitted; her attempt was her third this year.", NOTE)
    assert ("noted_attempt_possessed", lex.INDICATOR, "third_person") in hits


@pytest.mark.parametrize(
    "text",
    [
        "my attempt last year scared me.",
        "since my OD i sleep badly.",
        "after my overdose in May i stopped drinking.",
        "my last attempt was in hospital.",
        "my failed attempt is never mentioned.",
        "my overdose of paracetamol was in 2019.",
        "my first OD was at school.",
    ],
)
def test_my_attempt_is_the_writers_past_attempt(text: str) -> None:
    assert ("attempt_possessed", lex.ATTEMPT, None) in _hits(text, JOURNAL)


@pytest.mark.parametrize(
    "text",
    [
        "my attempt at baking bread failed.",
        "my attempt to call her failed.",
        "my first attempt at the exam was a mess.",
        "my attempts on the climbing wall were slow.",
        "my overdose of coffee this morning was a mistake.",
        "planning my overdose for friday.",  # a plan, read by the plan's rules, not as an attempt
        "my overdose plan is ready.",
        "my next attempt will work.",
    ],
)
def test_an_attempt_at_or_to_something_or_a_plan_is_not_a_past_attempt(text: str) -> None:
    assert all(h[0] != "attempt_possessed" for h in _hits(text, JOURNAL))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Priya took an overdose at the weekend.", "third_person"),
        ("Lucy overdosed last night and I sat with her mum.", "third_person"),
        ("Then took an overdose.", None),  # the writer's, "I" dropped
        ("Basically took an overdose last night.", None),
        ("Yesterday took an overdose.", None),
        ("Went and took an overdose.", None),
    ],
)
def test_a_journal_sentence_opening_on_a_name_before_the_act(text: str, reason: str | None) -> None:
    assert ("attempt_overdose", lex.ATTEMPT if reason is None else lex.INDICATOR, reason) in _hits(
        text, JOURNAL
    )


def test_the_version() -> None:
    assert (
        risk.VERSION == "2.16.5"
    )  # 2.13.0 (h160); 2.14.0 (h167), 2.15.0 (h175) keep every reading above; 2.15.1 (h177)
