from __future__ import annotations

import re

import pytest

from reverie.analysis import pipeline
from reverie.analysis.ambivalence import AmbivalenceAnalyzer, valence
from reverie.analysis.document import Document, prepare
from reverie.analysis.emotions import build as build_emotions
from reverie.analysis.findings import Finding, Span
from reverie.analysis.onnx_encoder import OnnxEncoder
from reverie.analysis.registry import registrations


def _person(doc: Document, word: str, role: str, group: str, nth: int = 0) -> Finding:
    start = [m.start() for m in re.finditer(rf"\b{word}\b", doc.text)][nth]
    sentence = doc.sentence_at(start)
    assert sentence is not None
    span = Span(start, start + len(word))
    data = {"group": group, "name": None, "sentence": sentence.index}
    return Finding("people", "test", "none", "person", role, 0.9, (span,), data)


def _emotion(doc: Document, index: int, label: str, p: float = 0.8) -> Finding:
    span = doc.sentences[index].span
    data = {"scope": "sentence", "sentence": index, "intensity": 3}
    return Finding("emotions", "test", "none", "emotion", label, p, (span,), data)


def test_valence_uses_goemotions_sentiment_groups() -> None:
    assert valence("love") == "positive"
    assert valence("anger") == "negative"
    assert valence("surprise") is None
    assert valence("neutral") is None


def test_ambivalence_hand_built_findings_across_sentences() -> None:
    doc = prepare("My mother called on Sunday. I love her. Still, she makes me so angry.")
    doc.findings += [
        _person(doc, "mother", "mother", "family"),
        _person(doc, "her", "mother", "family"),
        _person(doc, "she", "mother", "family"),
        _emotion(doc, 1, "love", 0.9),
        _emotion(doc, 2, "anger", 0.7),
    ]
    (found,) = AmbivalenceAnalyzer().run(doc)
    assert found.kind == "ambivalence" and found.label == "mother"
    assert found.data["positive"] == ["love"] and found.data["negative"] == ["anger"]
    assert [s.text(doc.text) for s in found.spans] == ["I love her.", "Still, she makes me so angry."]
    assert found.confidence == pytest.approx(0.7)


def test_ambivalence_one_sentence_is_cut_at_the_contrast_word() -> None:
    doc = prepare("I love my mother but I'm so angry at her.")
    doc.findings += [
        _person(doc, "mother", "mother", "family"),
        _emotion(doc, 0, "love"),
        _emotion(doc, 0, "anger"),
    ]
    (found,) = AmbivalenceAnalyzer().run(doc)
    assert [s.text(doc.text) for s in found.spans] == ["I love my mother", "but I'm so angry at her."]
    assert found.data["same_sentence"] is True


def test_ambivalence_not_reported_for_one_valence_or_two_people_in_one_sentence() -> None:
    doc = prepare("I love my mother but I hate my father. My father was kind today.")
    doc.findings += [
        _person(doc, "mother", "mother", "family"),
        _person(doc, "father", "father", "family"),
        _person(doc, "father", "father", "family", nth=1),
        _emotion(doc, 0, "love"),
        _emotion(doc, 0, "anger"),
        _emotion(doc, 1, "caring"),
    ]
    assert AmbivalenceAnalyzer().run(doc) == []


def test_ambivalence_follows_a_continuation_piece_but_not_a_new_sentence() -> None:
    doc = prepare("I love my mother. And then I was furious. I felt lonely all evening.")
    doc.findings += [
        _person(doc, "mother", "mother", "family"),
        _emotion(doc, 0, "love"),
        _emotion(doc, 1, "anger"),
    ]
    (found,) = AmbivalenceAnalyzer().run(doc)
    assert found.data["negative"] == ["anger"]
    doc.findings = [
        _person(doc, "mother", "mother", "family"),
        _emotion(doc, 0, "love"),
        _emotion(doc, 2, "sadness"),
    ]
    assert AmbivalenceAnalyzer().run(doc) == []


def test_ambivalence_ignores_the_self() -> None:
    doc = prepare("I am proud of myself. I am also ashamed.")
    doc.findings += [
        Finding("people", "t", "n", "person", "self", 0.9, (Span(0, 1),), {"group": "self", "sentence": 0}),
        _emotion(doc, 0, "pride"),
        _emotion(doc, 1, "embarrassment"),
    ]
    assert AmbivalenceAnalyzer().run(doc) == []


def test_ambivalence_with_the_real_emotion_model(encoder: OnnxEncoder) -> None:
    text = "I love my mother but I'm so angry at her."
    doc = prepare(text)
    doc.embeddings = encoder.encode([s.text for s in doc.sentences])
    doc.findings += build_emotions().run(doc)
    doc.findings.append(_person(doc, "mother", "mother", "family"))
    (found,) = [f for f in AmbivalenceAnalyzer().run(doc) if f.kind == "ambivalence"]
    assert found.label == "mother"
    assert "love" in found.data["positive"] and "anger" in found.data["negative"]


def test_ambivalence_through_the_pipeline_with_people(encoder: OnnxEncoder) -> None:
    pipeline.load_analyzer_modules()
    if "people" not in {r.name for r in registrations()}:
        pytest.skip("the people analyzer is not installed")
    result = pipeline.analyse("I love my mother but I'm so angry at her.", encoder=encoder)
    assert [f.label for f in result.of_kind("ambivalence")] == ["mother"]


@pytest.mark.parametrize(
    ("text", "marker", "start"),
    [
        ("Today was fine. I don't know why I feel so heavy.", "dont_know_why", "I don't know why"),
        ("For some reason I'm nervous about Friday.", "for_some_reason", "For some reason"),
        ("It makes no sense but I miss him.", "makes_no_sense", "It makes no sense"),
        ("I cried for no reason at all.", "no_reason", "for no reason"),
        ("Honestly, I can't explain why I'm so tense.", "cant_explain", "I can't explain why"),
    ],
)
def test_unexplained_feeling_markers(text: str, marker: str, start: str) -> None:
    doc = prepare(text)
    (found,) = [f for f in AmbivalenceAnalyzer().run(doc) if f.kind == "unexplained_feeling"]
    assert found.label == marker
    assert found.spans[0].text(text).startswith(start)
    assert text.endswith(found.spans[0].text(text))


def test_unexplained_feeling_not_reported_when_the_reason_is_known() -> None:
    doc = prepare("I know why I feel sad: my friend moved away. It makes sense.")
    assert AmbivalenceAnalyzer().run(doc) == []
