"""h46: a damaged risk model artefact (the sentence model's ``risk_model.npz`` with its manifest, or the level
model's ``risk_level.npz``) never raises out of ``load_model``: truncated, a key missing, a wrong shape, a value not
finite, a manifest that does not parse. The screen then runs on its lexicon floors alone and says so
(``rules_only``), the fault is logged by its type alone, and ``model_state`` names the damaged file for ``reverie
doctor``. Files only, no encoder."""

from __future__ import annotations

import io
import json
import logging
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from reverie.analysis import risk

RISKY = "I keep thinking I want to kill myself."


@pytest.fixture(scope="module")
def shipped() -> dict[str, np.ndarray]:
    if risk.model_state()[0] != risk.MODEL_VALID or risk.load_model() is None:
        pytest.skip("the risk model is not installed")
    with np.load(risk.MODEL_DIR / risk.MODEL_FILE) as arrays:
        return {key: np.asarray(arrays[key]) for key in arrays.files}


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "risk"
    shutil.copytree(risk.MODEL_DIR, target)
    return target


def _save(path: Path, arrays: dict[str, np.ndarray]) -> None:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    path.write_bytes(buffer.getvalue())


def _model(folder: Path, arrays: dict[str, np.ndarray]) -> None:
    _save(folder / risk.MODEL_FILE, arrays)


def _changed(arrays: dict[str, np.ndarray], key: str, value: np.ndarray | None) -> dict[str, np.ndarray]:
    out = dict(arrays)
    if value is None:
        out.pop(key)
    else:
        out[key] = value
    return out


def _nan(v: np.ndarray) -> np.ndarray:
    out = v.astype(np.float32).copy()
    out.flat[0] = np.nan
    return out


def _truncated(folder: Path, _: dict[str, np.ndarray]) -> None:
    path = folder / risk.MODEL_FILE
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _manifest(folder: Path, change: Callable[[dict[str, object]], None]) -> None:
    path = folder / "manifest.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    change(meta)
    path.write_text(json.dumps(meta), encoding="utf-8")


def _level(folder: Path, arrays: dict[str, np.ndarray], **changes: object) -> None:
    """A level artefact beside the model (as ``scripts/train_risk.py --level-only`` writes one), changed."""
    width = len(arrays["sentence_weights"])
    level = {"level_weights": np.zeros(width, dtype=np.float32), "level_bias": np.float32(-3.0)}
    level.update({k: v for k, v in changes.items() if isinstance(v, np.ndarray)})
    for key in [k for k, v in changes.items() if v is None]:
        level.pop(key)
    _save(folder / risk.LEVEL_FILE, level)
    meta = {"format": risk.LEVEL_FORMAT, "level_threshold": 0.5, "model_hash": "test-level"}
    (folder / risk.LEVEL_MANIFEST).write_text(json.dumps(meta), encoding="utf-8")


DAMAGE: dict[str, tuple[str, Callable[[Path, dict[str, np.ndarray]], None]]] = {
    "truncated": (risk.MODEL_FILE, _truncated),
    "no ngram weights": (risk.MODEL_FILE, lambda f, a: _model(f, _changed(a, "ngram_weights", None))),
    "rule weights of another width": (
        risk.MODEL_FILE,
        lambda f, a: _model(f, _changed(a, "rule_weights", a["rule_weights"][:-1])),
    ),
    "sentence weights a matrix": (
        risk.MODEL_FILE,
        lambda f, a: _model(f, _changed(a, "sentence_weights", a["sentence_weights"].reshape(1, -1))),
    ),
    "a NaN sentence weight": (
        risk.MODEL_FILE,
        lambda f, a: _model(f, _changed(a, "sentence_weights", _nan(a["sentence_weights"]))),
    ),
    "an infinite bias": (risk.MODEL_FILE, lambda f, a: _model(f, _changed(a, "bias", np.float32(np.inf)))),
    "no sentence bias": (risk.MODEL_FILE, lambda f, a: _model(f, _changed(a, "sentence_bias", None))),
    "manifest cut short": (
        "manifest.json",
        lambda f, a: (f / "manifest.json").write_text('{"threshold": 0.', encoding="utf-8"),
    ),
    "manifest without threshold": ("manifest.json", lambda f, a: _manifest(f, lambda m: m.pop("threshold"))),
    "a NaN sentence threshold": (
        "manifest.json",
        lambda f, a: _manifest(f, lambda m: m.update(sentence_threshold=float("nan"))),
    ),
    "level weights of another width": (
        risk.LEVEL_FILE,
        lambda f, a: _level(f, a, level_weights=np.zeros(7, dtype=np.float32)),
    ),
    "a NaN level weight": (
        risk.LEVEL_FILE,
        lambda f, a: _level(f, a, level_weights=_nan(np.zeros(len(a["sentence_weights"])))),
    ),
    "no level bias": (risk.LEVEL_FILE, lambda f, a: _level(f, a, level_bias=None)),
}


@pytest.mark.parametrize("name", list(DAMAGE))
def test_a_damaged_risk_model_is_no_model_the_lexicon_floors_stand_and_doctor_names_the_file(
    name: str, shipped: dict[str, np.ndarray], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _copy(tmp_path)
    damaged, damage = DAMAGE[name]
    damage(folder, shipped)
    with caplog.at_level(logging.WARNING, logger="reverie"):
        model = risk.load_model(folder)  # never raises
    assert model is None
    assert risk.model_state(folder) == (risk.MODEL_DAMAGED, folder / damaged)
    said = " ".join(r.getMessage() for r in caplog.records)
    assert "risk model artefact damaged" in said and str(tmp_path) not in said

    found = risk.screen(RISKY, model=model)
    assert found.level == "ideation" and found.rules_only  # the lexicon's floor, and the screen says so
    quiet = risk.screen("We walked to the market.", model=model)
    assert quiet.level == "none" and quiet.rules_only  # not "nothing found" silently: the model was not there


def test_the_shipped_model_and_a_whole_level_artefact_are_valid(
    shipped: dict[str, np.ndarray], tmp_path: Path
) -> None:
    assert risk.model_state() == (risk.MODEL_VALID, None)
    folder = _copy(tmp_path)
    _level(folder, shipped)
    model = risk.load_model(folder)
    assert model is not None and model.level_weights is not None and "+level:" in model.model_hash
    assert risk.model_state(folder) == (risk.MODEL_VALID, None)
    assert risk.model_state(tmp_path / "nothing") == (risk.MODEL_ABSENT, None)
