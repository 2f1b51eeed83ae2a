"""An implied-feeling head for sentences the journal layer abstains on (docs/models.md, "Layer 1.5.0" item 2 and
"Implied-feeling head on a larger bank (e14)").

Journal sentences often carry their feeling in the event alone ("Lost a patient at 4am"); the GoEmotions head
reads them as neutral. This fits a multinomial logistic regression on the shared encoder's sentence vector(s) to
Reverie's own journal-voice banks of situations, no feeling word in any line, ``neutral`` for routine lines:

* ``scripts/situation_bank.jsonl`` (305 lines, ``{"text", "label", "split"}``, 9 labels): split by a hash of the
  text, as before (about a quarter held);
* ``scripts/situation_bank_w17s.jsonl`` (``{"text", "label", "voice"}``, 15 labels; written for e14): a seeded
  split, a quarter held, stratified by label with each voice kept whole on one side
  (``StratifiedGroupKFold(4)``, its first fold held).

``tune`` rows fit it; ``held`` rows are scored once, after. C is chosen by 5-fold cross-validation on the tune
rows (voices kept whole; mean log-likelihood; seeded). ``--features``: the base sentence vector (``base``), the
emotions top layer's (``top``) or both side by side (``both``), all from the pipeline's one encoder pass.
``--class-weight balanced`` weights labels by their inverse frequency; ``--merge`` answers grief as sadness, fear as
nervousness, anger as annoyance (every variant's CV accuracy is also given at that level, ``group_acc``). ``--compare`` prints every variant's tune CV
and held figures and writes nothing. Shown answers: a non-neutral top label at or over the gate; precision is the
share of them right, coverage their share of the held rows that carry a feeling. Writes
``src/reverie/analysis/models/situations/head.npz`` (byte-reproducible) and ``manifest.json`` there (the
shipped head: ``--features top --gate 0.6``, chosen by the rule in docs/models.md, e14).

    .venv/bin/python scripts/train_situations.py [--features top] [--gate 0.6] [--compare] [--old-only]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from train_emotions import _joined, save_npz

from reverie.analysis.situations import FEATURES, NEUTRAL, join_features

ROOT = Path(__file__).resolve().parents[1]
MODEL_DIR = ROOT / "src" / "reverie" / "analysis" / "models" / "situations"
BANK = ROOT / "scripts" / "situation_bank.jsonl"
BANK_W17S = ROOT / "scripts" / "situation_bank_w17s.jsonl"
SEED = 1234
CS = (0.25, 1.0, 4.0, 16.0, 64.0, 256.0, 1024.0, 4096.0)
GATES = (0.4, 0.5, 0.6, 0.7, 0.8)
# ``--merge``: close labels as one (the first of each pair answers); every variant's CV is also scored at this level
MERGE = {"grief": "sadness", "fear": "nervousness", "anger": "annoyance"}


def read_old(path: Path) -> list[dict[str, str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        expected = "held" if int(hashlib.sha256(row["text"].encode()).hexdigest(), 16) % 4 == 0 else "tune"
        if row.get("split") != expected:
            raise SystemExit(f"bank row {row['text'][:30]!r}: split must be {expected} (hash of the text)")
        row["voice"] = "old:" + row["text"]  # no voices in the first bank: each line its own
    return rows


def read_new(path: Path) -> list[dict[str, str]]:
    """The w17s bank with a seeded split: a quarter held, stratified by label, each voice on one side."""
    from sklearn.model_selection import StratifiedGroupKFold

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    y = [r["label"] for r in rows]
    groups = [str(r.get("voice", i)) for i, r in enumerate(rows)]
    folds = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=SEED)
    _, held = next(iter(folds.split(np.zeros(len(rows)), y, groups)))
    held_set = set(held.tolist())
    for i, row in enumerate(rows):
        row["split"] = "held" if i in held_set else "tune"
        row["voice"] = "w17s:" + groups[i]
    return rows


def read_banks(old_only: bool) -> list[dict[str, str]]:
    rows = read_old(BANK)
    if not old_only and BANK_W17S.exists():
        rows += read_new(BANK_W17S)
    return rows


def encode(rows: list[dict[str, str]]) -> tuple[Any, np.ndarray, np.ndarray | None]:
    from reverie.analysis.encoder import encode_both
    from reverie.analysis.onnx_encoder import load_encoder

    encoder = load_encoder()
    base, top = encode_both(encoder, [r["text"] for r in rows])
    return encoder, base, top


def choose_c(
    x: np.ndarray, y: np.ndarray, groups: list[str], class_weight: str | None, merged: np.ndarray
) -> tuple[float, dict[str, Any]]:
    """C by the CV mean log-likelihood; ``merged[j]``: label j's group (CV accuracy at that level too)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict

    folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    scores: dict[str, Any] = {}
    best, best_ll = CS[0], -np.inf
    for c in CS:
        model = LogisticRegression(C=c, max_iter=5000, random_state=SEED, class_weight=class_weight)
        pred = cross_val_predict(model, x, y, cv=folds, groups=groups, method="predict_proba")
        ll = float(np.mean(np.log(pred[np.arange(len(pred)), y] + 1e-12)))
        top = pred.argmax(axis=1)
        scores[str(c)] = {
            "ll": round(ll, 4),
            "acc": round(float((top == y).mean()), 4),
            "group_acc": round(float((merged[top] == merged[y]).mean()), 4),
        }
        if ll > best_ll:
            best, best_ll = c, ll
    return best, scores


def gate_table(probs: np.ndarray, y: np.ndarray, neutral: int) -> dict[str, Any]:
    pred = probs.argmax(axis=1)
    feeling = y != neutral
    out = {}
    for gate in GATES:
        shown = (pred != neutral) & (probs.max(axis=1) >= gate)
        right = shown & (pred == y)
        out[str(gate)] = {
            "shown": int(shown.sum()),
            "precision": round(float(right.sum() / shown.sum()), 4) if shown.any() else None,
            "coverage": round(float(right.sum() / max(1, feeling.sum())), 4),
            "neutral_credited": int((shown & ~feeling).sum()),
        }
    return out


def fit(
    rows: list[dict[str, str]],
    base: np.ndarray,
    top: np.ndarray | None,
    features: str,
    class_weight: str | None,
    merge: bool = False,
) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    if merge:
        rows = [{**r, "label": MERGE.get(r["label"], r["label"])} for r in rows]
    labels = sorted({r["label"] for r in rows})
    groups_of = sorted({MERGE.get(lab, lab) for lab in labels})
    merged = np.array([groups_of.index(MERGE.get(lab, lab)) for lab in labels])
    x = join_features(base, top, features)
    y = np.array([labels.index(r["label"]) for r in rows])
    tune = np.array([r["split"] == "tune" for r in rows])
    groups = [r["voice"] for r, t in zip(rows, tune, strict=True) if t]
    c, cv = choose_c(x[tune], y[tune], groups, class_weight, merged)
    model = LogisticRegression(C=c, max_iter=5000, random_state=SEED, class_weight=class_weight)
    model.fit(x[tune], y[tune])
    probs = model.predict_proba(x[~tune])
    held_y = y[~tune]
    neutral = labels.index(NEUTRAL)
    old = np.array([r["voice"].startswith("old:") for r, t in zip(rows, tune, strict=True) if not t])
    pred = probs.argmax(axis=1)
    figures = {
        "features": features,
        "class_weight": class_weight,
        "merge": merge,
        "labels": len(labels),
        "tune_rows": int(tune.sum()),
        "held_rows": int((~tune).sum()),
        "c": c,
        "cv": cv,
        "held_accuracy": round(float((pred == held_y).mean()), 4),
        "held_accuracy_old_bank": round(float((pred[old] == held_y[old]).mean()), 4) if old.any() else None,
        "held_accuracy_w17s": round(float((pred[~old] == held_y[~old]).mean()), 4) if (~old).any() else None,
        "gates": gate_table(probs, held_y, neutral),
    }
    return {"model": model, "labels": labels, "figures": figures}


def write(result: dict[str, Any], features: str, gate: float, encoder: Any) -> None:
    model, labels = result["model"], result["labels"]
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    artefact = MODEL_DIR / "head.npz"
    save_npz(
        artefact,
        labels=_joined(labels),
        weight=model.coef_.astype(np.float32),
        bias=model.intercept_.astype(np.float32),
    )
    banks = [BANK] + ([BANK_W17S] if BANK_W17S.exists() else [])
    manifest = {
        "schema": "reverie.situation-head/2",
        "name": "situation-head",
        "artefact": "head.npz",
        "artefact_sha256": hashlib.sha256(artefact.read_bytes()).hexdigest(),
        "banks_sha256": {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in banks},
        "data": "Reverie's own journal-voice situation banks (scripts/situation_bank*.jsonl, tune rows)",
        "encoder_model_hash": encoder.model_hash,
        "labels": labels,
        "features": features,
        "method": "multinomial logistic regression on the shared encoder's sentence vector(s) (lbfgs, L2)",
        "gate": gate,
        "seed": SEED,
        "script": "scripts/train_situations.py",
        "figures": result["figures"],
    }
    (MODEL_DIR / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--features", choices=FEATURES, default="top")
    parser.add_argument("--class-weight", choices=("none", "balanced"), default="none")
    parser.add_argument(
        "--merge", action="store_true", help="grief, fear, anger answered as their neighbours"
    )
    parser.add_argument("--gate", type=float, default=0.6)
    parser.add_argument("--compare", action="store_true", help="every variant's figures; writes nothing")
    parser.add_argument(
        "--old-only", action="store_true", help="the first bank alone (the figures before e14)"
    )
    args = parser.parse_args(argv)
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)  # lbfgs on a few hundred rows: one BLAS thread is ~50x faster on shared cores
    rows = read_banks(args.old_only)
    encoder, base, top = encode(rows)
    if args.compare:
        for features in FEATURES:
            for weight in (None, "balanced"):
                for merge in (False, True):
                    figures = fit(rows, base, top, features, weight, merge)["figures"]
                    json.dump(figures, sys.stdout)
                    print(flush=True)
        return
    weight = None if args.class_weight == "none" else args.class_weight
    result = fit(rows, base, top, args.features, weight, args.merge)
    write(result, args.features, args.gate, encoder)
    json.dump(result["figures"], sys.stdout)
    print()


if __name__ == "__main__":
    main()
