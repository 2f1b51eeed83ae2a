"""The owner head (emotions 1.22.0, h186): a learned re-scorer that drops the head's labels a sentence does not assert
as the writer's own. Its arithmetic, what it may touch (never a feeling the writer names), its loading, and the
shipped artefact on sentences written for this test (none a journal-set line)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from reverie.analysis.emotion_scope import Reading
from reverie.analysis.emotions import (
    MODEL_DIR,
    OwnerHead,
    _with_owner,
    load_owner,
    owned,
)
from reverie.errors import AnalysisUnavailable

LABELS = ("joy", "sadness", "neutral")
WRITTEN: list[str] = []
HEAD = frozenset({"joy", "sadness"})  # the head's chosen labels


def _owner(gate: float = 0.5) -> OwnerHead:
    # input: 2 + 2 vector dims, 3 one-hot; hidden 2. joy's score rises with the first vector dim, sadness's falls
    w1 = np.zeros((7, 2), dtype=np.float32)
    w1[0, 0] = 4.0  # vector dim 0 -> hidden 0
    w1[4, 0] = 1.0  # joy one-hot -> hidden 0
    w1[5, 1] = 1.0  # sadness one-hot -> hidden 1
    w2 = np.array([[1.0], [-2.0]], dtype=np.float32)
    return OwnerHead(
        labels=LABELS,
        w1=w1,
        b1=np.zeros(2, dtype=np.float32),
        w2=w2,
        b2=np.array([-1.0], dtype=np.float32),
        gate=gate,
    )


def _vectors(first: float) -> tuple[np.ndarray, np.ndarray]:
    return np.array([first, 0.0], dtype=np.float32), np.zeros(2, dtype=np.float32)


def test_scores_are_one_relu_layer_over_both_vectors_and_the_label() -> None:
    base, top = _vectors(1.0)
    scores = _owner().scores(base, top, ["joy", "sadness"])
    assert scores["joy"] == pytest.approx(1 / (1 + np.exp(-(4.0 + 1.0 - 1.0))))
    assert scores["sadness"] == pytest.approx(1 / (1 + np.exp(-(4.0 * 1.0 - 2.0 * 1.0 - 1.0))))
    assert _owner().scores(base, top, []) == {}


def test_a_label_the_head_gave_under_the_gate_is_dropped_and_the_sentence_may_abstain() -> None:
    reading = Reading(("joy",), frozenset())
    base, top = _vectors(-1.0)  # joy: hidden 0 = relu(-4 + 1) = 0 -> sigmoid(-1) < 0.5
    after = owned(reading, _owner(), base, top, HEAD)
    assert after.labels == ("neutral",) and after.abstained and "joy" in after.dropped
    kept = owned(reading, _owner(), *_vectors(1.0), HEAD)
    assert kept is reading


def test_a_feeling_the_writer_names_or_shows_is_never_asked() -> None:
    base, top = _vectors(-1.0)
    for reading in (
        Reading(("joy",), frozenset({"joy"})),
        Reading(("joy",), frozenset(), signs=frozenset({"joy"})),
        Reading(("joy",), frozenset(), ahead=frozenset({"joy"})),
    ):
        assert owned(reading, _owner(), base, top, HEAD) is reading


def test_only_the_labels_under_the_gate_go_and_the_order_stays() -> None:
    reading = Reading(("sadness", "joy"), frozenset())
    base, top = _vectors(-1.0)  # sadness: sigmoid(-2 - 1) = 0.05; joy: sigmoid(-1) = 0.27
    assert owned(reading, _owner(gate=0.2), base, top, HEAD).labels == ("joy",)
    assert owned(reading, _owner(gate=0.5), base, top, HEAD).labels == ("neutral",)
    assert owned(reading, _owner(gate=0.0), base, top, HEAD) is reading


def test_a_label_the_layer_read_in_the_heads_place_is_never_asked() -> None:
    reading = Reading(("joy",), frozenset())  # joy from a grin the layer read, not the head's choice
    assert owned(reading, _owner(), *_vectors(-1.0), frozenset({"sadness"})) is reading


def test_without_the_head_or_its_vectors_the_reading_is_unchanged() -> None:
    reading = Reading(("joy",), frozenset())
    base, top = _vectors(-1.0)
    assert owned(reading, None, base, top, HEAD) is reading
    assert owned(reading, _owner(), None, top, HEAD) is reading
    assert owned(reading, _owner(), base, None, HEAD) is reading


def _write(tmp_path: Path, enabled: bool = True, digest: str | None = None) -> Path:
    owner = _owner()
    path = tmp_path / "owner.npz"
    np.savez(
        path,
        w1=owner.w1,
        b1=owner.b1,
        w2=owner.w2,
        b2=owner.b2,
        gate=np.float32(0.5),
        labels=np.frombuffer("\n".join(LABELS).encode(), dtype=np.uint8),
    )
    sha = digest or hashlib.sha256(path.read_bytes()).hexdigest()
    spec = {"enabled": enabled, "artefact": "owner.npz", "artefact_sha256": sha}
    (tmp_path / "manifest.json").write_text(json.dumps({"owner_head": spec}))
    return tmp_path


def test_load_owner_reads_an_enabled_artefact_and_checks_its_hash(tmp_path: Path) -> None:
    owner = load_owner(_write(tmp_path))
    assert owner is not None and owner.labels == LABELS and owner.gate == pytest.approx(0.5)
    assert owner.digest == hashlib.sha256((tmp_path / "owner.npz").read_bytes()).hexdigest()


def test_load_owner_is_none_when_switched_off_and_refuses_a_changed_file(tmp_path: Path) -> None:
    off, changed = tmp_path / "off", tmp_path / "changed"
    off.mkdir()
    changed.mkdir()
    assert load_owner(_write(off, enabled=False)) is None
    with pytest.raises(AnalysisUnavailable):
        load_owner(_write(changed, digest="0" * 64))


def test_the_model_hash_names_the_owner_artefact_only_when_switched_on() -> None:
    on = {"owner_head": {"enabled": True, "artefact_sha256": "ab" * 32}}
    assert _with_owner("x+y.z", on) == "x+y.z/" + "ab" * 8
    assert _with_owner("x+y.z", {"owner_head": {"enabled": False}}) == "x+y.z"
    assert _with_owner("x+y.z", {}) == "x+y.z"


# --- the shipped artefact ----------------------------------------------------------------------------------------


def _cases(*cases: tuple[str, str, bool]) -> list[tuple[str, str, bool]]:
    WRITTEN.extend(case[0] for case in cases)
    return list(cases)


@pytest.fixture(scope="module")
def shipped() -> OwnerHead:
    spec = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))["owner_head"]
    path = MODEL_DIR / spec["artefact"]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == spec["artefact_sha256"], "the committed artefact is the one its manifest names"
    return OwnerHead.load(path, digest)


def test_the_owner_head_ships_switched_off_so_the_reading_is_1_21_0s() -> None:
    # it did not beat 1.21.0 on the seen journal files (docs/models.md, "1.22.0 (h186)")
    assert load_owner(MODEL_DIR) is None


PAIRS = _cases(
    ("My cousin was so thrilled about her new flat.", "excitement", False),
    ("I was so thrilled about my new flat.", "excitement", True),
    ("The twins were furious about the cancelled trip.", "anger", False),
    ("I was furious about the cancelled trip.", "anger", True),
    ("I would be so grateful if the council answered my letter.", "gratitude", False),
    ("Honestly so grateful for the neighbours who fed the cat.", "gratitude", True),
    ("My uncle seemed really nervous before the speech.", "nervousness", False),
    ("I was really nervous before the speech.", "nervousness", True),
    ("I didn't feel sad at the leaving do at all.", "sadness", False),
    ("Felt sad at the leaving do.", "sadness", True),
    ("Am I meant to be excited about the promotion?", "excitement", False),
    ("So excited about the promotion!", "excitement", True),
    ("Our manager was delighted with the quarterly numbers.", "joy", False),
    ("I'm delighted with how the garden turned out.", "joy", True),
    ("The flat flooded again, truly wonderful.", "admiration", False),
    ("The garden looks wonderful this spring.", "admiration", True),
)


def test_the_shipped_head_on_sentences_written_for_this_test(shipped: OwnerHead) -> None:
    """Its honest figure on new phrasings: 10 of 16 (h186). Every own feeling is kept; of someone else's, the
    conditional and the ironic it drops only some (the cousin's thrill, the manager's delight, the uncle's nerves, a
    wish, an ironic "wonderful" are kept; the writer's plain gratitude is dropped): the sentence vector carries "I"
    far better than whose feeling it is, one reason it ships switched off."""
    from reverie.analysis.encoder import encode_both
    from reverie.analysis.onnx_encoder import load_encoder

    base, top = encode_both(load_encoder(), [text for text, _, _ in PAIRS])
    assert top is not None
    right = [
        (shipped.scores(base[i], top[i], [label])[label] >= shipped.gate) is own
        for i, (_, label, own) in enumerate(PAIRS)
    ]
    assert sum(right) >= 10
    assert all(right[i] for i, (_, _, own) in enumerate(PAIRS) if own and i != 5)


def test_these_sentences_are_in_no_journal_set(journal_set_texts: frozenset[str]) -> None:
    assert WRITTEN and not [t for t in WRITTEN if t.strip().lower() in journal_set_texts]
