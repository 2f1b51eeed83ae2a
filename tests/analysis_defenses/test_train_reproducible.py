"""scripts/train_defenses.py is byte-reproducible: two runs on the same bank and encoder write identical files
(``head.npz`` used to differ by its zip members' timestamps). A tiny bank and a stand-in encoder keep it fast."""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import numpy as np
import numpy.typing as npt
import pytest

from reverie.analysis.defenses import load_head


class HashEncoder:
    """Deterministic stand-in: a unit vector per text, seeded by the text's hash."""

    model_hash = "hash-encoder"

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        rows = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")
            v = np.random.default_rng(seed).normal(size=384).astype(np.float32)
            rows.append(v / np.linalg.norm(v))
        return np.stack(rows)


@pytest.fixture(scope="module")
def script() -> ModuleType:
    path = Path(__file__).parents[2] / "scripts" / "train_defenses.py"
    spec = importlib.util.spec_from_file_location("train_defenses", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_defenses"] = module
    spec.loader.exec_module(module)
    return module


def _tiny_bank(path: Path) -> Path:
    rows = []
    for level in range(9):
        for k in range(4):
            rows.append(
                {"text": f"sentence {k} of level {level}", "level": level, "defense": None, "split": "tune"}
            )
        rows.append(
            {"text": f"held sentence of level {level}", "level": level, "defense": None, "split": "held"}
        )
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_two_runs_write_identical_bytes(script: ModuleType, tmp_path: Path) -> None:
    bank = _tiny_bank(tmp_path / "bank.jsonl")
    a, b = tmp_path / "a", tmp_path / "b"
    script.train(a, HashEncoder(), bank_path=bank, per_level=True)
    script.train(b, HashEncoder(), bank_path=bank, per_level=True)
    for name in ("head.npz", "manifest.json"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    head = load_head(a)
    assert head is not None and head.weights.shape == (384 + 10, 9) and head.level_thresholds is not None
    manifest = json.loads((a / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["level_floor_candidates"] == [0.3, 0.35, 0.4, 0.45]
    assert manifest["level_floor"] in manifest["level_floor_candidates"]
    assert min(head.level_thresholds) >= manifest["level_floor"]  # no per-level bar under the floor
    assert [row["floor"] for row in manifest["level_floor_held"]] == manifest["level_floor_candidates"]


def test_the_floor_is_an_option_recorded_in_the_manifest(script: ModuleType, tmp_path: Path) -> None:
    bank = _tiny_bank(tmp_path / "bank.jsonl")
    script.train(tmp_path / "pinned", HashEncoder(), bank_path=bank, per_level=True, level_floors=(0.5,))
    manifest = json.loads((tmp_path / "pinned" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["level_floor"] == 0.5 and manifest["level_floor_candidates"] == [0.5]
    assert min(manifest["level_thresholds"].values()) >= 0.5
    assert script._floors("0.30,0.35") == (0.3, 0.35)
    with pytest.raises(argparse.ArgumentTypeError):
        script._floors("0.3,high")


def test_write_npz_fixes_timestamps_and_reads_back(script: ModuleType, tmp_path: Path) -> None:
    w = np.arange(12, dtype=np.float32).reshape(3, 4)
    script.write_npz(tmp_path / "x.npz", weights=w)
    with zipfile.ZipFile(tmp_path / "x.npz") as archive:
        assert [i.date_time for i in archive.infolist()] == [script.FIXED_ZIP_TIME]
    with np.load(tmp_path / "x.npz") as data:
        assert np.array_equal(data["weights"], w)
