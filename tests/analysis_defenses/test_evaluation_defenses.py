"""evaluate_defenses and the local research model on tiny PsyDefConv-format fixtures written here."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from reverie.analysis.encoder import Encoder
from reverie.analysis.evaluation.defenses import (
    ResearchModel,
    cross_validate_local_defense_model,
    dialogue_groups,
    evaluate_defenses,
    f1_report,
    fit_research,
    group_folds,
    load_local_defense_model,
    predict_research,
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


def test_read_rows_names_a_line_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text('{"current_text": "x", "label": 3}\n{not json\n', encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"Line 2 of mine\.jsonl is not valid JSON"):
        read_rows(path)
    path.write_text('{"current_text": "x", "label": 3}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"Line 2 of mine\.jsonl is not a JSON object"):
        read_rows(path)


def test_read_rows_refuses_a_file_without_rows(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"The PsyDefConv file empty\.jsonl holds no lines to read\."):
        read_rows(path)
    (tmp_path / "empty.jsonl").unlink()
    with pytest.raises(
        InvalidInput, match=r"No labelled rows in "
    ):  # a folder with no JSON Lines file at all
        read_rows(tmp_path)


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
    model = load_local_defense_model(out)
    assert model.stage1.shape[1] == 9 and model.stage2.shape[1] == 9 and {0, 1, 3, 7} <= set(model.trained)
    assert manifest["format"] == "reverie.defense-local/2"
    cv = cross_validate_local_defense_model(path, folds=3, encoder=encoder)
    assert cv["n"] == 12 and cv["accuracy"] is not None


def _dialogue_row(turns: list[str], label: int, dialogue_id: str | None = None) -> dict[str, object]:
    speakers = ["seeker", "supporter"]
    row: dict[str, object] = {"current_text": turns[-1], "label": label}
    if dialogue_id is None:
        row["dialogue_flat"] = " ".join(f"{speakers[i % 2]}: {t}" for i, t in enumerate(turns))
    else:
        row["dialogue_id"] = dialogue_id
        row["dialogue"] = [{"speaker": speakers[i % 2], "text": t} for i, t in enumerate(turns)]
    return row


CONVERSATION = [
    "Hi, I lost my job.",
    "I'm sorry, what happened?",
    "They said it was budget cuts.",
    "Ok.",
    "Fine.",
]


def test_dialogue_groups_keep_one_conversation_together_in_both_formats(tmp_path: Path) -> None:
    """Rows without a dialogue id are joined by their turns (one is a prefix of the other); before, the CV
    shuffled rows, so one conversation could be in train and test."""
    rows = read_rows(
        _write(
            tmp_path,
            [
                _dialogue_row(CONVERSATION[:3], 3),  # flat, cut at turn 3
                _dialogue_row(CONVERSATION, 7),  # flat, the same conversation later on
                _dialogue_row(["Hello.", "Hi, how can I help?", "My dog died."], 0, "ESConv_9"),
                _dialogue_row(
                    ["Hello.", "Hi, how can I help?", "My dog died.", "Oh no.", "Yes."], 7, "ESConv_9"
                ),
                _dialogue_row(["Good evening.", "Evening!", "I can't sleep."], 0),
            ],
        )
    )
    groups = dialogue_groups(rows)
    assert groups[0] == groups[1] and groups[2] == groups[3]
    assert len({groups[0], groups[2], groups[4]}) == 3


def test_group_folds_never_split_a_group_and_balance_rows() -> None:
    groups = [0, 0, 0, 1, 1, 2, 3, 4, 5, 5]
    folds = group_folds(groups, 3, seed=7)
    for g in set(groups):
        assert len({f for f, gg in zip(folds, groups, strict=True) if gg == g}) == 1
    sizes = [folds.count(k) for k in range(3)]
    assert max(sizes) - min(sizes) <= 1
    assert folds == group_folds(groups, 3, seed=7)  # seeded


def test_local_cv_is_grouped_by_dialogue_and_scores_the_official_metric(
    tmp_path: Path, encoder: Encoder
) -> None:
    rows = [
        _dialogue_row([f"Opening {i}.", "Tell me more.", str(r["current_text"])], int(str(r["label"])))
        for i, r in enumerate(ROWS * 3)
    ]
    cv = cross_validate_local_defense_model(_write(tmp_path, rows), folds=3, repeats=2, encoder=encoder)
    assert cv["dialogue_groups"] == 12 and cv["n"] == 12
    assert len(cv["macro_f1_official_runs"]) == 2 and 0.0 <= cv["macro_f1_official"] <= 1.0
    assert "grouped by dialogue" in cv["split"] and "held-back dialogues" in cv["answers"]


def test_research_model_picks_only_levels_it_was_trained_on() -> None:
    """Each stage's untrained columns score 0; the two-stage model never picks one, even when the trained
    columns all score below 0 (an unmasked argmax would pick column 2 in stage 1 and level 3 in stage 2)."""
    x = np.ones((1, 2), dtype=np.float32)
    stage1 = np.full((2, 9), -1.0, dtype=np.float32)
    stage1[:, 2] = 0.0  # untrained, highest
    stage1[:, 1] = -0.5  # "lower" wins among the trained
    stage2 = np.full((2, 9), -2.0, dtype=np.float32)
    stage2[:, 6] = -1.0
    stage2[:, 3] = 5.0  # level 3 had no training rows
    assert predict_research(ResearchModel(stage1, stage2, (0, 6, 7), np.zeros(2, dtype=np.float32)), x) == [6]


def test_research_model_routes_high_adaptive_none_and_lower_levels() -> None:
    """Stage 1 separates none / high-adaptive / lower, stage 2 the lower level, on separable vectors where
    high-adaptive rows outnumber each lower level ten to one."""
    rng = np.random.default_rng(3)
    centres = {0: [4, 0, 0, 0], 7: [0, 4, 0, 0], 3: [0, 0, 4, 0], 5: [0, 0, 0, 4]}
    counts = {0: 20, 7: 60, 3: 6, 5: 6}
    xs, ys = [], []
    for level, n in counts.items():
        xs.append(np.asarray(centres[level]) + rng.normal(0, 0.3, (n, 4)))
        ys += [level] * n
    x = np.hstack([np.vstack(xs), np.ones((len(ys), 1))]).astype(np.float32)
    model = fit_research(x, ys, None)
    probe = np.array([[*centres[k], 1.0] for k in (0, 7, 3, 5)], dtype=np.float32)
    assert predict_research(model, probe) == [0, 7, 3, 5]


def test_a_version_1_research_model_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    old = tmp_path / "local_defense_model.npz"
    np.savez_compressed(old, weights=np.zeros((385, 9), dtype=np.float32))  # the one-stage file of before
    with pytest.raises(InvalidInput, match="retrain"):
        load_local_defense_model(old)


def test_research_model_reads_each_source_relative_to_its_own_mean() -> None:
    """The lower levels' examples come from the bank (journal sentences), the chat rows are all
    high-adaptive or none, and the two sources sit apart in the embedding space. Read uncentred, the chat
    offset itself says "high-adaptive" (before: [7, 7]); each source centred on its own mean, a chat turn near the bank's
    level-3 examples is level 3."""
    rng = np.random.default_rng(5)
    centres = {0: [3, 0, 0, 0], 7: [0, 3, 0, 0], 3: [0, 0, 3, 0], 5: [0, 0, 0, 3]}
    chat, bank = np.array([0, 0, 0, 0, 6.0, 0]), np.array([0, 0, 0, 0, 0, 6.0])

    def rows(counts: dict[int, int], offset: np.ndarray) -> tuple[np.ndarray, list[int]]:
        xs, ys = [], []
        for level, n in counts.items():
            xs.append(np.hstack([np.asarray(centres[level]) + rng.normal(0, 1.0, (n, 4)), np.zeros((n, 2))]))
            ys += [level] * n
        x = np.vstack(xs) + offset
        return np.hstack([x, np.ones((len(ys), 1))]).astype(np.float32), ys

    x, y = rows({0: 15, 7: 45}, chat)
    bx, by = rows({0: 10, 7: 10, 3: 10, 5: 10}, bank)
    model = fit_research(x, y, (bx, by))
    probe = np.array([[*centres[3], *chat[4:], 1.0], [*centres[5], *chat[4:], 1.0]], dtype=np.float32)
    assert predict_research(model, probe) == [3, 5]
