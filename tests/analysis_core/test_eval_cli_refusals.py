"""``reverie eval emotions`` and ``reverie eval dreams`` refuse a file they cannot score in plain words, exit 2,
never a traceback and never a score computed over nothing (review r71)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reverie.analysis.evaluation.dreams import evaluate_dreams
from reverie.analysis.evaluation.emotions import read_goemotions
from reverie.errors import InvalidInput

LABELS = ("joy", "sadness", "anger")


def test_eval_emotions_on_a_tsv_with_a_header_row_says_so_plainly(cli: Any, tmp_path: Path) -> None:
    """A GoEmotions-format TSV starting "text<TAB>labels<TAB>id" ended with an unexpected ValueError, exit 70."""
    path = tmp_path / "dev.tsv"
    path.write_text("text\tlabels\tid\nI am so happy today\t17\tx1\nThat is awful\t9\tx2\n", encoding="utf-8")
    code, out, err = cli("eval", "emotions", "--goemotions", str(path), check=False)
    assert "unexpected" not in err
    assert code == 2 and "Line 1" in err and out == ""


@pytest.mark.parametrize(
    ("rows", "line"),
    [
        ("text\tlabels\tid\nI am so happy today\t0\tx1\n", 1),  # a header row
        (
            "I am so happy today\t0\tx1\nThat is awful\t99\tx2\n",
            2,
        ),  # a label id out of range (was IndexError)
        ("I am so happy today\t0\tx1\nThat is awful\t-1\tx2\n", 2),  # negative: numpy read it from the end
        ("I am so happy today\t0,\tx1\n", 1),
    ],
)
def test_a_goemotions_row_that_is_not_label_ids_names_its_line(tmp_path: Path, rows: str, line: int) -> None:
    path = tmp_path / "dev.tsv"
    path.write_text(rows, encoding="utf-8")
    with pytest.raises(InvalidInput, match=rf"^Line {line} of dev\.tsv is not a GoEmotions row") as caught:
        read_goemotions(path, LABELS)
    assert "happy" not in str(caught.value) and "awful" not in str(caught.value)


def test_a_goemotions_text_with_a_line_separator_stays_one_row(tmp_path: Path) -> None:
    path = tmp_path / "dev.tsv"
    path.write_text("I was happy\u2028then sad\t0,1\tx1\nThat is awful\t2\tx2\n", encoding="utf-8")
    texts, truth = read_goemotions(path, LABELS)
    assert texts == ["I was happy\u2028then sad", "That is awful"]
    assert truth.tolist() == [[True, True, False], [False, False, True]]


def test_eval_dreams_with_no_coded_report_is_refused_not_scored_zero(cli: Any, tmp_path: Path) -> None:
    """JSON lines without a "report" were scored: "n": 0 and an emotion F1 of 0.0 for every class, exit 0."""
    path = tmp_path / "coded.jsonl"
    path.write_text(json.dumps({"id": "d1", "text": "I was flying over a city."}) + "\n", encoding="utf-8")
    code, out, err = cli("eval", "dreams", "--hvdc", str(path), check=False)
    assert code == 2 and out == ""
    assert "unexpected" not in err and "report" in err
    with pytest.raises(InvalidInput, match=r'coded\.jsonl holds no "report" to score\.'):
        evaluate_dreams(path)
