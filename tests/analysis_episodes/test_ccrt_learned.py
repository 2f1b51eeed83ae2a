"""The learned W/RO/RS coder: its layout, its decision rule, and its place beside the rules."""

from __future__ import annotations

import json

import numpy as np
import pytest

from reverie.analysis import ccrt_learned
from reverie.analysis.pipeline import analyse


def test_layout_separates_wish_rest_and_last_sentence() -> None:
    sentences = ["My dad drove me.", "I wanted him to be proud.", "He said I was rubbish.", "I went quiet."]
    assert ccrt_learned.layout(sentences) == ([1], [0, 2], 3)
    assert ccrt_learned.layout(["Only one."]) == ([], [0], 0)


def test_the_learned_code_fills_gaps_and_replaces_only_when_sure() -> None:
    coder = ccrt_learned.LearnedCoder({}, {"w": 0.5, "ro": 0.5, "rs": 1.01}, "x", "d")
    sure = np.array([0.9] + [0.1 / 7] * 7)
    unsure = np.array([0.3, 0.25] + [0.45 / 6] * 6)
    assert coder.choose("w", sure, None) == (1, pytest.approx(0.9))
    assert coder.choose("w", sure, 5) == (1, pytest.approx(0.9))
    assert coder.choose("w", sure, 1) is None  # agrees with the rules
    assert coder.choose("w", unsure, 5) is None
    assert coder.choose("rs", sure, 5) is None  # tau above 1: never replaces, only fills
    assert coder.choose("rs", unsure, None) == (1, pytest.approx(0.3))


def test_fit_is_deterministic_and_learns_a_separable_toy_task() -> None:
    x = np.array([[1, 0, 1], [0.9, 0.1, 1], [0, 1, 1], [0.1, 0.9, 1]], dtype=np.float32)
    y = [2, 2, 7, 7]
    w1, w2 = ccrt_learned.fit(x, y), ccrt_learned.fit(x, y)
    assert np.array_equal(w1, w2)
    assert [int(i) + 1 for i in np.argmax(x @ w1, axis=1)] == y


def test_shipped_head_is_trained_on_reverie_vignettes_only() -> None:
    coder = ccrt_learned.load()
    assert coder is not None
    manifest = json.loads((ccrt_learned.HEAD_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert "vignettes_frozen2" not in manifest["data"]  # the second frozen batch judges it
    assert set(coder.tau) == {"w", "ro", "rs"}
    assert all(w.shape == (3 * 384 + 1, 8) for w in coder.weights.values())


def test_episode_codes_carry_the_learned_hash() -> None:
    text = "I wanted my dad to hug me. He walked past without looking at me. I felt sad."
    (episode,) = analyse(text, "journal", only=["people", "timeframes", "episodes"]).of_kind("episode")
    assert "+learned-" in episode.model_hash
    assert all(episode.data[c] is not None for c in ("w", "ro", "rs"))
