"""``reverie eval emotions --journal`` scores any journal check file by its path, several at once, and prints JSON
last; line numbers of misses, never the texts (sentences written for this test)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.slow]


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_eval_emotions_scores_several_journal_files_by_name(cli: Any, tmp_path: Path) -> None:
    first = _write(
        tmp_path / "my_set.jsonl",
        [
            {"text": "I am thrilled about the new flat!", "plausible": ["excitement", "joy"], "not": []},
            {"text": "Walked to the shop and back.", "plausible": ["neutral"], "not": []},
        ],
    )
    second = _write(
        tmp_path / "emotion_journal_frozen9.jsonl",
        [
            {
                "text": "My uncle was furious with the council.",
                "plausible": ["neutral"],
                "not": ["anger"],
                "id": 7,
            }
        ],
    )
    code, out, _ = cli("eval", "emotions", "--journal", str(first), "--journal", str(second))
    assert code == 0
    report = json.loads(out.strip().splitlines()[-1])
    mine, frozen = report["journals"]
    assert mine["file"] == "my_set.jsonl" and mine["n"] == 2
    assert frozen["file"] == "emotion_journal_frozen9.jsonl" and frozen["n"] == 1
    assert frozen["wrongly_credited"] == 0.0 and frozen["abstained"] == 1.0
    assert {
        "top_plausible",
        "abstained",
        "answered_plausible",
        "wrongly_credited",
        "head_only",
        "misses",
        "wrong_lines",
    } <= set(mine)
    assert "thrilled" not in out and "council" not in out

    code, out, _ = cli("eval", "emotions", "--journal", str(first))
    assert json.loads(out.strip().splitlines()[-1])["journal"]["n"] == 2


def test_eval_emotions_names_a_bad_line_without_its_text(cli: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine", "plausible": []}\nnot json about my secret\n', encoding="utf-8")
    code, out, err = cli("eval", "emotions", "--journal", str(bad), check=False)
    assert code != 0 and "Line 2 of bad.jsonl" in err and "secret" not in err + out
    bad.write_text('{"text": "my secret, with no plausible list"}\n', encoding="utf-8")
    code, out, err = cli("eval", "emotions", "--journal", str(bad), check=False)
    assert code != 0 and "Line 1 of bad.jsonl" in err and "secret" not in err + out
