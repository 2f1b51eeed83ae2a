"""The shipped sentence model on the therapy-journal register (issue 12, fourth round).

Before this round the model flagged ordinary therapy-journal sentences ("I want to bring this to my next session."
0.93, "Writing it down helps a little." 0.88, "Back from a long walk." 0.84), so 5 of the demo's 47 sentences were
flagged and the demo client got a check-in. These tests hold the fix: the demo client's entries raise no check-in,
and sentences of that register written for this test (not in the training bank) stay unflagged, while sentences in
the voices the bank lacked still flag.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reverie.analysis.risk import load_model, screen, sentence_spans
from reverie.insights import demo_texts
from reverie.insights.demo_texts import synthetic_texts

BANK = Path(__file__).resolve().parents[2] / "scripts" / "risk_paraphrases.jsonl"
DEMO_ENTRIES = 40  # the demo's count (reverie.clinic.services.demo.DEMO_ENTRIES, a module that needs Django)

# Written for this test; none is in the training bank (asserted below).
THERAPY_REGISTER = (
    "I want to bring this to my next session.",
    "Writing it down helps a little.",
    "Back from a long walk.",
    "I'd like to take the thing with my brother to therapy next week.",
    "My therapist said we can look at the anger again on Monday.",
    "Journaling tonight because the session stirred a lot up.",
    "Had a cry after my appointment and then made dinner.",
    "Went for a walk along the canal before my session to settle my nerves.",
    "I took my evening tablets and read until I felt sleepy.",
    "I was so cross with my dad on the phone that I had to hang up.",
    "Low today, but I think I know why, and tomorrow is a new day.",
    "I am worn out, and I am also a little proud of this week.",
    "Slept badly, up at five with my head buzzing.",
    "I noticed I wanted to cancel therapy and went anyway.",
    "Putting this into words makes it feel more manageable.",
)

# Written for this test in voices the bank lacked before this round (second-language English, joining the dead,
# burdensomeness said sideways, dictated text); none is in the training bank. The first was missed by the retrained
# sentence model (0.46) and is flagged by the lexicon rule written for it afterwards (better_not_living).
NEW_VOICES = (
    "I am only making problems for my family, for them is better I am not living.",
    "I want to go and be with my husband again, there is nothing for me here without him.",
    "I wish they would put me in the ground beside my mother.",
    "pretty sure everyone would breathe easier if I was gone for good",
)


def _bank() -> set[str]:
    return {json.loads(line)["text"].lower() for line in BANK.read_text(encoding="utf-8").splitlines()}


@pytest.fixture(scope="module", autouse=True)
def _shipped() -> None:
    model = load_model()
    assert model is not None and model.sentence_weights is not None, "the shipped sentence model is installed"


def test_the_test_sentences_are_not_in_the_training_bank() -> None:
    bank = _bank()
    assert not [t for t in THERAPY_REGISTER + NEW_VOICES if t.lower() in bank]


def test_the_demo_client_s_entries_raise_no_check_in() -> None:
    # the demo's own entries (reverie demo: seeded, varied openers and closers), screened as at the moment of saving
    from reverie.clinic.services.demo import DEMO_ENTRIES as written

    assert written == DEMO_ENTRIES
    texts = [
        t for t in synthetic_texts(n_entries=DEMO_ENTRIES, n_sessions=0, varied=True) if t.source == "entry"
    ]
    assert len(texts) == DEMO_ENTRIES
    flagged = [(t.id, screen(t.text, t.kind).model_score) for t in texts if screen(t.text, t.kind).flagged]
    assert not flagged


# Sixth round (docs/risk.md): no longer a known false alarm ('I want to bring this to my next session.' 0.76 -> 0.60
# with the sixth round's bank and threshold 0.750).
def test_no_sentence_the_demo_can_write_is_flagged() -> None:
    # every sentence of every template (each partner's name), opener and closer alone, so any seed or entry count
    # stays calm; the dream templates are screened as dream entries, as the demo writes them
    groups = (
        demo_texts.WITHDRAWAL,
        demo_texts.THERAPIST,
        demo_texts.CHILDHOOD,
        demo_texts.WORK,
        demo_texts.FRIENDLY,
        demo_texts.UNEXPLAINED,
        demo_texts.LATER_LINK,
        demo_texts.MINDFUL,
        demo_texts.MOTHER_WAKING,
        demo_texts.OPENERS,
        demo_texts.CLOSERS,
    )
    pairs = [("free_association", template) for group in groups for template in group]
    pairs += [("dream", template) for template in demo_texts.DREAMS + demo_texts.MOTHER_DREAMS]
    sentences: list[tuple[str, str]] = []
    for kind, template in pairs:
        for partner in demo_texts.PARTNERS:
            text = template.format(partner=partner, friend=demo_texts.FRIENDS[0])
            sentences.extend((kind, text[s:e].strip()) for s, e in sentence_spans(text) if text[s:e].strip())
    unique = list(dict.fromkeys(sentences))
    assert len(unique) > 60
    flagged = [
        (text, round(screen(text, kind).model_score, 2))
        for kind, text in unique
        if screen(text, kind).flagged
    ]
    assert not flagged


# Known false alarms (strict, so each fails the day it is fixed). Fifth round, threshold 0.700: "I want to bring this
# to my next session." (0.76) and "I noticed I wanted to cancel therapy and went anyway." (0.72); sixth round
# (docs/risk.md, threshold 0.750, the new bank's therapy-register negatives): 0.60 and 0.65, none left. Seventh round
# (threshold 0.700): none; a build in between flagged two demo template sentences ("I felt let down by …", "… instead of
# just disappearing."), fixed with relational negatives in the bank before shipping (the test above holds it).
KNOWN_FALSE_ALARMS: dict[str, float] = {}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            t,
            marks=pytest.mark.xfail(strict=True, reason=f"known false alarm ({KNOWN_FALSE_ALARMS[t]})"),
        )
        if t in KNOWN_FALSE_ALARMS
        else t
        for t in THERAPY_REGISTER
    ],
)
def test_therapy_journal_sentences_are_not_flagged(text: str) -> None:
    result = screen(text)
    assert not result.flagged, result.to_data()


@pytest.mark.parametrize("text", NEW_VOICES)
def test_sentences_in_the_voices_the_bank_lacked_are_flagged(text: str) -> None:
    result = screen(text)
    assert result.flagged, result.to_data()
