"""Every ``reverie eval`` command and the analysis benchmark, run as a subprocess on tiny hand-written files:
each prints one JSON object as its last line."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.slow]

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _last_json(out: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def test_cli_eval_emotions(cli: Any, tmp_path: Path) -> None:
    tsv = tmp_path / "go.tsv"
    tsv.write_text(
        "I am so grateful for you\t15\tx1\nThis makes me furious\t2\tx2\nOk see you then\t27\tx3\n"
    )
    report = _last_json(cli("eval", "emotions", "--goemotions", str(tsv))[1])
    assert report["n"] == 3 and 0 <= report["macro_f1"] <= 1 and "gratitude" in report["per_label"]


def test_cli_eval_episodes(cli: Any) -> None:
    report = _last_json(cli("eval", "episodes", "--vignettes", str(FIXTURES / "vignettes_holdout.jsonl"))[1])
    assert report["expected"] >= 20 and {"w_accuracy", "ro_accuracy", "rs_accuracy", "found"} <= set(report)


def test_cli_eval_risk(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "users.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["User", "Post", "Label"])
        writer.writerow(["u1", "['I want to die tonight, I have the pills ready']", "Behavior"])
        writer.writerow(["u2", "['Sending love, you are not alone', 'hang in there']", "Supportive"])
        writer.writerow(
            ["u3", "['I keep thinking everyone would be better off without me", "Ideation"]
        )  # cut, as in real data
    # an empty challenge folder: the test never screens the real batches (a held-back one is measured once)
    report = _last_json(cli("eval", "risk", "--cssrs", str(path), "--challenge", str(tmp_path / "none"))[1])
    assert report["n"] == 3 and len(report["confusion"]) == 5 and report["challenge"] is None


def test_cli_eval_defenses(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "psydefconv.jsonl"
    rows = [
        {
            "current_text": "Haha, I guess I will just laugh about it and plan ahead.",
            "dialogue_flat": "supporter: how are you?",
            "label": 7,
        },
        {
            "current_text": "It's all their fault, they ruined everything.",
            "dialogue_flat": "supporter: what happened?",
            "label": 3,
        },
        {"current_text": "Hi.", "dialogue_flat": "supporter: hello", "label": 0},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    report = _last_json(cli("eval", "defenses", "--psydefconv", str(path))[1])
    assert report["n"] == 3 and len(report["confusion"]) == 9


def test_cli_eval_dreams(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "coded.jsonl"
    row = {
        "collection": "norms-f",
        "report": "I was afraid in a dark house. My mother hugged me.",
        "codings": [{"type": "char", "code": "1FMA"}, {"type": "fri", "code": "6>", "init": "1FMA", "rec": "D"},
                    {"type": "emot", "code": "AP", "char": "D"}, {"type": "set", "code": "IQ"}],
    }  # fmt: skip
    path.write_text(json.dumps(row) + "\n")
    report = _last_json(cli("eval", "dreams", "--hvdc", str(path))[1])
    assert report["n"] == 1 and "emotion_macro_f1" in report


def test_cli_eval_missing_file_is_a_clear_error(cli: Any, tmp_path: Path) -> None:
    code, _, err = cli("eval", "emotions", "--goemotions", str(tmp_path / "absent.tsv"), check=False)
    assert code == 2 and "No file" in err


def test_cli_bench_analysis_prints_the_figures(cli: Any, tmp_path: Path) -> None:
    texts = tmp_path / "texts.txt"
    texts.write_text("My sister called and I felt guilty.\n\nI dreamt of a flood and my father.\n")
    report = _last_json(cli("bench", "analysis", "--texts", str(texts))[1])
    assert {"sentences_per_s", "entries_per_s", "p50_ms", "p95_ms", "peak_rss_mb", "ratio_to_encoder"} <= set(
        report
    )
