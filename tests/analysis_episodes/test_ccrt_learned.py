"""The learned W/RO/RS coder: its layout and features, its decision rule, and its place beside the rules."""

from __future__ import annotations

import importlib.util
import json
import sys

import numpy as np
import pytest

from reverie.analysis import ccrt_learned
from reverie.analysis.pipeline import analyse


def test_layout_separates_wish_rest_and_last_sentence() -> None:
    sentences = ["My dad drove me.", "I wanted him to be proud.", "He said I was rubbish.", "I went quiet."]
    assert ccrt_learned.layout(sentences) == ([1], [0, 2], 3)
    assert ccrt_learned.layout(["Only one."]) == ([], [0], 0)


def test_features_carry_the_rules_codes_one_hot() -> None:
    vectors = np.ones((2, 4), dtype=np.float32)
    x = ccrt_learned.features(["He left.", "I cried."], vectors, {"w": None, "ro": 5, "rs": 7})
    assert x.shape == (3 * 4 + 24 + 1,)
    onehot = x[12:36]
    assert onehot.sum() == 2 and onehot[8 + 4] == 1 and onehot[16 + 6] == 1


T = ccrt_learned.Thresholds(replace=0.5, keep=0.2, fill=0.4)
SURE = np.array([0.9] + [0.1 / 7] * 7)
UNSURE = np.array([0.3, 0.25] + [0.45 / 6] * 6)


def test_the_learned_code_replaces_fills_keeps_or_abstains() -> None:
    assert ccrt_learned.decide_one("w", SURE, 5, T) == (1, pytest.approx(0.9))  # replaces when sure
    assert ccrt_learned.decide_one("w", SURE, 1, T)[0] == 1  # agrees with the rules
    assert ccrt_learned.decide_one("w", UNSURE, 2, T)[0] == 2  # not sure enough to replace: kept (p 0.25)
    assert ccrt_learned.decide_one("w", UNSURE, 5, T)[0] is None  # the rules' cluster is unlikely: left open
    assert ccrt_learned.decide_one("w", SURE, None, T)[0] == 1  # fills
    assert ccrt_learned.decide_one("w", UNSURE, None, T)[0] is None  # too unsure to fill: left open


def test_ro_is_never_filled_without_a_response_and_a_felt_rs_never_replaced() -> None:
    assert ccrt_learned.decide_one("ro", SURE, None, T, response=False)[0] is None
    assert ccrt_learned.decide_one("ro", SURE, None, T, response=True)[0] == 1
    assert ccrt_learned.decide_one("rs", SURE, 8, T, felt=True)[0] == 8
    assert ccrt_learned.decide_one("rs", SURE, 8, T, felt=False)[0] == 1


def test_the_training_scripts_vectorised_decision_agrees_with_decide_one() -> None:
    spec = importlib.util.spec_from_file_location("train_ccrt", "scripts/train_ccrt.py")
    assert spec is not None and spec.loader is not None
    train = importlib.util.module_from_spec(spec)
    sys.modules["train_ccrt"] = train
    spec.loader.exec_module(train)
    rng = np.random.default_rng(3)
    items, probs = [], {}
    for i in range(200):
        rules = {c: (int(rng.integers(0, 9)) or None) for c in ccrt_learned.COMPONENTS}
        expected = {c: int(rng.integers(1, 9)) for c in ccrt_learned.COMPONENTS}
        items.append(
            train.Item(
                i % 2, np.zeros(1), rules, bool(rng.integers(0, 2)), bool(rng.integers(0, 2)), expected
            )
        )
        probs[i] = rng.dirichlet(np.ones(8) * 0.5)
    for component in ccrt_learned.COMPONENTS:
        for t in (T, ccrt_learned.Thresholds(0.3, 0.0, 0.0), ccrt_learned.Thresholds(1.01, 0.3, 1.01)):
            got = train.tally(items, probs, component, t)
            right = 0
            for i, it in enumerate(items):
                number, _ = ccrt_learned.decide_one(
                    component, probs[i], it.rules[component], t, response=it.response, felt=it.felt
                )
                right += number == it.expected[component]
            assert sum(got["right"].values()) == right


def test_fit_is_deterministic_and_learns_a_separable_toy_task() -> None:
    x = np.array([[1, 0, 1], [0.9, 0.1, 1], [0, 1, 1], [0.1, 0.9, 1]], dtype=np.float32)
    y = [2, 2, 7, 7]
    w1, w2 = ccrt_learned.fit(x, y), ccrt_learned.fit(x, y)
    assert np.array_equal(w1, w2)
    assert [int(i) + 1 for i in np.argmax(x @ w1, axis=1)] == y


def test_shipped_head_is_trained_on_reverie_vignettes_only_and_small() -> None:
    coder = ccrt_learned.load()
    assert coder is not None
    manifest = json.loads((ccrt_learned.HEAD_DIR / "manifest.json").read_text(encoding="utf-8"))
    # the six batches in the repository (the third and fourth frozen batches are seen since their one
    # measurement); a newer frozen batch, kept outside the repository, judges it
    files = manifest["data"].split(": ", 1)[1].split(", ")
    assert files == [
        "vignettes.jsonl",
        "vignettes_holdout.jsonl",
        "vignettes_frozen.jsonl",
        "vignettes_frozen2.jsonl",
        "vignettes_frozen3.jsonl",
        "vignettes_frozen4.jsonl",
    ]
    assert set(coder.thresholds) == {"w", "ro", "rs"}
    assert all(w.shape == (3 * 384 + 24 + 1, 8) for w in coder.weights.values())
    assert (ccrt_learned.HEAD_DIR / "head.npz").stat().st_size < 200_000
    folds = manifest["cross_validation"]["nested_by_held_out_file"]
    assert len(folds) == 6  # grouped by batch: train on five, score the sixth


def test_episode_codes_carry_the_learned_hash() -> None:
    text = "I wanted my dad to hug me. He walked past without looking at me. I felt sad."
    (episode,) = analyse(text, "journal", only=["people", "timeframes", "episodes"]).of_kind("episode")
    assert "+learned-" in episode.model_hash
    assert all(episode.data[c] is not None for c in ("w", "ro", "rs"))


class _CountingEncoder:
    """The real shared encoder, counting the texts it is asked to encode (no mock: it encodes for real)."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.model_hash = inner.model_hash  # type: ignore[attr-defined]
        self.texts: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.texts.extend(texts)
        return self.inner.encode(texts)  # type: ignore[attr-defined,no-any-return]


def test_episodes_code_from_the_pipelines_sentence_vectors_without_another_encoder_pass() -> None:
    from reverie.analysis import ccrt
    from reverie.analysis.document import prepare
    from reverie.analysis.episodes import drafts, find_episodes
    from reverie.analysis.onnx_encoder import load_encoder

    real = load_encoder()
    counting = _CountingEncoder(real)
    coder = ccrt.PrototypeCoder(counting)
    for component in ("w", "ro", "rs"):
        coder._matrix(component)  # the prototypes are encoded once per process, not per text
    counting.texts.clear()
    text = (
        "I asked my boss for a day off. He said no and walked off. I felt small, so I went back to my desk."
    )
    doc = prepare(text, "journal")
    assert any(d.codes["w"] is None for d in drafts(doc)), "the lexicons leave W open: the fallback runs"
    doc.embeddings = real.encode([s.text for s in doc.sentences])
    (episode,) = find_episodes(doc, coder)
    assert counting.texts == []  # no clause texts, no sentences: the pipeline's vectors only
    assert episode.data["ro"]["cluster"] == 5 and episode.data["rs"]["cluster"] == 8
