"""GoEmotions dev as the analyzer labels it (head + journal layer), with honest thresholds.

Thresholds tuned on one half of dev and scored on the other (two-fold, the halves of
``train_emotions.cross_fitted_macro_f1`` with seeds 1234 and 7), then the layer applied with those thresholds;
also the figure with the shipped thresholds (tuned on all of dev, optimistic). The dev probabilities are read
as the analyzer reads them (``sentence_probabilities``: the blend with the top layer where the manifest switches
it on, else the head alone) and cached in ``build/emotions-cache/dev_probs.<model hash>.npy``.

    .venv/bin/python scripts/emotion_layer_halves.py [../shared/data/goemotions/dev.tsv]
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np

from reverie.analysis.emotions import load_head, sentence_probabilities
from reverie.analysis.evaluation.emotions import f1_scores, read_goemotions, scoped

ROOT = Path(__file__).resolve().parents[1]
CACHE_DIR = ROOT / "build" / "emotions-cache"


def _train_module() -> object:
    spec = importlib.util.spec_from_file_location("train_emotions", ROOT / "scripts" / "train_emotions.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(path: Path) -> dict[str, object]:
    te = _train_module()
    head, model_hash = load_head()
    texts, truth = read_goemotions(path, head.labels)
    from reverie.analysis.onnx_encoder import load_encoder

    encoder = load_encoder()
    head = sentence_probabilities(head, texts[:1], encoder)[0]  # the head that reads (blend or alone)
    cache = CACHE_DIR / f"dev_probs.{model_hash.replace('+', '-')}.{head.top is not None:d}.npy"
    if cache.exists():
        probs = np.load(cache)
    else:
        probs = np.zeros(truth.shape, dtype=np.float32)
        for start in range(0, len(texts), 256):
            chunk = texts[start : start + 256]
            probs[start : start + len(chunk)] = sentence_probabilities(head, chunk, encoder)[1]
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.save(cache, probs)
    y = truth.astype(float)
    out: dict[str, object] = {}
    for seed in (1234, 7):
        order = np.random.default_rng(seed).permutation(len(y))
        halves = (order[: len(y) // 2], order[len(y) // 2 :])
        pred_head = np.zeros_like(y)
        pred_layer = np.zeros_like(truth)
        for tune, score in (halves, halves[::-1]):
            thresholds = te.tune_thresholds(y[tune], probs[tune]).astype(np.float32)  # type: ignore[attr-defined]
            pred = te.predict(probs[score], thresholds)  # type: ignore[attr-defined]
            pred_head[score] = pred
            tuned = dataclasses.replace(head, thresholds=thresholds)
            pred_layer[score] = scoped(
                [texts[i] for i in score], tuned, probs[score], pred.astype(truth.dtype)
            )
        out[f"halves_seed{seed}"] = {
            "head": round(float(te.f1_per_label(y, pred_head).mean()), 4),  # type: ignore[attr-defined]
            "layer": round(float(f1_scores(truth, pred_layer)[0].mean()), 4),
        }
    pred = head.predict(probs).astype(truth.dtype)
    out["dev_thresholds"] = {
        "head": round(float(f1_scores(truth, pred)[0].mean()), 4),
        "layer": round(float(f1_scores(truth, scoped(texts, head, probs, pred))[0].mean()), 4),
    }
    return out


if __name__ == "__main__":
    default = ROOT.parent / "shared" / "data" / "goemotions" / "dev.tsv"
    print(json.dumps(main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)))
