"""evaluate_defenses and the local research model on tiny PsyDefConv-format fixtures written here."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from reverie.analysis.encoder import Encoder
from reverie.analysis.evaluation.defenses import (
    cross_validate_local_defense_model,
    evaluate_defenses,
    f1_report,
    read_rows,
    train_local_defense_model,
)
from reverie.errors import InvalidInput

ROWS = [
    {
        "dialogue": [
            {"speaker": "supporter", "text": "Hi, how can I help?"},
            {"speaker": "seeker", "text": "Hello!"},
        ],
        "current_text": "Hello!",
        "label": 0,
    },
    {
        "dialogue_flat": "supporter: What happened next? seeker: It's all their fault, not mine.",
        "current_text": "It's all their fault, not mine.",
        "label": 3,
    },
    {
        "dialogue": [
            {"speaker": "supporter", "text": "How do you cope?"},
            {"speaker": "seeker", "text": "I talked to my sister and it really helped."},
        ],
        "current_text": "I talked to my sister and it really helped.",
        "label": 7,
    },
    {
        "dialogue_flat": "supporter: That sounds hard. seeker: I just want to scream at everyone.",
        "current_text": "I just want to scream at everyone.",
        "label": 1,
    },
]


def _write(tmp_path: Path, rows: list[dict[str, object]]) -> Path:
    path = tmp_path / "labelled.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_read_rows_finds_the_preceding_turn_in_both_formats(tmp_path: Path) -> None:
    rows = read_rows(_write(tmp_path, ROWS))
    assert [r.context for r in rows] == [
        "Hi, how can I help?",
        "What happened next?",
        "How do you cope?",
        "That sounds hard.",
    ]


def test_read_rows_rejects_a_label_outside_the_scale(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        read_rows(_write(tmp_path, [{"current_text": "x", "label": 9}]))


def test_f1_report_on_hand_computed_counts() -> None:
    report = f1_report([7, 7, 0, 3], [7, 0, 0, 7])
    assert report["accuracy"] == 0.5
    assert report["per_level"][7] == pytest.approx(0.5)  # tp 1, gold 2, predicted 2
    assert report["per_level"][0] == pytest.approx(2 / 3)
    assert report["per_level"][3] == 0.0 and report["per_level"][5] is None
    assert report["macro_f1"] == pytest.approx((0.5 + 2 / 3 + 0.0) / 3)
    assert report["confusion"][3][7] == 1


def test_evaluate_defenses_on_a_fixture(tmp_path: Path, encoder: Encoder) -> None:
    report = evaluate_defenses(_write(tmp_path, ROWS), encoder=encoder)
    assert report["n"] == 4 and report["accuracy"] == 1.0 and report["macro_f1"] == 1.0
    assert sum(map(sum, report["confusion"])) == 4


def test_local_model_trains_outside_the_package_and_cross_validates(tmp_path: Path, encoder: Encoder) -> None:
    path = _write(tmp_path, ROWS * 3)
    out = train_local_defense_model(path, tmp_path / "research", encoder=encoder)
    assert out.parent == tmp_path / "research" and out.is_file()
    manifest = json.loads((out.parent / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["rows"] == 12 and "local research" in manifest["purpose"]
    assert np.load(out)["weights"].shape[1] == 9
    cv = cross_validate_local_defense_model(path, folds=3, encoder=encoder)
    assert cv["n"] == 12 and cv["accuracy"] is not None
