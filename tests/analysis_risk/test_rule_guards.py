"""A rule's guard is an exact short cut: a pattern that matches somewhere in every text the rule matches in, searched
once per text, so that a text where it matches nowhere is not scanned by the rule (the acts told with their intent,
each read twice, as an attempt and as an aborted act; the self-harm acts by composition, which need a word said
beside them; the aborted acts by composition, whose set-up ends on a fixing point, a railing or a body part). The reading, spans and reasons included, must be the same with and without the guards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reverie.analysis import risk_lexicon as lx

HERE = Path(__file__).resolve().parent
# sentences written for this test, one per guarded rule, each matched by it
GUARDED = (
    "Swallowed the whole strip of sleeping tablets on purpose, I wanted to die.",
    "Walked into the canal meaning to drown, but I turned back when the cold hit.",
    "Pressed the hot spoon on my forearm till the skin blistered, twice.",
    "Punched the bathroom wall till my knuckles split, I deserved it.",
    "Hung the towing rope off the loft hatch and stood on the box, then my flatmate's key turned and I got down.",
)


def _unguarded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lx, "_guard_holds", lambda rule, norm, guards: True)


def _texts() -> list[str]:
    return [
        json.loads(line)["text"]
        for path in sorted(HERE.glob("challenge_*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_every_guarded_rule_is_used_by_a_sentence_here() -> None:
    names = {h.rule for text in GUARDED for h in lx.read(text)}
    guarded = {rule.name for rule in lx.RULES if rule.guard is not None}
    assert guarded == {"attempt_with_intent", "aborted_with_intent", "self_harm_composed", "aborted_composed"}
    assert guarded <= names


def test_a_guard_matches_wherever_its_rule_does() -> None:
    for text in (*GUARDED, *_texts()):
        norm = lx.normalise(text)
        for rule in lx.RULES:
            if rule.guard is not None and rule.pattern.search(norm):
                assert rule.guard.search(norm), rule.name


def test_the_reading_is_the_same_without_the_guards(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*GUARDED, *_texts()]
    guarded = [repr(lx.read(text)) for text in texts]
    _unguarded(monkeypatch)
    assert [repr(lx.read(text)) for text in texts] == guarded


def test_a_text_without_the_guard_is_not_scanned_by_its_rule() -> None:
    rule = next(r for r in lx.RULES if r.name == "self_harm_composed")
    norm = lx.normalise("I took the bus home and put the kettle on, then rang Mum about Sunday.")
    assert rule.guard is not None and not rule.guard.search(norm)
    assert not lx._guard_holds(rule, norm, {})
