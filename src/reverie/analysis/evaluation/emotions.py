"""Score the emotion model on a GoEmotions-format TSV (``text <TAB> label ids <TAB> id``), read in place.

Each row is scored as one sentence, through the same path the analyzer uses (shared encoder, then the head and
its thresholds; a row with no label over threshold gets its most likely label). Only aggregates are returned.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from reverie.analysis.emotions import EmotionHead, load_head
from reverie.analysis.encoder import Encoder
from reverie.errors import InvalidInput

CHUNK = 256


def read_goemotions(path: Path, labels: tuple[str, ...]) -> tuple[list[str], np.ndarray]:
    """Texts and a 0/1 matrix (rows x labels); rows without a text or label column are skipped."""
    texts: list[str] = []
    targets: list[np.ndarray] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InvalidInput(f"Cannot read the evaluation file {path.name}.") from exc
    for line in lines:
        parts = line.split("\t")
        if len(parts) < 2 or not parts[1].strip():
            continue
        row = np.zeros(len(labels), dtype=bool)
        row[[int(i) for i in parts[1].split(",")]] = True
        texts.append(parts[0])
        targets.append(row)
    if not texts:
        raise InvalidInput(f"The evaluation file {path.name} has no labelled rows.")
    return texts, np.vstack(targets)


def f1_scores(truth: np.ndarray, pred: np.ndarray) -> tuple[np.ndarray, float]:
    """Per-label F1 (0 where a label is neither true nor predicted) and micro-F1."""
    tp = (truth & pred).sum(axis=0).astype(float)
    fp = (~truth & pred).sum(axis=0).astype(float)
    fn = (truth & ~pred).sum(axis=0).astype(float)
    denom = 2 * tp + fp + fn
    per_label = np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)
    micro = 2 * tp.sum() / max(1.0, 2 * tp.sum() + fp.sum() + fn.sum())
    return per_label, float(micro)


def evaluate_emotions(
    path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    encoder: Encoder | None = None,
    head: EmotionHead | None = None,
) -> dict[str, Any]:
    """``{"macro_f1", "micro_f1", "n", "per_label": {name: f1}}`` over the rows of ``path``."""
    if head is None:
        head = load_head()[0]
    if encoder is None:
        from reverie.analysis.onnx_encoder import load_encoder

        encoder = load_encoder()
    texts, truth = read_goemotions(path, head.labels)
    pred = np.zeros_like(truth)
    for start in range(0, len(texts), CHUNK):
        chunk = texts[start : start + CHUNK]
        probs = head.probabilities(chunk, encoder.encode(chunk))
        pred[start : start + len(chunk)] = head.predict(probs)
        if progress is not None:
            progress(start + len(chunk), len(texts))
    per_label, micro = f1_scores(truth, pred)
    return {
        "macro_f1": round(float(per_label.mean()), 4),
        "micro_f1": round(micro, 4),
        "n": len(texts),
        "per_label": {name: round(float(f), 4) for name, f in zip(head.labels, per_label, strict=True)},
    }
