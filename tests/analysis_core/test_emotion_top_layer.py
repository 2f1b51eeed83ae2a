"""The emotions top layer: one encoder pass with two outputs, the blend, and the fallback to the head alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from reverie.analysis.document import prepare
from reverie.analysis.emotions import (
    EmotionHead,
    EmotionsAnalyzer,
    TopLayer,
    alone_model_hash,
    load_head,
    sentence_probabilities,
)
from reverie.analysis.onnx_encoder import (
    BASE_OUTPUT,
    TOP_OUTPUT,
    EncoderManifest,
    OnnxEncoder,
    read_manifest,
    shared_sentences,
)
from reverie.errors import AnalysisUnavailable

LABELS = ("joy", "sadness", "neutral")


def _head(thresholds: tuple[float, ...] = (0.5, 0.5, 0.5)) -> EmotionHead:
    weight = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]], dtype=np.float32)
    return EmotionHead(
        labels=LABELS,
        weight=weight,
        bias=np.zeros(3, dtype=np.float32),
        scale=1.0,
        thresholds=np.array(thresholds, dtype=np.float32),
        ngrams=None,
    )


def _top(blend: float = 0.5) -> TopLayer:
    return TopLayer(
        weight=np.array([[0.0, 2.0], [2.0, 0.0], [0.0, 0.0]], dtype=np.float32),
        bias=np.zeros(3, dtype=np.float32),
        scale=3.0,
        blend=blend,
        thresholds=np.array([0.3, 0.4, 0.6], dtype=np.float32),
    )


def _sigmoid(x: np.ndarray) -> np.ndarray:
    out: np.ndarray = 1.0 / (1.0 + np.exp(-x))
    return out


def test_the_blend_is_one_minus_w_head_plus_w_top_with_the_blends_thresholds() -> None:
    head = _head().with_top(_top(0.25))
    vectors = np.array([[1.0, 0.0]], dtype=np.float32)
    top_vectors = np.array([[0.0, 1.0]], dtype=np.float32)
    got = head.probabilities(["x"], vectors, top_vectors)
    alone = _sigmoid(np.array([1.0, 0.0, 0.0]))
    top = _sigmoid(3.0 * np.array([2.0, 0.0, 0.0]))
    assert np.allclose(got[0], 0.75 * alone + 0.25 * top, atol=1e-6)
    assert head.by_label == pytest.approx({"joy": 0.3, "sadness": 0.4, "neutral": 0.6})


def test_without_top_vectors_the_head_alone_reads_with_its_own_thresholds() -> None:
    plain = _head((0.5, 0.45, 0.55))
    head = plain.with_top(_top())
    reader = head.reading_for(None)
    assert reader is plain and reader.top is None
    assert reader.by_label == pytest.approx({"joy": 0.5, "sadness": 0.45, "neutral": 0.55})
    assert head.reading_for(np.zeros((1, 2), dtype=np.float32)) is head
    with pytest.raises(AnalysisUnavailable):
        head.probabilities(["x"], np.zeros((1, 2), dtype=np.float32))  # never silently mixed thresholds


class _OneOutput:
    """A test double with ``encode`` only (no second output)."""

    def encode(self, sentences: list[str]) -> np.ndarray:
        return np.tile(np.array([[1.0, 0.0]], dtype=np.float32), (len(sentences), 1))


class _TwoOutputs(_OneOutput):
    def encode_pair(self, sentences: list[str]) -> tuple[np.ndarray, np.ndarray]:
        return self.encode(sentences), np.tile(np.array([[0.0, 1.0]], dtype=np.float32), (len(sentences), 1))


def test_sentence_probabilities_falls_back_for_an_encoder_without_the_second_output() -> None:
    plain = _head()
    head = plain.with_top(_top())
    reader, probs = sentence_probabilities(head, ["a", "b"], _OneOutput())
    assert reader is plain
    assert np.allclose(probs, plain.probabilities(["a", "b"], _OneOutput().encode(["a", "b"])))
    reader, probs = sentence_probabilities(head, ["a"], _TwoOutputs())
    assert reader is head
    assert probs.shape == (1, 3)


def test_the_analyzer_names_the_head_that_read() -> None:
    head = _head().with_top(_top())
    analyzer = EmotionsAnalyzer(head, "aaaa+bbbb.cccc", "aaaa.cccc")
    doc = prepare("I feel fine today.")
    doc.embeddings = np.tile(np.array([[1.0, 0.0]], dtype=np.float32), (len(doc.sentences), 1))
    alone = analyzer.run(doc)
    assert alone and {f.model_hash for f in alone} == {"aaaa.cccc"}
    doc.emotion_embeddings = np.tile(np.array([[0.0, 1.0]], dtype=np.float32), (len(doc.sentences), 1))
    blended = analyzer.run(doc)
    assert blended and {f.model_hash for f in blended} == {"aaaa+bbbb.cccc"}


def test_alone_model_hash_drops_the_top_layers_part() -> None:
    head = _head().with_top(_top())
    full = "0123456789abcdef+fedcba9876543210.1111222233334444"
    assert alone_model_hash(head, full) == "0123456789abcdef.1111222233334444"
    assert alone_model_hash(_head(), "x.y") == "x.y"


class _Session:
    """An onnxruntime session double: token vectors = a function of the ids, per output asked for."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def run(self, outputs: list[str], feed: dict[str, np.ndarray]) -> list[np.ndarray]:
        self.calls.append(list(outputs))
        ids = feed["input_ids"].astype(np.float32)
        base = np.stack([ids, np.ones_like(ids)], axis=-1)
        top = np.stack([np.ones_like(ids), ids], axis=-1)
        return [base if name == BASE_OUTPUT else top for name in outputs]


class _Tokenizer:
    def encode_batch(self, batch: list[str]) -> list[Any]:
        class Enc:
            def __init__(self, n: int) -> None:
                self.ids = [n + 1, 2]
                self.attention_mask = [1, 1]

        return [Enc(len(text)) for text in batch]


def _encoder(outputs: tuple[str, ...]) -> tuple[OnnxEncoder, _Session]:
    session = _Session()
    manifest = EncoderManifest("double", "h" * 64, 2, 8, "model.onnx", outputs)
    return OnnxEncoder(session, _Tokenizer(), manifest, 32), session


def test_encode_pair_gives_both_vectors_from_one_run_and_encode_the_first() -> None:
    encoder, session = _encoder((BASE_OUTPUT, TOP_OUTPUT))
    first, second = encoder.encode_pair(["ab", "abcd"])
    assert session.calls == [[BASE_OUTPUT, TOP_OUTPUT]]
    assert second is not None
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0) and np.allclose(
        np.linalg.norm(second, axis=1), 1.0
    )
    assert not np.allclose(first, second)
    assert np.allclose(encoder.encode(["ab", "abcd"]), first)
    with shared_sentences():  # the second output is kept in the table too: no second run
        encoder.encode(["ab"])
        session.calls.clear()
        again = encoder.encode_pair(["ab"])
        assert session.calls == []
        assert again[1] is not None and np.allclose(again[1], second[:1])


def test_a_one_output_graph_asks_for_one_output_and_gives_no_second_vector() -> None:
    encoder, session = _encoder((BASE_OUTPUT,))
    first, second = encoder.encode_pair(["ab"])
    assert second is None and first.shape == (1, 2)
    assert session.calls == [[BASE_OUTPUT]]
    assert encoder.has_top is False


def _write_models(tmp: Path, enabled: bool, outputs: list[str]) -> tuple[Path, Path]:
    import hashlib

    model_dir, encoder_dir = tmp / "emotions", tmp / "encoder"
    model_dir.mkdir()
    encoder_dir.mkdir()
    head = _head()
    np.savez(
        model_dir / "head.npz",
        labels=np.frombuffer("\n".join(LABELS).encode(), dtype=np.uint8),
        weight=head.weight,
        bias=head.bias,
        scale=np.float32(1.0),
        thresholds=head.thresholds,
    )
    top = _top()
    np.savez(
        model_dir / "top.npz",
        weight=top.weight,
        bias=top.bias,
        scale=np.float32(top.scale),
        blend=np.float32(top.blend),
        thresholds=top.thresholds,
    )
    digest = hashlib.sha256((model_dir / "top.npz").read_bytes()).hexdigest()
    manifest = {
        "artefact": "head.npz",
        "artefact_sha256": "a" * 64,
        "encoder_model_hash": "e" * 64,
        "top_layer": {
            "enabled": enabled,
            "artefact": "top.npz",
            "artefact_sha256": digest,
            "encoder_output": TOP_OUTPUT,
        },
    }
    (model_dir / "manifest.json").write_text(json.dumps(manifest))
    (encoder_dir / "manifest.json").write_text(json.dumps({"model_hash": "e" * 64, "outputs": outputs}))
    return model_dir, encoder_dir / "manifest.json"


@pytest.mark.parametrize(
    ("enabled", "outputs", "blended"),
    [
        (True, [BASE_OUTPUT, TOP_OUTPUT], True),
        (False, [BASE_OUTPUT, TOP_OUTPUT], False),  # the shipping switch off
        (True, [BASE_OUTPUT], False),  # an encoder without the second output
    ],
)
def test_load_head_blends_only_when_switched_on_and_the_encoder_has_the_output(
    tmp_path: Path, enabled: bool, outputs: list[str], blended: bool
) -> None:
    model_dir, encoder_manifest = _write_models(tmp_path, enabled, outputs)
    head, model_hash = load_head(model_dir, encoder_manifest)
    assert (head.top is not None) is blended
    assert ("+" in model_hash) is blended
    assert alone_model_hash(head, model_hash) == "a" * 16 + "." + "e" * 16


def test_a_top_layer_that_does_not_match_its_manifest_is_refused(tmp_path: Path) -> None:
    model_dir, encoder_manifest = _write_models(tmp_path, True, [BASE_OUTPUT, TOP_OUTPUT])
    with (model_dir / "top.npz").open("ab") as handle:
        handle.write(b"x")
    with pytest.raises(AnalysisUnavailable):
        load_head(model_dir, encoder_manifest)


def test_the_shipped_encoder_manifest_records_its_outputs_and_parity() -> None:
    raw = json.loads(
        (Path(read_manifest.__code__.co_filename).parent / "models/encoder/manifest.json").read_text()
    )
    manifest = read_manifest()
    assert manifest.outputs[0] == BASE_OUTPUT
    if TOP_OUTPUT in manifest.outputs:  # the graph with the emotions top layer: output (a) is the old one's
        assert raw["format_version"] == 2
        assert raw["base_parity"]["token_max_abs_diff"] <= 1e-5
        assert raw["top_layer"]["agreement"]["mean_cosine"] >= 0.99
