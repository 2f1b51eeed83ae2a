"""The journal re-ranker (emotions 1.23.0, h192): its candidates and features, its choice (an abstention where the
abstention scores best, a credited feeling under ``keep`` dropped), that it is deterministic, that the shipped
artefact loads against its manifest, and that the switch (``journal_reranker.enabled``) turns it off and on. The
sentences are written for this test (none a journal-set line)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from reverie.analysis import pipeline
from reverie.analysis.emotions import MODEL_DIR, _with_reranker, load_reranker, rank, top_emotion
from reverie.analysis.findings import Finding, Span
from reverie.analysis.journal_reranker import (
    FEATURES,
    KEEP,
    OTHERS,
    Candidates,
    JournalHead,
    Reranker,
    candidates,
    extended,
    fit,
    ridge,
)
from reverie.errors import AnalysisUnavailable

LABELS = ("joy", "sadness", "anger", "fear", "relief", "neutral")
WRITTEN: list[str] = []


def _written(*texts: str) -> tuple[str, ...]:
    WRITTEN.extend(texts)
    return texts


def _finding(label: str, p: float, **data: object) -> Finding:
    return Finding("emotions", "1.23.0", "h", "emotion", label, p, (Span(0, 5),), {"scope": "entry", **data})


def _reranker(weights: dict[str, float], bias: float = 0.0) -> Reranker:
    return Reranker(
        mean=np.zeros(len(FEATURES)),
        scale=np.ones(len(FEATURES)),
        weights=np.array([weights.get(name, 0.0) for name in FEATURES]),
        bias=bias,
    )


def _column(found: Candidates, feature: str) -> dict[str, float]:
    j = FEATURES.index(feature)
    return {label: float(found.x[i, j]) for i, label in enumerate(found.labels)}


def test_candidates_are_the_credited_feelings_the_heads_best_others_and_neutral() -> None:
    probs = np.array([[0.1, 0.6, 0.05, 0.3, 0.2, 0.4], [0.7, 0.2, 0.01, 0.1, 0.25, 0.3]], dtype=np.float32)
    entry = [_finding("sadness", 0.6, stated=True)]
    others = [Finding("emotions", "1.23.0", "h", "emotion", "joy", 0.7, (Span(0, 5),), {"scope": "other"})]
    found = candidates(entry, others, probs, LABELS, "sadness")
    assert OTHERS == 3
    assert found.labels == ("sadness", "joy", "fear", "relief", "neutral")
    assert found.x.shape == (len(found.labels), len(FEATURES))
    assert _column(found, "p")["joy"] == pytest.approx(0.7)  # the most over the sentences
    assert _column(found, "rank")["joy"] == 1.0 and _column(found, "rank")["sadness"] == 0.5
    assert _column(found, "credited") == {label: float(label == "sadness") for label in found.labels}
    assert _column(found, "top")["sadness"] == 1.0 and _column(found, "top")["neutral"] == 0.0
    assert _column(found, "stated")["sadness"] == 1.0
    assert _column(found, "other")["joy"] == 1.0  # the layer reads joy as someone else's
    assert _column(found, "neutral")["neutral"] == 1.0
    assert _column(found, "sentences")["joy"] == 1.0
    assert _column(found, "neutral_p")["joy"] == pytest.approx(0.4)


def test_an_abstaining_reading_marks_neutral_as_credited_and_top() -> None:
    probs = np.array([[0.1, 0.2, 0.05, 0.1, 0.1, 0.8]], dtype=np.float32)
    found = candidates([_finding("neutral", 0.8)], [], probs, LABELS, "neutral")
    assert found.labels[-1] == "neutral" and "neutral" not in found.labels[:-1]
    assert _column(found, "credited")["neutral"] == 1.0 and _column(found, "top")["neutral"] == 1.0


def test_it_abstains_where_the_abstention_scores_best_and_drops_credited_feelings_under_keep() -> None:
    probs = np.array([[0.1, 0.6, 0.5, 0.3, 0.2, 0.4]], dtype=np.float32)
    entry = [_finding("sadness", 0.6), _finding("anger", 0.5)]
    found = candidates(entry, [], probs, LABELS, "sadness")
    assert _reranker({"neutral": 5.0}, bias=-1.0).choose(found, ["sadness", "anger"]) == ("neutral", {})
    # sadness scores over keep, anger under it: anger is no longer credited, sadness comes first
    first, kept = _reranker({"p": 20.0}, bias=-11.0).choose(found, ["sadness", "anger"])
    assert first == "sadness" and set(kept) == {"sadness"} and kept["sadness"] >= KEEP
    # the top is kept even under keep (an entry that answers names its first feeling)
    first, kept = _reranker({"p": 1.0}, bias=-5.0).choose(found, ["sadness", "anger"])
    assert first == "sadness" and set(kept) == {"sadness"} and kept["sadness"] < KEEP


def test_the_order_it_gives_is_the_order_findings_are_read_in() -> None:
    said = _finding("sadness", 0.9, stated=True, rerank=0.4)
    better = _finding("fear", 0.2, rerank=0.8)
    assert sorted([said, better], key=rank)[0] is better
    assert top_emotion([said, better]) == "fear"
    # without the re-ranker's mark, the layer's order: stated first
    plain = [_finding("sadness", 0.2, stated=True), _finding("fear", 0.9)]
    assert top_emotion(plain) == "sadness"


def test_fitting_is_deterministic_and_round_trips_through_json() -> None:
    # fitting is training code (the `train` extra); reading the model needs none
    pytest.importorskip("sklearn")
    rng = np.random.default_rng(192)
    x = rng.normal(size=(200, len(FEATURES)))
    y = (x[:, 0] + 0.5 * rng.normal(size=200) > 0).astype(float)
    first, second = fit(x, y, 0.1), fit(x, y, 0.1)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    model = Reranker.from_json(json.loads(json.dumps(first)))
    assert np.array_equal(model.scores(x[:5]), Reranker.from_json(first).scores(x[:5]))
    assert model.weights[0] > 0  # it learns the feature the target follows


def test_a_stored_model_reads_back_as_a_standardised_logistic_score() -> None:
    """Reading the artefact needs no training library: sigmoid(((x - mean) / scale) . weights + bias)."""
    n = len(FEATURES)
    raw = {
        "features": list(FEATURES),
        "mean": [1.0] * n,
        "scale": [2.0] * n,
        "weights": [0.5] + [0.0] * (n - 1),
        "bias": -0.25,
        "keep": 0.4,
    }
    model = Reranker.from_json(json.loads(json.dumps(raw)))
    x = np.ones((2, n))
    x[1, 0] = 5.0
    expected = 1.0 / (1.0 + np.exp(-np.array([-0.25, 0.75])))
    assert np.allclose(model.scores(x), expected)
    assert model.keep == 0.4
    with pytest.raises(ValueError):
        Reranker.from_json({**raw, "features": ["other", *FEATURES[1:]]})


@pytest.fixture(scope="module")
def spec() -> dict[str, object]:
    raw = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))["journal_reranker"]
    assert isinstance(raw, dict)
    return raw


def test_the_shipped_artefact_is_the_one_its_manifest_names_and_loads(spec: dict[str, object]) -> None:
    path = MODEL_DIR / str(spec["artefact"])
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == spec["artefact_sha256"]
    model = Reranker.load(path, digest)
    assert (
        model.journal is not None
    )  # 1.23.0: the journal head's score and the label's one-hot join the features
    assert model.weights.shape == (len(FEATURES) + 1 + len(model.journal.labels),) and model.keep == KEEP
    assert spec["script"] == "scripts/train_journal_reranker.py" and spec["seed"] == 192


def _switched(tmp_path: Path, enabled: bool) -> Path:
    folder = tmp_path / "emotions"
    folder.mkdir(parents=True)
    manifest = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))
    manifest["journal_reranker"]["enabled"] = enabled
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    shutil.copy(MODEL_DIR / manifest["journal_reranker"]["artefact"], folder)
    return folder


def test_it_ships_switched_on(spec: dict[str, object]) -> None:
    # h192 shipped it off; measured once blind on emotion_frozen20 it met the decision rule written before (top
    # plausible 39 -> 45 of 80, wrongly credited 24 -> 21, panel 0.604 -> 0.591): on since h196 (docs/models.md,
    # "1.23.0 (h192)"; tests/fixtures/README_frozen_batches22.md)
    loaded = load_reranker(MODEL_DIR)
    assert isinstance(loaded, Reranker) and loaded.digest == spec["artefact_sha256"]
    assert spec["enabled"] is True and "why_on" in spec


def test_the_blind_batch_is_not_among_its_training_files(spec: dict[str, object]) -> None:
    # emotion_frozen20 measured the shipped model blind; a retrain (scripts/train_journal_reranker.py reads this list)
    # reproduces the artefact without it
    data = spec["data"]
    assert isinstance(data, dict)
    assert len(data["files"]) == 25 and "emotion_journal_frozen20.jsonl" not in data["files"]


def test_the_switch_turns_it_on_and_off(tmp_path: Path, spec: dict[str, object]) -> None:
    off, on = _switched(tmp_path / "off", False), _switched(tmp_path / "on", True)
    assert load_reranker(off) is None
    loaded = load_reranker(on)
    assert isinstance(loaded, Reranker) and loaded.digest == spec["artefact_sha256"]
    manifest = json.loads((on / "manifest.json").read_text(encoding="utf-8"))
    assert _with_reranker("abc", manifest) == f"abc:{str(spec['artefact_sha256'])[:16]}"
    manifest["journal_reranker"]["enabled"] = False
    assert _with_reranker("abc", manifest) == "abc"


def test_a_changed_artefact_is_refused(tmp_path: Path) -> None:
    on = _switched(tmp_path, True)
    name = json.loads((on / "manifest.json").read_text(encoding="utf-8"))["journal_reranker"]["artefact"]
    (on / name).write_text((on / name).read_text(encoding="utf-8") + " ", encoding="utf-8")
    with pytest.raises(AnalysisUnavailable):
        load_reranker(on)


def test_in_the_analyzer_off_reads_as_before_and_on_follows_the_model() -> None:
    (text,) = _written("Got the results back this morning and I am so relieved, honestly.")
    before = pipeline.analyse(text, only={"emotions"})
    built = pipeline._built["emotions"]
    assert getattr(built, "reranker", None) is None or load_reranker() is not None
    saved = built.reranker
    try:
        built.reranker = None
        off = pipeline.analyse(text, only={"emotions"})
        built.reranker = _reranker({"neutral": 5.0}, bias=-1.0)  # abstains on every entry
        on = pipeline.analyse(text, only={"emotions"})
        built.reranker = _reranker({"credited": 4.0, "top": 4.0}, bias=-2.0)  # keeps the reading's own order
        kept = pipeline.analyse(text, only={"emotions"})
    finally:
        built.reranker = saved
    if saved is None:
        assert [f.to_json() for f in off.findings] == [f.to_json() for f in before.findings]
    assert top_emotion(list(off.findings)) == "relief"
    assert top_emotion(list(on.findings)) == "neutral"
    assert [f.label for f in on.findings if f.data["scope"] == "entry"] == ["neutral"]
    assert top_emotion(list(kept.findings)) == "relief"
    assert all("rerank" in f.data for f in kept.findings if f.data["scope"] == "entry")


def test_the_journal_head_adds_its_score_and_the_labels_one_hot() -> None:
    rng = np.random.default_rng(192)
    vectors = rng.normal(size=(60, 4))
    targets = np.column_stack([(vectors[:, 0] > 0), (vectors[:, 0] <= 0)]).astype(float)
    head = ridge(vectors, targets, ("joy", "sadness"))
    again = ridge(vectors, targets, ("joy", "sadness"))
    assert json.dumps(head.to_json()) == json.dumps(again.to_json())  # closed form: deterministic
    assert JournalHead.from_json(json.loads(json.dumps(head.to_json()))).labels == ("joy", "sadness")
    found = Candidates(("joy", "neutral"), np.zeros((2, len(FEATURES))))
    rows = extended(found, head, np.array([3.0, 0.0, 0.0, 0.0]))
    assert rows.shape == (2, len(FEATURES) + 3)
    assert rows[0, len(FEATURES)] > 0.5 and rows[0, len(FEATURES) + 1] == 1.0  # joy: scored high, its one-hot
    assert rows[1, len(FEATURES) :].tolist() == [0.0, 0.0, 0.0]  # neutral is not among the head's labels here


def test_with_a_journal_head_and_no_vector_it_keeps_the_readings_order() -> None:
    head = JournalHead(("joy",), np.zeros(2), np.ones(2), np.zeros((2, 1)), np.zeros(1))
    model = Reranker(
        np.zeros(len(FEATURES) + 2),
        np.ones(len(FEATURES) + 2),
        np.zeros(len(FEATURES) + 2),
        0.0,
        journal=head,
    )
    probs = np.array([[0.1, 0.6, 0.5, 0.3, 0.2, 0.4]], dtype=np.float32)
    found = candidates([_finding("sadness", 0.6)], [], probs, LABELS, "sadness")
    first, kept = model.choose(found, ["sadness"], None)
    assert first == "sadness" and set(kept) == {"sadness"}


def test_a_plan_gives_the_reranker_no_head_feeling_to_put_first() -> None:
    # h196 (review r99's class, tests/insights/test_entry_findings_r99.py): switched on, the shipped re-ranker put the
    # head's desire first on "I want to bring this to my next session."; the layer's rule (a sentence that only states
    # a plan, or a fragment, gives no feeling the head alone reads) now holds for what it puts first too
    plan, told = _written(
        "I plan to email the accountant about the receipts on Monday.",
        "Took the receipts to the accountant on Monday and he kept me waiting an hour.",
    )
    pipeline.analyse("I am fine.", only={"emotions"})
    built = pipeline._built["emotions"]
    saved = built.reranker
    try:
        built.reranker = _reranker(
            {"credited": -4.0, "neutral": -4.0, "p": 4.0}
        )  # the head's other feeling first
        on_plan = pipeline.analyse(plan, only={"emotions"})
        on_told = pipeline.analyse(told, only={"emotions"})
    finally:
        built.reranker = saved
    assert top_emotion(list(on_plan.findings)) == "neutral"
    assert top_emotion(list(on_told.findings)) != "neutral"


def test_these_sentences_are_in_no_journal_set(journal_set_texts: frozenset[str]) -> None:
    assert WRITTEN and not [t for t in WRITTEN if t.strip().lower() in journal_set_texts]
