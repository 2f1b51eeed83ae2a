"""``scripts/train_risk.py --everyday`` (fifteenth round): which GoEmotions comments become weak negatives.

Written data only (a small file in GoEmotions' layout); the real file is read by the script, not by tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("sklearn")

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_risk.py"
EMOTIONS = ["admiration", "amusement", "grief", "joy", "remorse", "sadness", "neutral"]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_risk_under_test", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tr() -> ModuleType:
    return _script()


def _write(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    (tmp_path / "emotions.txt").write_text("\n".join(EMOTIONS) + "\n", encoding="utf-8")
    path = tmp_path / "train.tsv"
    path.write_text(
        "".join(f"{text}\t{labels}\tid{n}\n" for n, (text, labels) in enumerate(rows)), encoding="utf-8"
    )
    return path


ORDINARY = [(f"Picked up {n} oranges at the market today.", "6") for n in range(20)]
RISKY = [("Honestly I want to kill myself.", "6"), ("I keep thinking about suicide.", "6")]
SAD = [("Miss my grandad every single day.", "2"), ("So sorry I forgot your birthday.", "4,5")]


def test_parse(tr: ModuleType) -> None:
    assert tr.parse_everyday("goemotions:5000:0.05") == tr.Everyday(5000, 0.05, False)
    assert tr.parse_everyday("goemotions:all:0.1:nosad") == tr.Everyday(None, 0.1, True)
    for bad in ("goemotions:10", "dreams:10:0.1", "goemotions:10:0.1:sad", "goemotions:x:0.1"):
        with pytest.raises(ValueError):
            tr.parse_everyday(bad)


def test_risk_language_is_left_out_and_sad_labels_only_on_request(tr: ModuleType, tmp_path: Path) -> None:
    path = _write(tmp_path, ORDINARY + RISKY + SAD)
    kept, read, dropped = tr.everyday_comments(path, tr.Everyday(None, 0.05))
    assert read == len(ORDINARY + RISKY + SAD) and dropped == len(RISKY)
    assert not {t for t, _ in RISKY} & set(kept) and {t for t, _ in SAD} <= set(kept)
    kept_nosad, _, dropped_nosad = tr.everyday_comments(path, tr.Everyday(None, 0.05, True))
    assert dropped_nosad == len(RISKY + SAD) and set(kept_nosad) == {t for t, _ in ORDINARY}


def test_samples_are_seeded_and_nested(tr: ModuleType, tmp_path: Path) -> None:
    path = _write(tmp_path, ORDINARY + RISKY)
    small, _, _ = tr.everyday_comments(path, tr.Everyday(5, 0.05))
    large, _, _ = tr.everyday_comments(path, tr.Everyday(12, 0.05))
    again, _, _ = tr.everyday_comments(path, tr.Everyday(12, 0.05))
    assert len(small) == 5 and len(large) == 12 and large == again and large[:5] == small
    assert large != [t for t, _ in ORDINARY][:12]  # shuffled, not the file's order


def test_written_everyday_bank_splits_into_a_fixed_held_third(tr: ModuleType) -> None:
    """Twentieth round: the written everyday bank's training lines and its held third are disjoint, cover the bank,
    and are the same on every run (a seeded choice), so the held third is never trained on."""
    train, held = tr.written_everyday(held=False), tr.written_everyday(held=True)
    lines = [line for line in tr.EVERYDAY_BANK.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(held) == len(lines) // 3 and len(train) + len(held) == len(lines)
    assert not set(train) & set(held)
    assert held == tr.written_everyday(held=True)


def test_written_everyday_spec_is_parsed_and_bad_specs_are_refused(tr: ModuleType) -> None:
    spec = tr.parse_everyday("written:0.5")
    assert spec.written and spec.weight == 0.5 and spec.n is None
    assert not tr.parse_everyday("goemotions:100:0.1").written
    with pytest.raises(ValueError, match="written:WEIGHT"):
        tr.parse_everyday("written")
