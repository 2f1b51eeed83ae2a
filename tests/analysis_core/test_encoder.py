from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from reverie.analysis.onnx_encoder import MODEL_DIR, OnnxEncoder, load_encoder, mean_pool
from reverie.errors import AnalysisUnavailable


def test_encoder_rows_are_unit_length_and_deterministic(encoder: OnnxEncoder) -> None:
    sentences = ["I slept badly and woke up angry.", "ok", "The sea was calm in my dream."]
    first = encoder.encode(sentences)
    second = encoder.encode(list(reversed(sentences)))[::-1]
    assert first.shape == (3, encoder.dim)
    assert first.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(first, second, atol=1e-6)


def test_encoder_batching_does_not_change_vectors(encoder: OnnxEncoder) -> None:
    sentences = [f"Sentence number {i} talks about {'my mother ' * (i % 5)}and work." for i in range(40)]
    together = encoder.encode(sentences)
    alone = np.vstack([encoder.encode([s]) for s in sentences[:5]])
    np.testing.assert_allclose(together[:5], alone, atol=1e-5)


def test_encoder_similar_sentences_are_closer_than_unrelated(encoder: OnnxEncoder) -> None:
    a, b, c = encoder.encode(
        ["I love my mother very much.", "I adore my mom.", "The train timetable changed in March."]
    )
    assert float(a @ b) > float(a @ c) + 0.3
    assert float(a @ b) > float(b @ c) + 0.3


def test_encoder_empty_list_gives_empty_matrix(encoder: OnnxEncoder) -> None:
    assert encoder.encode([]).shape == (0, encoder.dim)


def test_encoder_caps_long_sentences(encoder: OnnxEncoder) -> None:
    long = "word " * 2000
    assert encoder.encode([long]).shape == (1, encoder.dim)


def test_encoder_model_hash_matches_manifest(encoder: OnnxEncoder) -> None:
    manifest = json.loads((MODEL_DIR / "manifest.json").read_text())
    assert encoder.model_hash == manifest["model_hash"]
    assert len(encoder.model_hash) == 64


def test_mean_pool_ignores_padding() -> None:
    tokens = np.array([[[1.0, 0.0], [0.0, 1.0], [100.0, 100.0]]], dtype=np.float32)
    mask = np.array([[1, 1, 0]], dtype=np.int64)
    np.testing.assert_allclose(mean_pool(tokens, mask), [[2**-0.5, 2**-0.5]], atol=1e-6)


def test_load_encoder_missing_artefact_raises_analysis_unavailable(tmp_path: Path) -> None:
    with pytest.raises(AnalysisUnavailable):
        load_encoder(tmp_path)


def test_load_encoder_tampered_artefact_raises_analysis_unavailable(tmp_path: Path) -> None:
    shutil.copy(MODEL_DIR / "manifest.json", tmp_path / "manifest.json")
    shutil.copy(MODEL_DIR / "tokenizer.json", tmp_path / "tokenizer.json")
    (tmp_path / "model.int8.onnx").write_bytes(b"not a model")
    with pytest.raises(AnalysisUnavailable, match="does not match"):
        load_encoder(tmp_path)


def test_onnx_encoder_module_does_not_import_torch() -> None:
    code = "import sys, reverie.analysis.onnx_encoder as m; m.load_encoder(); print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
