"""Experiment (not shipped): can a learned W/RO/RS coder on the shared encoder beat the rules on unseen text?

    .venv/bin/python scripts/ccrt_learned_cv.py

Data: the hand-coded tuning vignettes only (``tests/fixtures/vignettes.jsonl`` + ``vignettes_holdout.jsonl``,
single-episode texts). Features per text: the mean embedding of its wish sentences ("I wanted / needed / hoped
…"), of its other sentences but the last, and of its last sentence (a crude W / RO / RS layout), each 384-d.
Model: class-balanced softmax regression per component (numpy). Prints 5-fold cross-validated accuracy per
component as JSON, and the majority-class floor. The frozen batch is never read here.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reverie.analysis.document import prepare  # noqa: E402
from reverie.analysis.onnx_encoder import load_encoder  # noqa: E402

WISH = re.compile(
    r"\b(?:want|wanted|wish|wished|hope|hoped|hoping|need|needed|longed|'d like|would like)\b", re.I
)
FILES = ("vignettes.jsonl", "vignettes_holdout.jsonl")


def softmax_fit(x: np.ndarray, y: np.ndarray, classes: int, l2: float = 1e-2, steps: int = 300) -> np.ndarray:
    onehot = np.eye(classes)[y]
    counts = np.bincount(y, minlength=classes).astype(float)
    weight = np.where(counts > 0, len(y) / (classes * np.maximum(counts, 1)), 0.0)[y]
    w = np.zeros((x.shape[1], classes))
    for _ in range(steps):
        z = x @ w
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        w -= 1.0 * (x.T @ ((p - onehot) * weight[:, None]) / len(y) + l2 * w)
    return w


def main() -> None:
    encoder = load_encoder()
    rows = []
    for name in FILES:
        for line in (ROOT / "tests" / "fixtures" / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            eps = row["episodes"]
            if len(eps) == 1 and all(eps[0].get(k) for k in ("w", "ro", "rs")):
                rows.append((row["text"], eps[0]))
    feats = []
    for text, _ in rows:
        sentences = [s.text for s in prepare(text).sentences] or [text]
        vec = encoder.encode(sentences)
        wish = [i for i, s in enumerate(sentences) if WISH.search(s)]
        rest = [i for i in range(len(sentences) - 1) if i not in wish] or [0]
        parts = [vec[wish].mean(axis=0) if wish else np.zeros(vec.shape[1]), vec[rest].mean(axis=0), vec[-1]]
        feats.append(np.concatenate([*parts, [1.0]]))
    x = np.array(feats)
    order = np.random.default_rng(5).permutation(len(rows))
    report: dict[str, object] = {"texts": len(rows)}
    for comp in ("w", "ro", "rs"):
        y = np.array([ep[comp] - 1 for _, ep in rows])
        pred = np.zeros(len(y), dtype=int)
        for k in range(5):
            test = order[k::5]
            train = np.setdiff1d(order, test)
            pred[test] = np.argmax(x[test] @ softmax_fit(x[train], y[train], 8), axis=1)
        report[f"{comp}_cv_accuracy"] = round(float((pred == y).mean()), 4)
        report[f"{comp}_majority"] = round(float(np.bincount(y).max() / len(y)), 4)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
