"""Train the risk screen's small model on the C-SSRS Reddit users (CC BY) and write its artefact.

Reads ``../shared/data/cssrs/users.csv`` (or ``--data``), one row per user, and fits a logistic regression on
hashed word 1–2-grams plus the lexicon's counts (features from :mod:`reverie.analysis.risk`, so training
and run time agree). Labels: ideation, behavior or attempt = positive; supportive or indicator = negative.

Honest figures: nested 5-fold cross-validation split by user (each row is one user). In each outer fold the
regularisation C and the threshold (highest that keeps inner out-of-fold recall >= the target) are chosen
on the other four folds only; the outer fold is then screened exactly as at run time. The printed
CV AUC / recall / precision are those outer-fold figures. The shipped model is then refit on all users with C
and threshold chosen by the same inner procedure, and written to
``src/reverie/analysis/models/risk/{risk_model.npz, manifest.json}``.

Usage (from the project root, with the ``train`` extras)::

    .venv/bin/python scripts/train_risk.py                 # nested CV, then fit and write the artefact
    .venv/bin/python scripts/train_risk.py --cv-only       # figures only, nothing written
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reverie.analysis import risk_lexicon as lex  # noqa: E402
from reverie.analysis.evaluation.risk import LABELS, POSITIVE, auc, read_users, summarise  # noqa: E402
from reverie.analysis.risk import (  # noqa: E402
    HASH_DIM,
    LEVELS,
    MODEL_DIR,
    MODEL_FILE,
    RULE_FEATURES,
    decide,
    model_text,
    ngram_features,
    rule_features,
)

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "cssrs" / "users.csv"
SEED = 20260
FOLDS = 5
C_GRID = (1.0, 4.0, 16.0)
TARGET_RECALL = 0.95


@dataclass(frozen=True, slots=True)
class Corpus:
    x: sparse.csr_matrix
    y: np.ndarray
    labels: list[str]
    hits: list[list[lex.Hit]]


def build_corpus(path: Path) -> Corpus:
    users = read_users(path)
    rows, cols, vals = [], [], []
    all_hits = []
    for i, user in enumerate(users):
        hits = lex.read(user.text)
        all_hits.append(hits)
        masked = model_text(user.text, hits)
        grams = ngram_features(masked)
        extra = rule_features(masked, hits)
        for j, v in list(grams.items()) + [(HASH_DIM + k, v) for k, v in enumerate(extra) if v]:
            rows.append(i)
            cols.append(j)
            vals.append(v)
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(users), HASH_DIM + len(RULE_FEATURES)))
    y = np.array([u.label in POSITIVE for u in users], dtype=np.int64)
    return Corpus(x=x, y=y, labels=[u.label for u in users], hits=all_hits)


def fit(x: sparse.csr_matrix, y: np.ndarray, c: float) -> LogisticRegression:
    model = LogisticRegression(
        C=c, solver="liblinear", class_weight="balanced", max_iter=2000, random_state=SEED
    )
    return model.fit(x, y)


def screened(
    hits: Sequence[list[lex.Hit]], probs: np.ndarray, threshold: float, person: bool = True
) -> tuple[list[str], list[float]]:
    """Levels and scores exactly as :mod:`reverie.analysis.risk` combines them (each row is one person)."""
    out = [decide(h, float(p), threshold, person=person) for h, p in zip(hits, probs, strict=True)]
    return [LEVELS[level] for level, _ in out], [score for _, score in out]


def oof_probabilities(corpus: Corpus, index: np.ndarray, c: float, seed: int) -> np.ndarray:
    probs = np.zeros(len(index))
    strata = np.array([LABELS.index(corpus.labels[i]) for i in index])
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(index, strata):
        model = fit(corpus.x[index[train]], corpus.y[index[train]], c)
        probs[test] = model.predict_proba(corpus.x[index[test]])[:, 1]
    return probs


def threshold_for_recall(corpus: Corpus, index: np.ndarray, probs: np.ndarray) -> float:
    """The highest threshold whose screened recall on these rows is at least ``TARGET_RECALL``."""
    hits = [corpus.hits[i] for i in index]
    positive = corpus.y[index] == 1
    for t in np.round(np.arange(0.95, 0.01, -0.01), 2):
        levels, _ = screened(hits, probs, float(t))
        flagged = np.array([LEVELS.index(lvl) >= 2 for lvl in levels])
        if (flagged & positive).sum() >= TARGET_RECALL * positive.sum():
            return float(t)
    return 0.01


def choose(corpus: Corpus, index: np.ndarray, seed: int) -> tuple[float, float, dict[str, Any]]:
    """C and threshold chosen on ``index`` only, by inner out-of-fold precision at the target recall."""
    best: tuple[float, float, float, float] | None = None
    for c in C_GRID:
        probs = oof_probabilities(corpus, index, c, seed)
        t = threshold_for_recall(corpus, index, probs)
        levels, scores = screened([corpus.hits[i] for i in index], probs, t)
        stats = summarise([corpus.labels[i] for i in index], levels, scores)
        key = (stats["precision"] or 0.0, stats["auc"] or 0.0, c, t)
        if best is None or key[:2] > best[:2]:
            best = key
    assert best is not None
    return best[2], best[3], {"inner_precision": best[0], "inner_auc": best[1]}


def nested_cv(corpus: Corpus) -> dict[str, Any]:
    n = len(corpus.labels)
    strata = np.array([LABELS.index(label) for label in corpus.labels])
    levels: list[str] = [""] * n
    entry_levels: list[str] = [""] * n
    entry_scores = np.zeros(n)
    scores = np.zeros(n)
    probs = np.zeros(n)
    chosen = []
    for fold, (train, test) in enumerate(
        StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(strata, strata)
    ):
        c, t, inner = choose(corpus, train, SEED + fold + 1)
        model = fit(corpus.x[train], corpus.y[train], c)
        p = model.predict_proba(corpus.x[test])[:, 1]
        fold_levels, fold_scores = screened([corpus.hits[i] for i in test], p, t)
        gated_levels, gated_scores = screened([corpus.hits[i] for i in test], p, t, person=False)
        for k, i in enumerate(test):
            levels[i], scores[i], probs[i] = fold_levels[k], fold_scores[k], p[k]
            entry_levels[i], entry_scores[i] = gated_levels[k], gated_scores[k]
        chosen.append({"fold": fold, "C": c, "threshold": t, **inner})
        print(
            f"fold {fold}: C={c} threshold={t:.2f} inner precision={inner['inner_precision']:.3f}", flush=True
        )
    report = summarise(corpus.labels, levels, list(scores))
    report["model_only_auc"] = auc(list(probs), list(corpus.y == 1))
    entry = summarise(corpus.labels, entry_levels, list(entry_scores))
    report["entry_mode"] = {k: entry[k] for k in ("auc", "recall", "precision", "confusion")}
    report["folds"] = chosen
    return report


def rules_only(corpus: Corpus) -> dict[str, Any]:
    out = [decide(h, None, 0.5, person=False) for h in corpus.hits]
    return summarise(corpus.labels, [LEVELS[level] for level, _ in out], [score for _, score in out])


def write_artefact(model: LogisticRegression, c: float, threshold: float, meta: dict[str, Any]) -> None:
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    weights = model.coef_[0].astype(np.float32)
    path = MODEL_DIR / MODEL_FILE
    np.savez_compressed(
        path,
        ngram_weights=weights[:HASH_DIM],
        rule_weights=weights[HASH_DIM:],
        bias=np.float32(model.intercept_[0]),
    )
    meta = {
        **meta,
        "C": c,
        "threshold": threshold,
        "model_hash": hashlib.sha256(path.read_bytes()).hexdigest(),
    }
    (MODEL_DIR / "manifest.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes) and manifest.json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cv-only", action="store_true")
    args = parser.parse_args()
    corpus = build_corpus(args.data)
    print(f"users: {len(corpus.labels)}, positive (ideation or worse): {int(corpus.y.sum())}")
    baseline = rules_only(corpus)
    print(
        f"rules only: recall={baseline['recall']:.3f} precision={baseline['precision']:.3f} auc={baseline['auc']:.3f}"
    )
    cv = nested_cv(corpus)
    print(
        f"nested {FOLDS}-fold CV (unseen users): AUC={cv['auc']:.3f} recall={cv['recall']:.3f} "
        f"precision={cv['precision']:.3f} (model-only AUC={cv['model_only_auc']:.3f})"
    )
    print("confusion (rows " + ", ".join(LABELS) + "; columns " + ", ".join(LEVELS) + "):")
    for row in cv["confusion"]:
        print("   ", row)
    entry = cv["entry_mode"]
    print(
        f"same folds, entry mode (levels from the lexicon, model places the score): AUC={entry['auc']:.3f} "
        f"recall={entry['recall']:.3f} precision={entry['precision']:.3f}"
    )
    if args.cv_only:
        return
    everyone = np.arange(len(corpus.labels))
    c, threshold, inner = choose(corpus, everyone, SEED)
    meta = {
        "name": "risk-ngram-lr",
        "data": "cssrs/users.csv (Gaur et al. 2019, CC BY)",
        "data_sha256": hashlib.sha256(args.data.read_bytes()).hexdigest(),
        "n_users": len(corpus.labels),
        "seed": SEED,
        "features": {
            "hash_dim": HASH_DIM,
            "ngrams": "word 1-2, log1p counts, L2",
            "rules": list(RULE_FEATURES),
        },
        "target_recall": TARGET_RECALL,
        "cv": {
            k: cv[k]
            for k in ("n", "auc", "recall", "precision", "confusion", "model_only_auc", "entry_mode", "folds")
        },
        "rules_only": {k: baseline[k] for k in ("auc", "recall", "precision")},
        "selection_on_all_users": inner,
    }
    write_artefact(fit(corpus.x, corpus.y, c), c, threshold, meta)


if __name__ == "__main__":
    main()
