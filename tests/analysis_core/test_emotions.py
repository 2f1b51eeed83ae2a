from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from reverie.analysis import pipeline
from reverie.analysis.emotions import EmotionHead, NgramFeatures, intensity, load_head
from reverie.analysis.evaluation.emotions import evaluate_emotions
from reverie.analysis.onnx_encoder import OnnxEncoder
from reverie.errors import AnalysisUnavailable


def _top_sentence_label(text: str, encoder: OnnxEncoder) -> str:
    result = pipeline.analyse(text, encoder=encoder, only={"emotions"})
    sentence = [f for f in result.of_kind("emotion") if f.data["scope"] == "sentence"]
    return max(sentence, key=lambda f: f.confidence).label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm so grateful.", "gratitude"),
        ("Thank you so much for listening to me yesterday.", "gratitude"),
        ("I am furious at him.", "anger"),
        ("I'm scared of what the doctor will say.", "fear"),
        ("I miss her so much and I feel so sad.", "sadness"),
    ],
)
def test_emotions_hand_written_sentences_top_label(text: str, expected: str, encoder: OnnxEncoder) -> None:
    assert _top_sentence_label(text, encoder) == expected


def test_emotions_entry_holds_several_emotions_with_spans(encoder: OnnxEncoder) -> None:
    text = "I'm so grateful for my friends. I am furious at my landlord."
    result = pipeline.analyse(text, encoder=encoder, only={"emotions"})
    entry = {f.label: f for f in result.of_kind("emotion") if f.data["scope"] == "entry"}
    assert {"gratitude", "anger"} <= set(entry)
    assert entry["gratitude"].spans[0].text(text) == "I'm so grateful for my friends."
    assert entry["anger"].spans[0].text(text) == "I am furious at my landlord."
    assert "neutral" not in entry
    assert all(1 <= f.data["intensity"] <= 5 for f in result.of_kind("emotion"))
    assert result.analyzers["emotions"].startswith("1.23.0:")  # h192 (the journal re-ranker)


def test_emotions_intensity_rises_with_intensifiers_and_falls_with_downtoners() -> None:
    plain = intensity(0.5, 0.3, "I was angry.")
    assert intensity(0.5, 0.3, "I was so angry!") == plain + 1
    assert intensity(0.5, 0.3, "I was a bit angry.") == max(1, plain - 1)
    assert intensity(0.99, 0.3, "I was SO ANGRY!!") == 5
    assert intensity(0.1, 0.3, "meh") == 1


def test_ngram_features_match_hand_computed_tfidf() -> None:
    vocabulary = {"angry": 0, "so angry": 1, "so": 2}
    idf = np.array([2.0, 3.0, 1.0], dtype=np.float32)
    weight = np.eye(3, dtype=np.float32)
    features = NgramFeatures(vocabulary, idf, weight)
    got = features.logits("So angry, SO angry! x")  # angry x2, so x2, "so angry" x2; "x" is too short
    tf = 1 + np.log(2)
    expected = np.array([2.0 * tf, 3.0 * tf, 1.0 * tf])
    np.testing.assert_allclose(got, expected / np.linalg.norm(expected), rtol=1e-5)
    assert not features.logits("nothing known here").any()


def test_emotion_head_predict_falls_back_to_most_likely_label() -> None:
    head = EmotionHead(
        labels=("a", "b"),
        weight=np.zeros((2, 2), dtype=np.float32),
        bias=np.zeros(2, dtype=np.float32),
        scale=1.0,
        thresholds=np.array([0.9, 0.2], dtype=np.float32),
        ngrams=None,
    )
    probs = np.array([[0.5, 0.15], [0.95, 0.3]], dtype=np.float32)
    assert head.predict(probs).tolist() == [[True, False], [True, True]]


def test_an_mlp_beside_the_linear_head_is_blended_by_its_weight(tmp_path: Path) -> None:
    from reverie.analysis.emotions import MlpBlend

    linear = EmotionHead(
        labels=("a", "b"),
        weight=np.zeros((2, 2), dtype=np.float32),
        bias=np.zeros(2, dtype=np.float32),
        scale=1.0,
        thresholds=np.full(2, 0.5, dtype=np.float32),
        ngrams=None,
    )
    mlp = MlpBlend(
        w1=np.eye(2, dtype=np.float32),
        b1=np.zeros(2, dtype=np.float32),
        w2=np.array([[4.0, 0.0], [0.0, -4.0]], dtype=np.float32),
        b2=np.zeros(2, dtype=np.float32),
        scale=1.0,
        blend=0.25,
    )
    vectors = np.array([[1.0, 1.0]], dtype=np.float32)
    blended = EmotionHead(
        *[getattr(linear, f) for f in ("labels", "weight", "bias", "scale")],
        thresholds=linear.thresholds,
        ngrams=None,
        mlp=mlp,
    )
    sigmoid = 1 / (1 + np.exp(-np.array([4.0, -4.0])))
    np.testing.assert_allclose(
        blended.probabilities(["x"], vectors)[0], 0.75 * 0.5 + 0.25 * sigmoid, rtol=1e-6
    )
    np.testing.assert_allclose(linear.probabilities(["x"], vectors)[0], [0.5, 0.5])


def test_load_head_missing_artefact_raises_analysis_unavailable(tmp_path: Path) -> None:
    with pytest.raises(AnalysisUnavailable):
        load_head(tmp_path)


def test_evaluate_emotions_reports_aggregates_on_a_tiny_file(tmp_path: Path, encoder: OnnxEncoder) -> None:
    head = load_head()[0]
    gratitude, anger = head.labels.index("gratitude"), head.labels.index("anger")
    rows = [
        f"Thank you so much, this helped me a lot.\t{gratitude}\tx1",
        f"I am furious at how they treated me.\t{anger}\tx2",
        f"Thanks, I really appreciate it.\t{gratitude}\tx3",
        "a row without labels\t\tx4",
    ]
    path = tmp_path / "tiny.tsv"
    path.write_text("\n".join(rows) + "\n")
    calls: list[tuple[int, int]] = []
    result = evaluate_emotions(
        path, progress=lambda done, total: calls.append((done, total)), encoder=encoder
    )
    assert result["n"] == 3
    assert calls[-1] == (3, 3)
    assert set(result["per_label"]) == set(head.labels)
    assert result["per_label"]["gratitude"] == 1.0
    assert 0.0 <= result["macro_f1"] <= result["micro_f1"] <= 1.0
