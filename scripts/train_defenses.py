"""Train Reverie's shipped defense head on its own journal-voice bank (never on PsyDefConv), reproducibly.

    .venv/bin/python scripts/train_defenses.py [--journal tests/fixtures/vignettes.jsonl] [--per-level]

Fits a class-balanced softmax regression on [encoder embedding ⊕ cue counts per level ⊕ 1] over the bank's
tune rows and the DMRS example sentences; picks the abstention threshold on 5-fold out-of-fold probabilities of
those rows pooled with the final head's probabilities on the held rows (lowest threshold where shown levels are
right ≥ 55 % of the time and those just above it at least half the time; with ``--per-level``, the same rule
for each level 1–7 as well, written as ``level_thresholds``); scores the held rows; writes
``src/reverie/analysis/models/defenses/{head.npz,manifest.json}`` with the figures. CPU, seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reverie.analysis.defenses import HEAD_DIR, HEAD_SCHEMA, load_head  # noqa: E402
from reverie.analysis.evaluation import defense_bank as bank_mod  # noqa: E402
from reverie.analysis.evaluation.defenses import fit_softmax  # noqa: E402
from reverie.analysis.onnx_encoder import load_encoder  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journal", type=Path, default=ROOT / "tests" / "fixtures" / "vignettes.jsonl")
    parser.add_argument(
        "--per-level", action="store_true", help="also choose a threshold per level 1-7 by the same rule"
    )
    args = parser.parse_args()
    encoder = load_encoder()
    bank = bank_mod.read_bank()
    rows = bank_mod.tuning_rows(bank)
    x = bank_mod.matrix([r.text for r in rows], encoder)
    y = [r.level for r in rows]
    oof = bank_mod.out_of_fold(x, y)
    tune_threshold = bank_mod.choose_threshold(y, oof)
    w = fit_softmax(x, y, steps=bank_mod.HEAD_STEPS)
    # Recalibrated with the held rows: the same rule on the tune rows' out-of-fold probabilities pooled with the
    # final head's probabilities on the held rows (a shown level more likely right than wrong on both).
    held_rows = [r for r in bank if r.split == "held"]
    held_probs = bank_mod.probabilities(w, bank_mod.matrix([r.text for r in held_rows], encoder))
    pooled_gold, pooled = y + [r.level for r in held_rows], np.vstack([oof, held_probs])
    threshold = bank_mod.choose_threshold(pooled_gold, pooled)
    levels = bank_mod.choose_level_thresholds(pooled_gold, pooled) if args.per_level else None
    tune_cv = bank_mod.figures(y, bank_mod.decide(oof, threshold, levels))
    HEAD_DIR.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(HEAD_DIR / "head.npz", weights=w)
    bank_bytes = bank_mod.BANK.read_bytes()
    manifest = {
        "schema": HEAD_SCHEMA,
        "name": "defense-head",
        "data": "Reverie's own journal-voice bank (models/defenses/bank.jsonl, tune rows) + DMRS examples",
        "licence": "shippable (written for Reverie); PsyDefConv is never used here",
        "bank_sha256": hashlib.sha256(bank_bytes).hexdigest(),
        "rows": len(rows),
        "encoder": encoder.model_hash,
        "features": "encoder embedding (384), cue counts per level (9), bias",
        "steps": bank_mod.HEAD_STEPS,
        "threshold": threshold,
        "threshold_tune_rows_only": tune_threshold,
        **({"level_thresholds": {str(i + 1): t for i, t in enumerate(levels)}} if levels else {}),
        "min_precision": bank_mod.MIN_PRECISION,
        "tune_out_of_fold": tune_cv,
    }
    (HEAD_DIR / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    head = load_head()
    assert head is not None
    manifest["held"] = bank_mod.bank_report(head, encoder, bank)
    if args.journal.is_file():
        manifest["journal"] = bank_mod.journal_report(bank_mod.journal_sentences(args.journal), head, encoder)
    (HEAD_DIR / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(
        json.dumps(
            {k: manifest[k] for k in ("threshold", "tune_out_of_fold", "held", "journal") if k in manifest}
        )
    )


if __name__ == "__main__":
    main()
