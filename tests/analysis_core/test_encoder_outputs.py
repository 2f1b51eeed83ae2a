"""The encoder graph's named outputs: each is read from the same pass (``encode_output``), whichever is asked for
first, and a head that asks for an output the graph lacks is told so (the risk screen then runs on its lexicon).
The twenty-eighth round built a third output for the risk sentence model (``risk_token_embeddings``,
``scripts/graft_risk_layer.py``) and did not ship it (docs/risk.md); the shipped graph has two."""

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


def test_the_encoder_lists_every_output_of_its_manifest_base_first(encoder: OnnxEncoder) -> None:
    manifest = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert encoder.outputs[0] == BASE_OUTPUT
    assert set(encoder.outputs) == {BASE_OUTPUT, *manifest["outputs"]}


def test_each_output_gives_its_own_unit_vectors(encoder: OnnxEncoder) -> None:
    base = encoder.encode_output(SENTENCES, BASE_OUTPUT)
    top = encoder.encode_output(SENTENCES, TOP_OUTPUT)
    np.testing.assert_allclose(np.linalg.norm(top, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(base, encoder.encode(SENTENCES))
    pair = encoder.encode_pair(SENTENCES)
    np.testing.assert_array_equal(pair[0], base)
    assert pair[1] is not None
    np.testing.assert_array_equal(pair[1], top)
    assert not np.allclose(base, top, atol=1e-3)  # the fine-tuned layer moved the vectors


def test_an_output_the_graph_lacks_is_an_analysis_unavailable(encoder: OnnxEncoder) -> None:
    assert RISK_OUTPUT not in encoder.outputs  # built in the twenty-eighth round, not shipped
    with pytest.raises(AnalysisUnavailable, match="no output"):
        encoder.encode_output(SENTENCES, RISK_OUTPUT)
    with pytest.raises(AnalysisUnavailable, match="no output"):
        encode_output(encoder, SENTENCES, RISK_OUTPUT)


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
            top = encoder.encode_output(SENTENCES, TOP_OUTPUT)
            base = encoder.encode(SENTENCES)
            pair = encoder.encode_pair(SENTENCES)
    finally:
        del encoder._encode_all
    assert calls == [len(SENTENCES)]
    np.testing.assert_array_equal(top, encoder.encode_output(SENTENCES, TOP_OUTPUT))
    np.testing.assert_array_equal(base, pair[0])
