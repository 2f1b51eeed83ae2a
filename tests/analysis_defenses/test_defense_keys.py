"""Key files (JSON lines {"text", "level"}) scored by name: `reverie eval defenses --key FILE`, so a frozen
batch is measured without a code change. The fixtures here are written in the test, not read from a batch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reverie.analysis.defenses import load_head
from reverie.analysis.encoder import Encoder
from reverie.analysis.evaluation.defense_bank import key_report, read_key
from reverie.errors import InvalidInput

KEY = [
    {"text": "I bought bread and milk on the way home.", "level": 0, "defense": None},
    {"text": "Honestly it's all their fault, they're the ones who ruined everything.", "level": 3},
    {"text": "I talked to my sister about it and it really helped.", "level": 7},
]


def _write(tmp_path: Path, rows: list[dict[str, Any]], name: str = "my_key.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_key_report_counts_right_answers_per_level_and_echoes_no_text(
    tmp_path: Path, encoder: Encoder
) -> None:
    head = load_head()
    assert head is not None
    report = key_report(_write(tmp_path, KEY), head, encoder)
    assert report["file"] == "my_key.jsonl" and report["n"] == 3
    assert report["per_level"] == {
        "0": {"n": 1, "right": report["per_level"]["0"]["right"]},
        "3": {"n": 1, "right": report["per_level"]["3"]["right"]},
        "7": {"n": 1, "right": report["per_level"]["7"]["right"]},
    }
    assert report["right"] == sum(v["right"] for v in report["per_level"].values())
    assert report["per_level"]["0"]["right"] == 1  # a plain event: no defense identified
    assert "bread" not in json.dumps(report)


@pytest.mark.parametrize(
    "rows",
    [[{"text": "x", "level": 9}], [{"level": 3}], [{"text": 5, "level": 3}], []],
)
def test_read_key_rejects_a_bad_row_clearly(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    with pytest.raises(InvalidInput):
        read_key(_write(tmp_path, rows))


def test_cli_eval_defenses_scores_any_key_file_by_name(cli: Any, tmp_path: Path) -> None:
    first, second = _write(tmp_path, KEY), _write(tmp_path, KEY[:2], "another.jsonl")
    _, out, _ = cli("eval", "defenses", "--key", str(first), "--key", str(second))
    report = json.loads(out.splitlines()[-1])
    assert set(report["keys"]) == {"my_key.jsonl", "another.jsonl"}
    assert report["keys"]["another.jsonl"]["n"] == 2
    code, _, err = cli("eval", "defenses", check=False)
    assert code == 2 and "--key" in err
