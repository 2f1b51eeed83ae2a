"""Attribution, and false alarms by mechanism (eleventh round, issue 12).

Sentences written for this test (none from the bank or a challenge batch, asserted below):

- an act told about someone named with a possessive inside a phrase ("a woman from my building overdosed", "our son
  overdosed") is someone else's (``third_person``, at most ``indicator``), never the writer's ``attempt``; the
  writer's own act after such a mention keeps its level.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reverie.analysis.risk import LEVELS, screen

BANK = Path(__file__).resolve().parents[2] / "scripts" / "risk_paraphrases.jsonl"
CHALLENGE = sorted((Path(__file__).resolve().parent).glob("challenge_*.jsonl"))

OTHERS_ACTS = (
    "A woman from my building overdosed last month.",
    "The lass from our stables took an overdose at the weekend.",
    "Our son overdosed in March and is home now.",
    "My cousin from our village overdosed after the funeral.",
    "A man at our church hanged himself in the spring.",
    "Somebody on my ward tried to hang herself on Sunday night.",
    "A bloke from my old job took an overdose.",
)
OWN_ACTS = (
    "A guy from my team texted, and after he left I tried to kill myself.",
    "After my shift I overdosed on my tablets.",
    "At my worst I took an overdose.",
    "Sitting at my desk, overdosed on the pills I saved.",
    "A girl from our block overdosed, and last night I took an overdose too.",
)


def test_none_of_these_sentences_is_in_the_bank_or_a_batch() -> None:
    written = {
        json.loads(line)["text"].strip().lower()
        for path in (BANK, *CHALLENGE)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    ours = OTHERS_ACTS + OWN_ACTS
    assert not {s.lower() for s in ours} & written


@pytest.mark.parametrize("text", OTHERS_ACTS)
def test_someone_elses_act_named_through_a_possessive_phrase_is_not_the_writers(text: str) -> None:
    result = screen(text, model=False)
    assert result.level == "indicator"
    assert any(s.reason == "third_person" for s in result.suppressed)


@pytest.mark.parametrize("text", OTHERS_ACTS)
def test_someone_elses_act_never_reaches_attempt_with_the_model(text: str) -> None:
    assert LEVELS.index(screen(text).level) < LEVELS.index("behavior")


@pytest.mark.parametrize("text", OWN_ACTS)
def test_the_writers_own_act_after_a_mention_of_someone_stays_an_attempt(text: str) -> None:
    assert screen(text, model=False).level == "attempt"
