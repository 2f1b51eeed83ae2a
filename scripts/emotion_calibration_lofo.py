"""A try, not shipped: a journal-register calibration of the emotion head, judged leave-one-file-out.

For every line of the seen journal check sets (``tests/fixtures/emotion_journal*.jsonl``), the head's 28
probabilities (the highest over the line's sentences) and the analyzer's own reading; a conditional-logit
re-ranker over the 28 labels (features per label: neutral or not, the log-odds over the label's threshold, the
probability; variant 1 adds a bias per label, variant 2 a scale per label) is fitted on all files but one and
picks the top label of the one left out; the loss is minus the log of the probability given to the line's
plausible labels (L2 ``lam``). ``--with-layer`` adds the layer's reading (in the entry, stated, its top, someone
else's) as features. Prints, per variant and ``lam``, every fold: plausible before -> after (before: the head's
own top label, or the layer's with ``--with-layer``).

    .venv/bin/python scripts/emotion_calibration_lofo.py [--with-layer]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]


def rows() -> list[dict[str, Any]]:
    from reverie.analysis import pipeline
    from reverie.analysis.document import prepare
    from reverie.analysis.emotions import load_head, rank, top_emotion
    from reverie.analysis.onnx_encoder import load_encoder

    encoder, head = load_encoder(), load_head()[0]
    out = []
    for path in sorted((ROOT / "tests" / "fixtures").glob("emotion_journal*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            result = pipeline.analyse(row["text"], encoder=encoder, only={"emotions"})
            entry = sorted((f for f in result.of_kind("emotion") if f.data.get("scope") == "entry"), key=rank)
            sentences = [s.text for s in prepare(row["text"]).sentences] or [row["text"]]
            out.append(
                {
                    "file": path.stem,
                    "plausible": set(row["plausible"]),
                    "entry": {f.label for f in entry},
                    "stated": {f.label for f in entry if f.data.get("stated")},
                    "other": {f.label for f in result.of_kind("emotion") if f.data.get("scope") == "other"},
                    "top": top_emotion(list(result.findings)),
                    "probs": head.probabilities(sentences, encoder.encode(sentences)).max(axis=0),
                }
            )
    return out


def features(
    row: dict[str, Any], labels: tuple[str, ...], thresholds: np.ndarray, variant: int, layer: bool
) -> np.ndarray:
    def logit(p: float) -> float:
        p = min(max(p, 1e-4), 1 - 1e-4)
        return float(np.log(p / (1 - p)))

    out = []
    for j, label in enumerate(labels):
        p, margin = float(row["probs"][j]), logit(float(row["probs"][j])) - logit(float(thresholds[j]))
        f = [label == "neutral", margin, p]
        if layer:
            f += [label in row["entry"], label in row["stated"], label == row["top"], label in row["other"]]
        if variant == 1:
            f += list(np.eye(len(labels))[j])
        if variant == 2:
            f += list(np.eye(len(labels))[j] * margin)
        out.append(f)
    return np.array(out, dtype=float)


def fit(x: np.ndarray, y: np.ndarray, lam: float) -> np.ndarray:
    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w
        s = s - s.max(axis=1, keepdims=True)
        p = np.exp(s) / np.exp(s).sum(axis=1, keepdims=True)
        kept = (p * y).sum(axis=1) + 1e-12
        posterior = p * y / kept[:, None]
        grad = -np.einsum("nk,nkd->d", posterior - p, x) + 2 * lam * w
        return float(-np.log(kept).sum() + lam * (w @ w)), grad

    start = np.zeros(x.shape[2])
    start[1] = 1.0
    return np.asarray(minimize(loss, start, jac=True, method="L-BFGS-B").x)


def main(layer: bool) -> None:
    from reverie.analysis.emotions import load_head

    head = load_head()[0]
    data = rows()
    files = list(dict.fromkeys(r["file"] for r in data))
    y = np.array([[label in r["plausible"] for label in head.labels] for r in data], dtype=float)
    for variant in (0, 1, 2):
        x = np.array([features(r, head.labels, head.thresholds, variant, layer) for r in data])
        for lam in (0.1, 1.0, 10.0):
            folds, before_all, after_all = [], 0, 0
            for name in files:
                held = np.array([r["file"] == name for r in data])
                w = fit(x[~held], y[~held], lam)
                picked = (x[held] @ w).argmax(axis=1)
                kept = [r for r in data if r["file"] == name]
                if layer:
                    before = sum(r["top"] in r["plausible"] for r in kept)
                else:
                    before = sum(head.labels[int(np.argmax(r["probs"]))] in r["plausible"] for r in kept)
                after = sum(head.labels[int(j)] in r["plausible"] for j, r in zip(picked, kept, strict=True))
                before_all, after_all = before_all + before, after_all + after
                folds.append(
                    f"{name.removeprefix('emotion_journal') or 'base'} {before / len(kept):.3f}->{after / len(kept):.3f}"
                )
            print(
                variant,
                lam,
                "; ".join(folds),
                f"| all {before_all / len(data):.3f}->{after_all / len(data):.3f}",
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--with-layer", action="store_true")
    main(parser.parse_args().with_layer)
