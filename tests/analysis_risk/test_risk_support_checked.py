"""r43 (h44): the support artefact is checked whole before it gates anything. Any fault (a missing threshold or one
outside (0, 1), vectors not the manifest's, an archive that does not open, no vectors, rows not finite or not of
unit length, a width other than the sentence model's, one file without the other) means no floor: the model loads,
declares no "+support", and ``support_state`` says "damaged" for ``reverie doctor``. Files only, no encoder."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from reverie.analysis import risk


@pytest.fixture(scope="module")
def shipped_vectors() -> np.ndarray:
    if risk.support_state() != risk.SUPPORT_VALID or risk.load_model() is None:
        pytest.skip("the risk model and its support are not installed")
    with np.load(risk.MODEL_DIR / risk.SUPPORT_FILE) as arrays:
        return np.asarray(arrays["vectors"])


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "risk"
    shutil.copytree(risk.MODEL_DIR, target)
    return target


def _manifest(folder: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((folder / risk.SUPPORT_MANIFEST).read_text(encoding="utf-8"))
    return data


def _write(folder: Path, vectors: np.ndarray, **changes: object) -> None:
    """Vectors saved with a manifest that names their digest (a well-formed build), changed by ``changes``."""
    buffer = io.BytesIO()
    np.savez(buffer, vectors=vectors)
    (folder / risk.SUPPORT_FILE).write_bytes(buffer.getvalue())
    meta = {**_manifest(folder), "vectors_sha256": hashlib.sha256(buffer.getvalue()).hexdigest(), **changes}
    meta = {k: v for k, v in meta.items() if v is not None}
    (folder / risk.SUPPORT_MANIFEST).write_text(json.dumps(meta), encoding="utf-8")


def _nan(v: np.ndarray) -> np.ndarray:
    out = v.copy()
    out[0, 0] = np.nan
    return out


DAMAGE: dict[str, Callable[[Path, np.ndarray], None]] = {
    "no threshold": lambda f, v: _write(f, v, threshold=None),
    "threshold above 1": lambda f, v: _write(f, v, threshold=1.5),
    "threshold 0": lambda f, v: _write(f, v, threshold=0),
    "threshold a string": lambda f, v: _write(f, v, threshold="0.35"),
    "empty": lambda f, v: _write(f, v[:0]),
    "all zero": lambda f, v: _write(f, np.zeros_like(v)),
    "not finite": lambda f, v: _write(f, _nan(v)),
    "not unit length": lambda f, v: _write(f, v * np.float16(2)),
    "wrong width": lambda f, v: _write(f, v[:, :100]),
    "one dimension": lambda f, v: _write(f, v[0]),
    "vectors not the manifest's": lambda f, v: _write(f, v[:3], vectors_sha256="0" * 64),
    "not an archive": lambda f, v: (f / risk.SUPPORT_FILE).write_bytes(b"not an npz archive"),
    "manifest not json": lambda f, v: (f / risk.SUPPORT_MANIFEST).write_text("{", encoding="utf-8"),
    "manifest of another format": lambda f, v: _write(f, v, format="reverie.risk-support/0"),
    "no manifest": lambda f, v: (f / risk.SUPPORT_MANIFEST).unlink(),
    "no vectors": lambda f, v: (f / risk.SUPPORT_FILE).unlink(),
}


def test_a_well_formed_rebuild_is_valid(shipped_vectors: np.ndarray, tmp_path: Path) -> None:
    """The checks pass a support written the way the builder writes it (the shipped one, and a subset of it)."""
    folder = _copy(tmp_path)
    _write(folder, shipped_vectors[:10])
    assert risk.support_state(folder) == risk.SUPPORT_VALID
    support = risk.load_support(folder)
    assert support is not None and len(support.vectors) == 10 and support.threshold == 0.35


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_support_is_no_floor_and_is_reported(
    damage: str, shipped_vectors: np.ndarray, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _copy(tmp_path)
    DAMAGE[damage](folder, shipped_vectors)
    with caplog.at_level("WARNING", logger="reverie.analysis.risk"):
        assert risk.support_state(folder) == risk.SUPPORT_DAMAGED
        assert risk.load_support(folder) is None
        model = risk.load_model(folder)
    assert model is not None and model.support is None
    assert "+support" not in model.model_hash
    assert risk.declared_model_hash(folder) == model.model_hash
    assert any("risk support artefact damaged" in r.getMessage() for r in caplog.records)


def test_without_a_support_there_is_no_floor_and_nothing_to_report(
    shipped_vectors: np.ndarray, tmp_path: Path
) -> None:
    folder = _copy(tmp_path)
    (folder / risk.SUPPORT_FILE).unlink()
    (folder / risk.SUPPORT_MANIFEST).unlink()
    assert risk.support_state(folder) == risk.SUPPORT_ABSENT
    assert risk.load_support(folder) is None


def test_the_declared_hash_is_what_a_load_uses(shipped_vectors: np.ndarray) -> None:
    model = risk.load_model()
    assert model is not None and "+support:" in model.model_hash
    assert risk.declared_model_hash() == model.model_hash
