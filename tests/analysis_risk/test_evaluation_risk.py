"""evaluate_risk on a tiny C-SSRS-format file written here (never the shared data)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from reverie.analysis.evaluation.risk import auc, evaluate_risk, parse_posts, read_users
from reverie.errors import InvalidInput

ROWS = [
    ("user-a", "['I want to die, every day I think about it.', 'Nobody would miss me.']", "Ideation"),
    ("user-b", "['I tried to kill myself last spring.']", "Attempt"),
    ("user-c", "['You are not alone, please reach out to someone you trust.']", "Supportive"),
    ("user-d", "['Work is stressful but I went for a walk and felt better.']", "Indicator"),
    ("user-e", "['I bought a rope and wrote a goodbye note', 'I cant stop thinking about it", "Behavior"),
]


def _write(tmp_path: Path, rows: list[tuple[str, str, str]]) -> Path:
    path = tmp_path / "users.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["User", "Post", "Label"])
        writer.writerows(rows)
    return path


def test_parse_posts_copes_with_a_cut_list() -> None:
    posts, malformed = parse_posts("['first post', 'second post is cut")
    assert malformed and posts == ["first post", "second post is cut"]
    assert parse_posts("['a', 'b']") == (["a", "b"], False)


def test_evaluate_risk_reports_the_documented_figures(tmp_path: Path) -> None:
    # an empty challenge folder: a unit test never screens the real batches (a held-back one is measured once)
    report = evaluate_risk(_write(tmp_path, ROWS), model=False, challenge_dir=tmp_path / "no-challenge")
    assert report["n"] == 5 and report["malformed_rows"] == 1 and report["challenge"] is None
    assert report["recall"] == 1.0 and report["precision"] == 1.0
    assert report["auc"] == 1.0
    assert len(report["confusion"]) == 5 and all(len(row) == 5 for row in report["confusion"])
    assert report["confusion"][4][4] == 1  # the attempt user screened at "attempt"
    assert report["confusion"][3][3] == 1  # behavior at "behavior"
    assert report["training_set"] is False and "entry_mode" in report


def test_evaluate_risk_rejects_unknown_labels(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        evaluate_risk(_write(tmp_path, [("u", "['x']", "Maybe")]), model=False)


def test_read_users_rejects_missing_columns(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("Name,Text\nx,y\n", encoding="utf-8")
    with pytest.raises(InvalidInput):
        read_users(path)


def test_auc_handles_ties_and_single_class() -> None:
    assert auc([0.1, 0.4, 0.35, 0.8], [False, False, True, True]) == 0.75
    assert auc([0.5, 0.5], [True, False]) == 0.5
    assert auc([0.2, 0.3], [True, True]) is None


def test_every_challenge_batch_in_the_folder_is_reported_by_name(tmp_path: Path) -> None:
    """A new held-back batch (here a temporary ``challenge_frozen3.jsonl`` written by this test, never the real
    one) is measured by ``reverie eval risk`` with no code change; the known batches come first."""
    from reverie.analysis.evaluation.risk import challenge_batches, evaluate_challenge

    lines = {
        "frozen3": [
            '{"id": "a", "text": "I want to kill myself.", "expect": "ideation", "group": "genuine"}',
            '{"id": "b", "text": "Odds are I will be late.", "expect": "none", "group": "idiom"}',
        ],
        "tune": ['{"id": "c", "text": "I tried to kill myself.", "expect": "attempt", "group": "genuine"}'],
        "zz_extra": ['{"id": "d", "text": "A calm day.", "expect": "none", "group": "everyday"}'],
    }
    for name, rows in lines.items():
        (tmp_path / f"challenge_{name}.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "notes.jsonl").write_text("{}\n", encoding="utf-8")
    assert list(challenge_batches(tmp_path)) == ["tune", "frozen3", "zz_extra"]
    report = evaluate_challenge(tmp_path, model=False)
    assert report is not None and list(report) == ["tune", "frozen3", "zz_extra"]
    assert report["frozen3"]["n_genuine"] == 1 and report["frozen3"]["genuine_flagged"] == 1.0
    assert report["frozen3"]["false_alarm_rate"] == 0.0 and report["frozen3"]["negatives_at_attempt"] == 0
    assert evaluate_challenge(tmp_path / "missing", model=False) is None
