"""Where the entry panel's emotion threshold comes from: precision of emotion findings by confidence on GoEmotions dev.

Scores ``dev.tsv`` with the shipped head (the same per-label rule as the analyzer: over the label's threshold, or the
most likely label), leaves out ``neutral`` (never an observation), and prints, for each confidence floor, how many
predicted labels reach it and what share of them the human raters also gave (precision). Last line: JSON.

    .venv/bin/python scripts/observation_thresholds.py ../shared/data/goemotions/dev.tsv
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np


def main(path: Path) -> dict[str, object]:
    from reverie.analysis.emotions import load_head
    from reverie.analysis.evaluation.emotions import CHUNK, read_goemotions
    from reverie.analysis.onnx_encoder import load_encoder

    head = load_head()[0]
    encoder = load_encoder()
    texts, truth = read_goemotions(path, head.labels)
    probs = np.zeros(truth.shape, dtype=np.float32)
    for start in range(0, len(texts), CHUNK):
        chunk = texts[start : start + CHUNK]
        probs[start : start + len(chunk)] = head.probabilities(chunk, encoder.encode(chunk))
    pred = head.predict(probs)
    keep = np.array([label != "neutral" for label in head.labels])
    rows: dict[str, object] = {}
    for floor in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        chosen = pred & (probs >= floor) & keep
        n = int(chosen.sum())
        hits = int((chosen & (truth > 0)).sum())
        rows[f"{floor:.1f}"] = {"predicted": n, "precision": round(hits / n, 3) if n else None}
        print(f"confidence >= {floor:.1f}: {n:5d} labels, precision {hits / n if n else 0:.3f}")
    return {"n": len(texts), "by_floor": rows}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
