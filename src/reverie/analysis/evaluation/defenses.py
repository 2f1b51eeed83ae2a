"""Evaluate the defense classifier on the PsyDefConv JSONL format, and train a local research model.

Rows hold ``current_text`` (the seeker's utterance), its dialogue (``dialogue``: a list of
``{"speaker", "text"}`` ending with that utterance, or ``dialogue_flat``: "supporter: … seeker: …") and
``label`` 0–8. The utterance is classified with the turn before it as context, as in a session.

PsyDefConv is CC BY-NC: the shipped classifier is never trained on it. :func:`train_local_defense_model`
lets a researcher fit a model on their own copy; it writes to a folder they choose, outside the package,
and nothing in Reverie loads it by default.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from reverie.analysis import jsonlines
from reverie.analysis.defenses import (
    LABELS,
    DefenseHead,
    build_prototypes,
    classify,
    classify_with_head,
    risk_guarded_text,
    shared_head,
    shared_prototypes,
)
from reverie.analysis.evaluation.defense_bank import (
    bank_report,
    journal_report,
    journal_sentences,
    key_report,
    macro_f1_official,
)
from reverie.errors import InvalidInput

if TYPE_CHECKING:
    import numpy.typing as npt

    from reverie.analysis.encoder import Encoder

_TURN = re.compile(r"(?:^|\s)(supporter|seeker):\s", re.IGNORECASE)
LOCAL_MODEL_FILE = "local_defense_model.npz"


@dataclass(frozen=True, slots=True)
class Utterance:
    text: str
    context: str | None
    label: int
    dialogue_id: str | None = None
    turns: tuple[str, ...] = ()  # the dialogue's turns up to and including this one, normalised


def read_rows(path: Path) -> list[Utterance]:
    """Labelled rows from one JSONL file, or from every ``*.jsonl`` in a folder."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    out: list[Utterance] = []
    for file in files:
        for number, row in jsonlines.read_objects(file, what="PsyDefConv file"):
            out.append(_utterance(row, file.name, number))
    if not out:
        raise InvalidInput(f"No labelled rows in {path.name}.")
    return out


def _utterance(row: dict[str, Any], name: str, number: int) -> Utterance:
    try:
        text, label = str(row["current_text"]), int(row["label"])
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidInput(f"Line {number} of {name} lacks current_text or a numeric label.") from exc
    if label not in LABELS:
        raise InvalidInput(f"Line {number} of {name} has a label outside 0–8.")
    dialogue_id = row.get("dialogue_id")
    return Utterance(
        text,
        _context(row),
        label,
        str(dialogue_id) if dialogue_id else None,
        tuple(_normal(t) for t in _turn_texts(row)),
    )


def _turn_texts(row: dict[str, Any]) -> list[str]:
    turns = row.get("dialogue")
    if isinstance(turns, list):
        return [str(t.get("text", "")) for t in turns if isinstance(t, dict)]
    flat = row.get("dialogue_flat")
    if isinstance(flat, str):
        pieces = [p.strip() for p in _TURN.split(flat)]
        return [pieces[i + 1] for i in range(1, len(pieces) - 1, 2)]
    return []


def _normal(text: str) -> str:
    return " ".join(re.sub(r"\W+", " ", text.lower()).split())


def dialogue_groups(rows: Sequence[Utterance]) -> list[int]:
    """A group number per row such that rows of one dialogue always share it.

    Rows are joined when they carry the same ``dialogue_id``, or when one row's turns are a prefix of
    another's (two utterances of one conversation, cut at different turns; the staged rows without an id
    keep the conversation from its first turn). A short opening ("hi") joins every dialogue it begins:
    groups may merge dialogues, never split one. A row with neither id nor turns is its own group."""
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_id: dict[str, int] = {}
    for i, row in enumerate(rows):
        if row.dialogue_id is not None:
            parent[find(i)] = find(by_id.setdefault(row.dialogue_id, i))
    order = sorted((i for i, r in enumerate(rows) if r.turns), key=lambda i: len(rows[i].turns))
    for a, i in enumerate(order):
        short = rows[i].turns
        for j in order[a + 1 :]:
            if rows[j].turns[: len(short)] == short:
                parent[find(i)] = find(j)
    roots: dict[int, int] = {}
    return [roots.setdefault(find(i), len(roots)) for i in range(len(rows))]


def group_folds(groups: Sequence[int], folds: int, seed: int) -> list[int]:
    """A fold per row, whole groups at a time: largest groups first (ties in a seeded order), each to the
    fold with the fewest rows so far."""
    sizes = Counter(groups)
    rng = np.random.default_rng(seed)
    tie = {g: float(rng.random()) for g in sorted(sizes)}
    load = [0] * folds
    fold_of: dict[int, int] = {}
    for g in sorted(sizes, key=lambda g: (-sizes[g], tie[g])):
        k = int(np.argmin(load))
        fold_of[g] = k
        load[k] += sizes[g]
    return [fold_of[g] for g in groups]


def _context(row: dict[str, Any]) -> str | None:
    """The turn just before the utterance (usually the supporter's)."""
    turns = row.get("dialogue")
    if isinstance(turns, list) and len(turns) >= 2:
        return str(turns[-2].get("text", "")) or None
    flat = row.get("dialogue_flat")
    if isinstance(flat, str):
        pieces = [p.strip() for p in _TURN.split(flat)]
        texts = [pieces[i + 1] for i in range(1, len(pieces) - 1, 2)]
        return texts[-2] if len(texts) >= 2 else None
    return None


def f1_report(gold: Sequence[int], predicted: Sequence[int]) -> dict[str, Any]:
    """Macro-F1 over the labels present in gold or predictions, accuracy, per-label F1, 9×9 confusion."""
    confusion = [[0] * len(LABELS) for _ in LABELS]
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] += 1
    per_level: dict[int, float | None] = {}
    for label in LABELS:
        tp = confusion[label][label]
        in_gold = sum(confusion[label])
        in_pred = sum(row[label] for row in confusion)
        per_level[label] = None if in_gold + in_pred == 0 else 2 * tp / (in_gold + in_pred)
    present = [v for v in per_level.values() if v is not None]
    return {
        "n": len(gold),
        "macro_f1": sum(present) / len(present) if present else None,
        "accuracy": sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else None,
        "per_level": per_level,
        "confusion": confusion,
    }


def evaluate_defenses(
    path: Path,
    *,
    encoder: Encoder | None = None,
    head: DefenseHead | None = None,
    journal: Path | None = None,
    keys: Sequence[Path] = (),
) -> dict[str, Any]:
    """Classify every labelled utterance in ``path`` with the shipped method and report the figures.

    Keys: ``macro_f1``, ``accuracy``, ``per_level`` (label → F1, ``None`` when a label is absent from both
    gold and predictions), ``confusion`` (rows gold 0–8, columns predicted 0–8), ``n``;
    ``macro_f1_official`` (macro-F1 over levels 1–8, the PsyDefDetect metric), ``abstention_rate`` and
    ``high_adaptive_share`` of the rows; with the shipped head, ``bank_held`` (the head on the held rows of
    Reverie's own bank) and, given ``journal`` (JSON lines with ``text``), ``journal`` (the share of those
    sentences labelled high-adaptive and the abstention rate) and, given ``keys`` (JSON lines ``{"text",
    "level"}``), ``keys`` (per file name: :func:`~reverie.analysis.evaluation.defense_bank.key_report`).
    """
    rows = read_rows(path)
    if encoder is None:
        encoder, prototypes = _shared_encoder(), shared_prototypes()
    else:
        prototypes = build_prototypes(encoder)
    head = shared_head() if head is None else head
    if head is not None and head.encoder_hash != encoder.model_hash:
        head = None
    texts, contexts = _vectors(rows, encoder)
    predicted = [
        0  # the analyzer's risk guard: the writer's own risk at ideation or above is never given a level
        if risk_guarded_text(r.text)
        else (
            classify_with_head(r.text, texts[i], head, prototypes)
            or classify(r.text, texts[i], prototypes, contexts[i])
        ).level
        for i, r in enumerate(rows)
    ]
    gold = [r.label for r in rows]
    report = f1_report(gold, predicted)
    n = len(rows)
    report["macro_f1_official"] = macro_f1_official(gold, predicted) if n else None
    report["abstention_rate"] = sum(p == 0 for p in predicted) / n if n else None
    report["high_adaptive_share"] = sum(p == 7 for p in predicted) / n if n else None
    report["method"] = "abstaining head" if head is not None else "prototypes + cues (no head)"
    if head is not None:
        report["bank_held"] = bank_report(head, encoder)
        if journal is not None:
            report["journal"] = journal_report(journal_sentences(journal), head, encoder)
        if keys:
            report["keys"] = {k.name: key_report(k, head, encoder) for k in keys}
    return report


def evaluate_defense_keys(
    keys: Sequence[Path], *, encoder: Encoder | None = None, head: DefenseHead | None = None
) -> dict[str, Any]:
    """The shipped head on key files alone (no PsyDefConv needed): per file name, its key report."""
    encoder = _shared_encoder() if encoder is None else encoder
    head = shared_head() if head is None else head
    if head is None or head.encoder_hash != encoder.model_hash:
        raise InvalidInput("The shipped defense head is missing or was trained on another encoder.")
    return {"method": "abstaining head", "keys": {k.name: key_report(k, head, encoder) for k in keys}}


def _shared_encoder() -> Encoder:
    from reverie.analysis.onnx_encoder import load_encoder

    return load_encoder()


def _vectors(
    rows: Sequence[Utterance], encoder: Encoder
) -> tuple[npt.NDArray[np.float32], list[npt.NDArray[np.float32] | None]]:
    texts = encoder.encode([r.text for r in rows])
    with_context = [i for i, r in enumerate(rows) if r.context]
    encoded = encoder.encode([rows[i].context or "" for i in with_context])
    contexts: list[npt.NDArray[np.float32] | None] = [None] * len(rows)
    for k, i in enumerate(with_context):
        contexts[i] = encoded[k]
    return texts, contexts


# --------------------------------------------------------------------------------------------------
# A local research model (never shipped): softmax regression on [utterance ⊕ context] embeddings
# --------------------------------------------------------------------------------------------------


RESEARCH_CONTEXT = (
    False  # the preceding turn's embedding as features (tried: no better, see docs/defenses.md)
)
# Reverie's own bank and the DMRS examples join the training rows at this weight: 1.0 until the bank doubled in
# its third round (grouped CV then 0.186 at 1.0, 0.212 at 0.5, 0.219 at 0.25; docs/defenses.md).
RESEARCH_BANK_WEIGHT = 0.25
RESEARCH_FORMAT = "reverie.defense-local/2"  # two stages (v1: one 9-way softmax, "weights")
LOWER_LEVELS = (1, 2, 3, 4, 5, 6, 8)  # below high-adaptive, and "needs more information"
_COARSE_LOWER = 1  # stage 1 codes every lower level as 1: none (0) / high-adaptive (7) / lower (1)


@dataclass(frozen=True, slots=True)
class ResearchModel:
    """The two-stage research model. ``stage1`` (features × 9, only columns 0, 1 and 7 trained) tells no
    defense (0), high-adaptive (7) and a lower level (1) apart; ``stage2`` (features × 9, only the columns
    of :data:`LOWER_LEVELS` trained) picks the lower level. High-adaptive is half of PsyDefConv's rows; one
    9-way model let it and "no defense" crowd out the rare levels the metric averages over.

    ``centre`` is the mean feature row of the PsyDefConv training rows (0 at the bias): rows are read
    relative to it, as the bank's rows were read relative to their own mean in training, so the difference
    between chat turns and journal sentences is not learnt as a difference between levels."""

    stage1: npt.NDArray[np.float32]
    stage2: npt.NDArray[np.float32]
    trained: tuple[int, ...]  # the levels that had training rows
    centre: npt.NDArray[np.float32]


def features(
    rows: Sequence[Utterance], encoder: Encoder, *, context: bool = RESEARCH_CONTEXT
) -> npt.NDArray[np.float32]:
    """[utterance embedding ⊕ (preceding turn's embedding, zeros without one) ⊕ 1] per row."""
    texts, contexts = _vectors(rows, encoder)
    parts = [texts]
    if context:
        zero = np.zeros(texts.shape[1], dtype=np.float32)
        parts.append(np.stack([c if c is not None else zero for c in contexts]))
    parts.append(np.ones((len(rows), 1), dtype=np.float32))
    return np.hstack(parts).astype(np.float32)


def bank_features(
    encoder: Encoder, *, context: bool = RESEARCH_CONTEXT
) -> tuple[npt.NDArray[np.float32], list[int]]:
    """Reverie's own (shippable) bank, all of it, and the DMRS example sentences as extra training rows
    for the research model: they give it examples of the rare levels PsyDefConv has a handful of."""
    from reverie.analysis.evaluation.defense_bank import read_bank, tuning_rows

    bank = read_bank()
    rows = tuning_rows(bank) + [r for r in bank if r.split == "held"]
    vectors = encoder.encode([r.text for r in rows])
    parts = [vectors]
    if context:
        parts.append(np.zeros_like(vectors))
    parts.append(np.ones((len(rows), 1), dtype=np.float32))
    return np.hstack(parts).astype(np.float32), [r.level for r in rows]


def fit_research(
    x: npt.NDArray[np.float32],
    y: Sequence[int],
    extra: tuple[npt.NDArray[np.float32], list[int]] | None,
    bank_weight: float = RESEARCH_BANK_WEIGHT,
) -> ResearchModel:
    """The research model: PsyDefConv rows at weight 1, the bank's rows at ``bank_weight``; stage 1 on all
    rows (none / high-adaptive / lower), stage 2 on the rows of a lower level. A stage without rows of some
    class keeps that class's column at zero and :func:`predict_research` never picks it. Each source is
    centred on its own mean (:attr:`ResearchModel.centre`)."""
    labels = list(y)
    weights = [1.0] * len(labels)
    centre = _mean_row(x)
    x = x - centre
    if extra is not None and bank_weight > 0:
        bx, by = extra
        x = np.vstack([x, bx - _mean_row(bx)])
        labels += list(by)
        weights += [bank_weight] * len(by)
    coarse = [label if label in (0, 7) else _COARSE_LOWER for label in labels]
    stage1 = fit_softmax(x, coarse, sample_weight=weights)
    lower = [i for i, label in enumerate(labels) if label in LOWER_LEVELS]
    if lower:
        stage2 = fit_softmax(x[lower], [labels[i] for i in lower], sample_weight=[weights[i] for i in lower])
    else:
        stage2 = np.zeros_like(stage1)
    return ResearchModel(stage1, stage2, tuple(sorted(set(labels))), centre)


def _mean_row(x: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """The mean row with the last column (the bias, 1 everywhere) left at 0; zeros for no rows."""
    centre = np.zeros(x.shape[1], dtype=np.float32)
    if len(x):
        centre[:-1] = x[:, :-1].mean(axis=0)
    return centre


def _masked_argmax(
    w: npt.NDArray[np.float32], x: npt.NDArray[np.float32], allowed: Sequence[int]
) -> npt.NDArray[np.int64]:
    mask = np.full(len(LABELS), -np.inf)
    mask[list(allowed)] = 0.0
    best: npt.NDArray[np.int64] = np.asarray(np.argmax(x @ w + mask, axis=1), dtype=np.int64)
    return best


def predict_research(model: ResearchModel, x: npt.NDArray[np.float32]) -> list[int]:
    """Levels 0–8: stage 1's choice, and for "lower" stage 2's level; each stage picks only among the
    classes it had training rows of (an untrained column's zero score could otherwise win)."""
    x = x - model.centre
    trained = set(model.trained)
    lower_levels = [c for c in LOWER_LEVELS if c in trained]
    first = [c for c in (0, 7) if c in trained] + ([_COARSE_LOWER] if lower_levels else [])
    coarse = _masked_argmax(model.stage1, x, first)
    out = np.where(coarse == _COARSE_LOWER, 0, coarse)
    lower = np.where(coarse == _COARSE_LOWER)[0]
    if len(lower):
        out[lower] = _masked_argmax(model.stage2, x[lower], lower_levels)
    return [int(v) for v in out]


def fit_softmax(
    x: npt.NDArray[np.float32],
    y: Sequence[int],
    *,
    l2: float = 1e-3,
    steps: int = 400,
    rate: float = 2.0,
    sample_weight: Sequence[float] | None = None,
) -> npt.NDArray[np.float32]:
    """Class-balanced multinomial logistic regression by full-batch gradient descent (deterministic).

    ``sample_weight`` (default 1 per row) scales rows before the classes are balanced on the weighted
    counts: a row of weight 0.5 counts half towards its class and towards the loss."""
    labels = np.asarray(y)
    onehot = np.eye(len(LABELS))[labels]
    source = np.ones(len(labels)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    counts = np.bincount(labels, weights=source, minlength=len(LABELS))
    balance = np.where(counts > 0, source.sum() / (len(LABELS) * np.maximum(counts, 1e-12)), 0.0)
    weight = source * balance[labels]
    w = np.zeros((x.shape[1], len(LABELS)))
    for _ in range(steps):
        z = x @ w
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ ((p - onehot) * weight[:, None]) / len(labels) + l2 * w
        w -= rate * grad
    return w.astype(np.float32)


def cross_validate_local_defense_model(
    path: Path,
    *,
    folds: int = 5,
    seed: int = 7,
    repeats: int = 5,
    encoder: Encoder | None = None,
    context: bool = RESEARCH_CONTEXT,
    bank_weight: float = RESEARCH_BANK_WEIGHT,
) -> dict[str, Any]:
    """Out-of-fold figures for the local research model, **grouped by dialogue**: the rows of one dialogue
    (:func:`dialogue_groups`) are always in the same fold, so no conversation is in train and test.

    Repeated ``repeats`` times with fold assignments seeded ``seed``, ``seed + 1`` …; ``macro_f1_official``
    (levels 1–8, the PsyDefDetect metric) is the mean over the repeats, ``macro_f1_official_runs`` each run;
    the other keys (:func:`f1_report`) are from the first run. This is the figure that answers issue 13's
    PsyDefConv row: a model trained on PsyDefConv rows, scored on dialogues held back from it."""
    rows = read_rows(path)
    encoder = encoder if encoder is not None else _shared_encoder()
    x = features(rows, encoder, context=context)
    extra = bank_features(encoder, context=context) if bank_weight > 0 else None
    y = np.array([r.label for r in rows])
    groups = dialogue_groups(rows)
    runs: list[float] = []
    first: dict[str, Any] = {}
    for r in range(repeats):
        fold = np.array(group_folds(groups, folds, seed + r))
        predicted = np.zeros(len(rows), dtype=np.int64)
        for k in range(folds):
            test, train = np.where(fold == k)[0], np.where(fold != k)[0]
            if len(test) == 0:
                continue
            model = fit_research(x[train], y[train].tolist(), extra, bank_weight)
            predicted[test] = predict_research(model, x[test])
        runs.append(macro_f1_official(y.tolist(), predicted.tolist()))
        if r == 0:
            first = f1_report(y.tolist(), predicted.tolist())
    mean = float(np.mean(runs)) if runs else None
    return {
        **first,
        "macro_f1_official": round(mean, 4) if mean is not None else None,
        "macro_f1_official_sd": round(float(np.std(runs)), 4) if runs else None,
        "macro_f1_official_runs": [round(v, 4) for v in runs],
        "split": "5-fold cross-validation grouped by dialogue (no dialogue in train and test)",
        "dialogue_groups": len(set(groups)),
        "folds": folds,
        "seed": seed,
        "repeats": repeats,
        "features": "utterance embedding" + (", preceding turn's embedding" if context else "") + ", bias",
        "model": "two stages: none / high-adaptive / lower level, then which lower level; each source centred",
        "bank_weight": bank_weight,
        "answers": "issue 13, defenses on PsyDefConv: trained on PsyDefConv, scored on held-back dialogues",
    }


def train_local_defense_model(path: Path, out_dir: Path, *, encoder: Encoder | None = None) -> Path:
    """Fit the local research model on the researcher's own labelled copy and write it to ``out_dir``.

    The file stays where the researcher puts it: Reverie's shipped classifier never reads it. Returns the
    path of the written ``.npz`` (weights) next to a ``manifest.json`` (data hash, row count, encoder).
    """
    rows = read_rows(path)
    encoder = encoder if encoder is not None else _shared_encoder()
    extra = bank_features(encoder) if RESEARCH_BANK_WEIGHT > 0 else None
    model = fit_research(features(rows, encoder), [r.label for r in rows], extra)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / LOCAL_MODEL_FILE
    np.savez_compressed(
        target,
        format=np.array(RESEARCH_FORMAT),
        stage1=model.stage1,
        stage2=model.stage2,
        trained=np.array(model.trained, dtype=np.int64),
        centre=model.centre,
    )
    digest = hashlib.sha256(
        path.read_bytes()
        if path.is_file()
        else b"".join(f.read_bytes() for f in sorted(path.glob("*.jsonl")))
    ).hexdigest()
    manifest = {
        "name": "local-defense-softmax",
        "format": RESEARCH_FORMAT,
        "model": "two stages: none / high-adaptive / lower level (stage1), then which lower level (stage2);"
        " PsyDefConv rows centred on their mean (centre), the bank's on theirs",
        "purpose": "local research only; not part of Reverie's shipped analysis",
        "data_sha256": digest,
        "rows": len(rows),
        "encoder": f"{encoder.name}:{encoder.model_hash}",
        "features": "utterance embedding"
        + (", preceding turn's embedding" if RESEARCH_CONTEXT else "")
        + ", bias",
        "context": RESEARCH_CONTEXT,
        "extra_training_rows": "Reverie's own defense bank and the DMRS examples"
        + f" (weight {RESEARCH_BANK_WEIGHT})",
        "labels": list(LABELS),
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return target


def load_local_defense_model(path: Path) -> ResearchModel:
    """Read a model written by :func:`train_local_defense_model` (format ``reverie.defense-local/2``)."""
    try:
        with np.load(path) as data:
            version = str(data["format"]) if "format" in data.files else "reverie.defense-local/1"
            if version != RESEARCH_FORMAT:
                raise InvalidInput(
                    f"{path.name} is a {version} research model; retrain it with reverie train defenses."
                )
            return ResearchModel(
                data["stage1"].astype(np.float32),
                data["stage2"].astype(np.float32),
                tuple(int(v) for v in data["trained"]),
                data["centre"].astype(np.float32),
            )
    except (OSError, KeyError, ValueError) as exc:
        raise InvalidInput(f"{path.name} is not a readable research model.") from exc
