"""A try, not shipped: an implied-feeling head for sentences the journal layer abstains on (docs/models.md,
"Layer 1.5.0": tried and not shipped).

Journal sentences often carry their feeling in the event alone ("Lost a patient at 4am"); the GoEmotions head
reads them as neutral. This fits a multinomial logistic regression on the shared encoder's sentence vector to
Reverie's own journal-voice bank of situations (``scripts/situation_bank.jsonl``, ``{"text", "label", "split"}``,
305 lines written for Reverie, no feeling word in any line, 9 labels with ``neutral`` for routine lines), split
by a hash of the text: ``tune`` rows fit it, ``held`` rows (about a quarter) are scored once, after. C is chosen
by 5-fold stratified cross-validation on the tune rows (seeded). ``--gate``: the least probability at which a
non-neutral label would be credited. Writes ``build/situations/head.npz`` (byte-reproducible) and
``manifest.json`` there; the analyzer does not read them.

    .venv/bin/python scripts/train_situations.py [--gate 0.5]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
from train_emotions import save_npz  # scripts/ is on the path when this script runs

ROOT = Path(__file__).resolve().parents[1]
MODEL_DIR = ROOT / "build" / "situations"
BANK = ROOT / "scripts" / "situation_bank.jsonl"
SEED = 1234
CS = (1.0, 4.0, 16.0, 64.0, 256.0)


def read_bank(path: Path) -> list[dict[str, str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        expected = "held" if int(hashlib.sha256(row["text"].encode()).hexdigest(), 16) % 4 == 0 else "tune"
        if row.get("split") != expected:
            raise SystemExit(f"bank row {row['text'][:30]!r}: split must be {expected} (hash of the text)")
    return rows


def main(gate: float) -> dict[str, object]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from reverie.analysis.onnx_encoder import load_encoder

    bank_path = BANK
    rows = read_bank(bank_path)
    labels = sorted({r["label"] for r in rows})
    encoder = load_encoder()
    vectors = encoder.encode([r["text"] for r in rows])
    y = np.array([labels.index(r["label"]) for r in rows])
    tune = np.array([r["split"] == "tune" for r in rows])
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    scores = {}
    for c in CS:
        model = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
        pred = cross_val_predict(model, vectors[tune], y[tune], cv=folds, method="predict_proba")
        scores[c] = float(np.mean(np.log(pred[np.arange(len(pred)), y[tune]] + 1e-12)))
    best = max(CS, key=lambda c: scores[c])
    model = LogisticRegression(C=best, max_iter=5000, random_state=SEED).fit(vectors[tune], y[tune])
    held_probs = model.predict_proba(vectors[~tune])
    held_pred = held_probs.argmax(axis=1)
    neutral = labels.index("neutral")
    shown = (held_pred != neutral) & (held_probs.max(axis=1) >= gate)
    held_y = y[~tune]
    figures = {
        "tune_rows": int(tune.sum()),
        "held_rows": int((~tune).sum()),
        "cv_mean_log_likelihood": {str(c): round(s, 4) for c, s in scores.items()},
        "c": best,
        "held_accuracy": round(float((held_pred == held_y).mean()), 4),
        "held_shown": int(shown.sum()),
        "held_shown_precision": round(float((held_pred[shown] == held_y[shown]).mean()), 4)
        if shown.any()
        else None,
        "held_neutral_credited": int((shown & (held_y == neutral)).sum()),
        "held_neutral_rows": int((held_y == neutral).sum()),
    }
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    artefact = MODEL_DIR / "head.npz"
    save_npz(artefact, weight=model.coef_.astype(np.float32), bias=model.intercept_.astype(np.float32))
    manifest = {
        "schema": "reverie.situation-head/1",
        "name": "situation-head",
        "artefact": "head.npz",
        "artefact_sha256": hashlib.sha256(artefact.read_bytes()).hexdigest(),
        "bank_sha256": hashlib.sha256(bank_path.read_bytes()).hexdigest(),
        "data": "Reverie's own journal-voice situation bank (scripts/situation_bank.jsonl, tune rows)",
        "encoder_model_hash": encoder.model_hash,
        "labels": labels,
        "method": "multinomial logistic regression on the shared encoder's sentence vector (lbfgs, L2)",
        "gate": gate,
        "seed": SEED,
        "script": "scripts/train_situations.py",
        "figures": figures,
    }
    (MODEL_DIR / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gate", type=float, default=0.5)
    args = parser.parse_args()
    json.dump(main(args.gate), sys.stdout)
    print()
