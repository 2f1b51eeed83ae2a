"""The encoder graph's named outputs (risk 2.5.0 reads the third, ``risk_token_embeddings``): each is read from the
same pass, the base and emotions outputs are what they were before the risk layer was grafted, and a head that asks
for an output the graph lacks is told so (the risk screen then runs on its lexicon)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from reverie.analysis.encoder import encode_output
from reverie.analysis.onnx_encoder import (
    BASE_OUTPUT,
    MODEL_DIR,
    RISK_OUTPUT,
    TOP_OUTPUT,
    OnnxEncoder,
    shared_sentences,
)
from reverie.errors import AnalysisUnavailable

SENTENCES = ["I finally told my sister how I felt.", "The bus was late again.", "I want to disappear."]


def test_the_graph_has_three_outputs_and_the_manifest_says_the_old_two_did_not_move() -> None:
    manifest = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["outputs"] == [BASE_OUTPUT, TOP_OUTPUT, RISK_OUTPUT]
    layer = manifest["risk_layer"]
    assert layer["existing_outputs_max_abs_change"] == {BASE_OUTPUT: 0.0, TOP_OUTPUT: 0.0}
    assert layer["agreement"]["min_cosine"] >= 0.99


def test_each_output_gives_its_own_unit_vectors(encoder: OnnxEncoder) -> None:
    base = encoder.encode_output(SENTENCES, BASE_OUTPUT)
    risk = encoder.encode_output(SENTENCES, RISK_OUTPUT)
    np.testing.assert_allclose(np.linalg.norm(risk, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(base, encoder.encode(SENTENCES))
    np.testing.assert_array_equal(encoder.encode_pair(SENTENCES)[0], base)
    assert not np.allclose(base, risk, atol=1e-3)  # the fine-tuned layer moved the vectors


def test_an_output_the_graph_lacks_is_an_analysis_unavailable(encoder: OnnxEncoder) -> None:
    with pytest.raises(AnalysisUnavailable, match="no output"):
        encoder.encode_output(SENTENCES, "nonsense_token_embeddings")


def test_a_test_double_with_encode_alone_gives_its_one_kind_of_vector() -> None:
    class Double:
        name, model_hash, dim = "double", "double", 2

        def encode(self, sentences: list[str]) -> np.ndarray:
            return np.ones((len(sentences), 2), dtype=np.float32)

    assert encode_output(Double(), ["a", "b"], RISK_OUTPUT).shape == (2, 2)


def test_within_a_shared_block_a_sentence_runs_once_whichever_output_comes_first(
    encoder: OnnxEncoder,
) -> None:
    calls: list[int] = []
    real = encoder._encode_all

    def counting(sentences: list[str]) -> dict[str, np.ndarray]:
        calls.append(len(sentences))
        return real(sentences)

    encoder._encode_all = counting  # type: ignore[method-assign]
    try:
        with shared_sentences():
            risk = encoder.encode_output(SENTENCES, RISK_OUTPUT)
            base = encoder.encode(SENTENCES)
            top = encoder.encode_pair(SENTENCES)[1]
    finally:
        del encoder._encode_all
    assert calls == [len(SENTENCES)]
    np.testing.assert_array_equal(risk, encoder.encode_output(SENTENCES, RISK_OUTPUT))
    np.testing.assert_array_equal(base, encoder.encode(SENTENCES))
    assert top is not None
