"""Emotions 1.11.0 (e14): the implied-feeling head, read where the journal layer abstains (``reverie.analysis.
situations``; docs/models.md, "Implied-feeling head on a larger bank (e14)"). Sentences written for this file; none
is a line of the situation banks or of any journal set."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from reverie.analysis import emotions, pipeline
from reverie.analysis.emotions import top_emotion
from reverie.analysis.encoder import encode_both
from reverie.analysis.onnx_encoder import OnnxEncoder
from reverie.analysis.situations import (
    MODEL_DIR,
    SituationHead,
    implied,
    load_situations,
    writers_situation,
)
from reverie.errors import AnalysisUnavailable

ROOT = Path(__file__).resolve().parents[2]


def _read(text: str, encoder: OnnxEncoder) -> tuple[str, list[tuple[str, str]]]:
    """The writer's top emotion, and the implied findings as (label, the sentence it was read on)."""
    result = pipeline.analyse(text, encoder=encoder, only={"emotions"})
    found = [f for f in result.of_kind("emotion") if f.data.get("implied")]
    return top_emotion(list(result.findings)), [(f.label, f.spans[0].text(text)) for f in found]


def _head_reads(text: str, encoder: OnnxEncoder) -> tuple[str, float]:
    """What the head alone gives the text (its top label and probability), whoever the situation is about."""
    head = emotions.build().situations
    assert head is not None
    base, top = encode_both(encoder, [text])
    probs = head.probabilities(base, top)[0]
    j = int(np.argmax(probs))
    return head.labels[j], float(probs[j])


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        pytest.param(
            "The lump on my scan turned out to be a harmless cyst.",
            {"relief"},
            marks=pytest.mark.xfail(
                strict=True,
                reason="a real miss since emotions 1.23.0 (the journal re-ranker on, h196): relief at a harmless "
                "result reads as annoyance; the re-ranker switched off reads relief (docs/models.md, '1.23.0 (h192)')",
            ),
        ),
        (
            "Found Mum's reading glasses still on the kitchen table, a year after the funeral.",
            {"grief", "sadness"},
        ),
        (
            "My results from the heart clinic come on Friday and nobody will say anything before then.",
            {"nervousness", "fear"},
        ),
        ("The landlord kept my whole deposit over one scuffed skirting board.", {"anger", "annoyance"}),
    ],
)
def test_situation_head_reads_the_writers_situation_with_no_feeling_word(
    text: str, labels: set[str], encoder: OnnxEncoder
) -> None:
    top, found = _read(text, encoder)
    assert top in labels
    assert found == [(top, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The lump on her scan turned out to be a harmless cyst.",
        "His mum's reading glasses were still on the kitchen table, a year after the funeral.",
        "The landlord kept her whole deposit over one scuffed skirting board.",
    ],
)
def test_situation_head_does_not_credit_someone_elses_situation_to_the_writer(
    text: str, encoder: OnnxEncoder
) -> None:
    label, p = _head_reads(text, encoder)
    assert (
        label != "neutral" and p >= 0.6
    )  # the head alone would read a feeling: the holder check keeps it out
    assert _read(text, encoder) == ("neutral", [])


@pytest.mark.parametrize(
    "text", ["Put the bins out and paid the gas bill.", "The bus was on time and I did the crossword."]
)
def test_situation_head_leaves_a_routine_line_unread(text: str, encoder: OnnxEncoder) -> None:
    assert _read(text, encoder) == ("neutral", [])


@pytest.mark.parametrize(
    "text",
    [
        # someone else's feeling read in the entry
        "My sister was furious with her boss. The landlord kept my whole deposit over one scuffed skirting board.",
        # the writer's feeling denied
        "I wasn't even angry. The landlord kept my whole deposit over one scuffed skirting board.",
        # the writer says no feeling is there (e14, after the rule's decision: dev3 24 lost a line to it)
        "My results from the heart clinic come on Friday but I feel fine about it.",
    ],
)
def test_situation_head_is_not_asked_beside_a_denied_absent_or_someone_elses_feeling(
    text: str, encoder: OnnxEncoder
) -> None:
    assert _read(text, encoder)[1] == []


def test_situation_head_reads_the_best_sentence_of_the_entry(encoder: OnnxEncoder) -> None:
    text = "Watered the tomatoes. The landlord kept my whole deposit over one scuffed skirting board."
    assert _read(text, encoder) == (
        "anger",
        [("anger", "The landlord kept my whole deposit over one scuffed skirting board.")],
    )


def test_situation_head_is_not_asked_where_the_layer_reads_a_feeling(encoder: OnnxEncoder) -> None:
    top, found = _read("I'm so grateful the lump on my scan was a harmless cyst.", encoder)
    assert top == "gratitude" and found == []


def _toy(gate: float = 0.6) -> SituationHead:
    labels = ("joy", "neutral", "sadness")
    return SituationHead(labels, np.eye(3, dtype=np.float32), np.zeros(3, dtype=np.float32), "base", gate)


def test_implied_takes_the_most_probable_eligible_sentence_over_the_gate() -> None:
    probs = np.array(
        [[0.9, 0.05, 0.05], [0.1, 0.2, 0.7], [0.05, 0.9, 0.05], [0.05, 0.05, 0.95]], dtype=np.float32
    )
    assert implied(_toy(), probs, [False, True, True, False]) == (1, "sadness", pytest.approx(0.7))
    assert implied(_toy(), probs, [True, True, True, True]) == (3, "sadness", pytest.approx(0.95))
    assert implied(_toy(gate=0.75), probs, [False, True, True, False]) is None  # under the gate
    assert implied(_toy(), probs[2:3], [True]) is None  # neutral is never shown


@pytest.mark.parametrize(
    ("sentence", "tags", "expected"),
    [
        ("Lost a patient at 4am.", ["VBD", "DT", "NN"], True),  # the subject left out
        ("My tooth finally came out.", ["PRP$", "NN", "RB", "VBD"], True),
        ("We missed the last ferry.", ["PRP", "VBD"], True),
        ("Her tooth finally came out.", ["PRP$", "NN", "RB", "VBD"], False),
        ("The new lad got the corner office.", ["DT", "JJ", "NN", "VBD"], False),
        ("Imports rose in May.", [], False),  # no tags (spaCy absent), no first person
    ],
)
def test_writers_situation(sentence: str, tags: list[str], expected: bool) -> None:
    assert writers_situation(sentence, tags) is expected


def test_situation_head_artefact_matches_its_manifest_and_encoder() -> None:
    manifest = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))
    head = load_situations(encoder_hash=manifest["encoder_model_hash"])
    assert head.labels == tuple(manifest["labels"]) and head.gate == manifest["gate"]
    assert head.features == manifest["features"]
    with pytest.raises(AnalysisUnavailable):
        load_situations(encoder_hash="another encoder")


def test_situation_head_is_off_when_the_simulation_measures_the_layer_alone(
    encoder: OnnxEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(emotions, "READ_SITUATIONS", False)
    assert _read("The lump on my scan turned out to be a harmless cyst.", encoder) == ("neutral", [])


def test_situation_test_sentences_are_in_no_bank_or_journal_set() -> None:
    mine = Path(__file__).read_text(encoding="utf-8")
    for path in [
        *ROOT.glob("scripts/situation_bank*.jsonl"),
        *ROOT.glob("tests/fixtures/emotion_journal*.jsonl"),
    ]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                assert json.loads(line)["text"] not in mine, path.name
