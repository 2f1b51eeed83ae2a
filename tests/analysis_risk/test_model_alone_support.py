"""h37 and h38 (docs/risk.md): the support gate of model-alone flags, built in h37, shipped in h38 at 0.35 (a floor).

A sentence the sentence model raises by itself (no lexicon phrase at ideation or above in the entry) raises the
entry only when its encoder vector is near a support vector (a written genuine crisis line), where the model carries
a :class:`reverie.analysis.risk.Support`; since risk 2.6.0 the shipped model loads one (cosine ≥ 0.35). Lexicon-backed
flags are never touched."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from reverie.analysis import risk
from reverie.analysis.evaluation.risk import _MemoEncoder
from reverie.analysis.onnx_encoder import load_encoder
from risk_model import sentence_model

CONTENT_FREE = "Only a title"  # the sentence model alone reads it at ideation (review r37)
EXPLICIT = "Tonight I want to kill myself."


@pytest.fixture(scope="module")
def model() -> risk.RiskModel:
    return sentence_model()


def _support(vectors: np.ndarray, threshold: float) -> risk.Support:
    return risk.Support(risk.support_vectors(vectors.astype(np.float32)), threshold, "test")


def test_without_the_support_the_model_alone_reads_a_content_free_line_at_ideation() -> None:
    bare = risk.load_model(support=False)
    assert bare is not None and bare.support is None
    assert risk.screen(CONTENT_FREE, model=bare).level == "ideation"


def test_a_model_alone_flag_without_support_is_set_aside_with_its_reason(model: risk.RiskModel) -> None:
    far = _support(np.eye(1, load_encoder().dim, dtype=np.float32), 1.01)  # nothing reaches 1.01
    result = risk.screen(CONTENT_FREE, model=replace(model, support=far))
    assert not result.flagged
    assert any(s.rule == "model" and s.reason == risk.NO_SUPPORT for s in result.suppressed)


def test_a_model_alone_flag_near_a_support_vector_stands(model: risk.RiskModel) -> None:
    encoder = _MemoEncoder(load_encoder())
    own = encoder.encode([CONTENT_FREE])  # its own vector: cosine 1
    result = risk.screen(CONTENT_FREE, model=replace(model, support=_support(own, 0.99)), encoder=encoder)
    assert result.flagged and result.model_alone


def test_a_lexicon_flag_is_never_gated(model: risk.RiskModel) -> None:
    far = _support(np.eye(1, load_encoder().dim, dtype=np.float32), 1.01)
    before = risk.screen(EXPLICIT, model=model)
    after = risk.screen(EXPLICIT, model=replace(model, support=far))
    assert before.flagged and not before.model_alone
    assert (after.level, after.triggers) == (before.level, before.triggers)


def test_the_support_artefact_is_read_only_in_its_own_format(tmp_path: Path) -> None:
    vectors = np.asarray([[0.6, 0.8], [0.0, 1.0]], dtype=np.float16)  # unit rows (checked since risk 2.6.1)
    np.savez(tmp_path / risk.SUPPORT_FILE, vectors=vectors)
    digest = hashlib.sha256((tmp_path / risk.SUPPORT_FILE).read_bytes()).hexdigest()  # checked since 2.6.1
    manifest = {"format": risk.SUPPORT_FORMAT, "threshold": 0.5, "vectors_sha256": digest}
    (tmp_path / risk.SUPPORT_MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    support = risk.load_support(tmp_path)
    assert support is not None and support.threshold == 0.5
    np.testing.assert_allclose(support.vectors, [[0.6, 0.8], [0.0, 1.0]], atol=1e-3)
    np.testing.assert_allclose(
        support.resemblance(np.asarray([[1.0, 0.0]], dtype=np.float32)), [0.6], atol=1e-3
    )
    (tmp_path / risk.SUPPORT_MANIFEST).write_text(
        json.dumps({**manifest, "format": "other/9"}), encoding="utf-8"
    )
    assert risk.load_support(tmp_path) is None
    assert risk.load_support(tmp_path / "absent") is None
