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
    # since episodes 1.6.0 the features carry the sentences of the other's acts and of the writer's responses
    assert coder.acts and manifest["acts_for"] == ["ro"]
    # since episodes 1.12.0 also the sentence of the rules' RO (read by the RO head only; c10's test file)
    assert all(w.shape == (6 * 384 + 24 + 1, 8) for w in coder.weights.values())
    assert (ccrt_learned.HEAD_DIR / "head.npz").stat().st_size < 200_000
    folds = manifest["cross_validation"]["nested_by_held_out_file"]
    assert len(folds) == 6  # grouped by batch: train on five, score the sixth


def test_features_carry_the_sentences_of_the_others_acts_and_of_the_writers_responses() -> None:
    vectors = np.arange(16, dtype=np.float32).reshape(4, 4)
    sentences = ["My dad came in.", "I wanted him to stay.", "He left.", "I cried."]
    x = ccrt_learned.features(sentences, vectors, None, ([0, 2], [3]))
    assert x.shape == (5 * 4 + 24 + 1,)
    assert np.array_equal(x[12:16], vectors[[0, 2]].mean(axis=0))  # where the other acts
    assert np.array_equal(x[16:20], vectors[3])  # where the writer responds
    assert np.array_equal(ccrt_learned.features(sentences, vectors, None, ([], []))[12:20], np.zeros(8))


def test_only_the_response_of_others_reads_the_acts_parts() -> None:
    """Grouped CV (episodes 1.6.0): the acts parts help RO; W and RS keep the sentence means alone (their
    weights on the acts parts are exactly zero)."""
    coder = ccrt_learned.load()
    assert coder is not None
    acts = slice(3 * 384, 5 * 384)
    assert np.any(coder.weights["ro"][acts] != 0)
    assert not np.any(coder.weights["w"][acts]) and not np.any(coder.weights["rs"][acts])


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


NEW_VOICES = [  # written for this test, in no vignette file; the expected RO by hand before any run
    (
        "Showed my brother the flat I'd just bought. He said the area's gone downhill and asked what the service "
        "charge was. I wanted him to be impressed for once. Drove home in silence.",
        5,
    ),
    (
        "My manager read my draft and sent back three pages of notes on every line, and said she'd rewrite the "
        "opening herself. I wanted to be trusted with it. I agreed to everything and felt useless.",
        2,
    ),
    (
        "Told my girlfriend I'd failed the exam. She came straight round with chips and a film and said we'd "
        "sort a plan tomorrow. I'd wanted not to be alone with it. Felt a lot lighter.",
        6,
    ),
    (
        "I rang my mother to say the baby had come. She said lovely and then told me about her neighbour's new "
        "conservatory for twenty minutes. I wanted her to ask about him. I hung up feeling small.",
        5,
    ),
    (
        "My coach pulled me aside after the match and said that was the best I'd played all season, and he wants "
        "me captain next year. I'd wanted to prove I belonged. I could have run home.",
        7,
    ),
    (
        "Asked my landlord three times about the broken boiler. He keeps saying next week and it still isn't "
        "done. I only wanted a warm flat. I've stopped bothering to ask.",
        4,
    ),
    (
        "My grandad listened to the whole story about the bullying without saying a word, then said none of it "
        "was my doing. I'd wanted someone to believe me. I cried, but the good kind.",
        8,
    ),
    (
        "My friend Tariq cancelled on my birthday an hour before, again, said something came up. I'd wanted one "
        "night out with my mates. I stayed in and watched telly.",
        4,
    ),
]


def test_the_shipped_coder_reads_the_response_of_others_in_new_voices() -> None:
    """Episodes 1.6.0 on eight vignettes written for this test: RO right on 7 (rules alone and the 1.5.0 head:
    6). A floor against regressions, not an estimate (eight texts)."""
    right = 0
    for text, expected in NEW_VOICES:
        found = analyse(text, "journal", only=["people", "timeframes", "episodes"]).of_kind("episode")
        right += bool(found) and (found[0].data["ro"] or {}).get("cluster") == expected
    assert right >= 7
