"""r43: h38's support floor (risk 2.6.0) on the safety path: a genuine line in another language set aside, and a
damaged or empty support artefact failing unsafe (flags dropped, or the screen raising) under the shipped hash."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from reverie.analysis import risk

GENUINE = "I've stopped seeing a reason to keep going."  # h38's own genuine model-alone line


@pytest.fixture(scope="module")
def shipped() -> risk.RiskModel:
    model = risk.load_model()
    if model is None or model.sentence_weights is None or model.support is None:
        pytest.skip("the sentence model and its support are not installed")
    return model


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "risk"
    shutil.copytree(risk.MODEL_DIR, target)
    return target


def test_a_genuine_french_line_the_model_flags_is_not_set_aside(shipped: risk.RiskModel) -> None:
    """ "je veux plus être là" (I don't want to be here any more), flagged by the sentence model, still flags."""
    text = "je veux plus être là"
    bare = risk.load_model(support=False)
    assert bare is not None and risk.screen(text, model=bare).flagged  # the model alone reads it as ideation
    result = risk.screen(text)
    assert result.flagged, result.to_data()


def test_an_empty_support_artefact_does_not_drop_every_lone_flag(
    shipped: risk.RiskModel, tmp_path: Path
) -> None:
    """A support artefact with no vectors (a bad build) leaves genuine model-alone lines flagged."""
    folder = _copy(tmp_path)
    assert shipped.support is not None
    width = shipped.support.vectors.shape[1]
    np.savez(folder / risk.SUPPORT_FILE, vectors=np.zeros((0, width), np.float16))
    model = risk.load_model(folder)
    assert risk.screen(GENUINE, model=shipped).flagged
    result = risk.screen(GENUINE, model=model)
    assert result.flagged, result.to_data()


def test_the_declared_hash_names_the_support_vectors_actually_shipped(
    shipped: risk.RiskModel, tmp_path: Path
) -> None:
    """Support vectors that differ from the shipped ones do not declare the shipped analyzer hash."""
    folder = _copy(tmp_path)
    with np.load(folder / risk.SUPPORT_FILE) as arrays:
        vectors = arrays["vectors"]
    np.savez(folder / risk.SUPPORT_FILE, vectors=vectors[:3])  # another support, the manifest untouched
    assert risk.declared_model_hash(folder) != risk.declared_model_hash()


def test_a_damaged_support_artefact_leaves_the_screen_flagging(
    shipped: risk.RiskModel, tmp_path: Path
) -> None:
    """A damaged support file loads the model without its gate (the screen flags) instead of raising."""
    folder = _copy(tmp_path)
    (folder / risk.SUPPORT_FILE).write_bytes(b"not an npz archive")
    model = risk.load_model(folder)
    assert model is not None
    assert risk.screen(GENUINE, model=model).flagged
