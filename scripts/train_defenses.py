"""Train Reverie's shipped defense head on its own journal-voice bank (never on PsyDefConv), reproducibly.

    .venv/bin/python scripts/train_defenses.py [--journal tests/fixtures/vignettes.jsonl] [--per-level]
        [--level-floors 0.30,0.35,0.40,0.45]

Fits a class-balanced softmax regression on [encoder embedding ⊕ cue counts per level ⊕ 1] over the bank's
tune rows and the DMRS example sentences; picks the abstention threshold on 5-fold out-of-fold probabilities of
those rows pooled with the final head's probabilities on the held rows (lowest threshold where shown levels are
right ≥ 55 % of the time and those just above it at least half the time; with ``--per-level``, the same rule
for each level 1–7 as well, each then raised to at least a floor chosen on the held rows only among
``--level-floors``: the one with the most held rows right whose shown levels there are right ≥ 80 % of the
time, ties to the higher; written as ``level_thresholds``, the floor and its table in the manifest); scores the
held rows; writes
``src/reverie/analysis/models/defenses/{head.npz,manifest.json}`` with the figures. CPU, seconds.
Byte-reproducible: the fit and folds are seeded, and ``head.npz`` is written with fixed zip timestamps, so two
runs on the same bank and encoder give identical files (``tests/analysis_defenses/test_train_reproducible.py``).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reverie.analysis.defenses import HEAD_DIR, HEAD_SCHEMA, load_head, risk_guarded_text  # noqa: E402
from reverie.analysis.evaluation import defense_bank as bank_mod  # noqa: E402
from reverie.analysis.evaluation.defenses import fit_softmax  # noqa: E402
from reverie.analysis.onnx_encoder import load_encoder  # noqa: E402

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest date: no wall clock in the artefact


def write_npz(path: Path, **arrays: np.ndarray) -> None:
    """``np.savez_compressed`` without its one source of run-to-run difference: each member's zip timestamp
    (fixed here), so the same weights give the same bytes."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asanyarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, buffer.getvalue())


def train(
    out_dir: Path,
    encoder: Any,
    *,
    bank_path: Path = bank_mod.BANK,
    journal: Path | None = None,
    per_level: bool = False,
    level_floors: Sequence[float] = bank_mod.LEVEL_FLOORS,
) -> dict[str, Any]:
    """Fit the head on ``bank_path`` and write ``head.npz`` and ``manifest.json`` to ``out_dir``; the manifest."""
    bank = bank_mod.read_bank(bank_path)
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
    levels = bank_mod.choose_level_thresholds(pooled_gold, pooled) if per_level else None
    floor: dict[str, Any] = {}
    if levels is not None and level_floors:
        # The floor under every per-level bar, chosen on the held rows only (the analyzer's decisions there,
        # through the risk guard): never a bar at which a level is shown however unsure the head is.
        guarded = [risk_guarded_text(r.text) for r in held_rows]
        held_gold = [r.level for r in held_rows]
        chosen, met, table = bank_mod.choose_level_floor(held_gold, held_probs, levels, guarded, level_floors)
        floor = {
            "level_thresholds_before_floor": {str(i + 1): t for i, t in enumerate(levels)},
            "level_floor": chosen,
            "level_floor_candidates": [float(f) for f in level_floors],
            "level_floor_rule": f"most held rows right with held shown precision >= {bank_mod.HELD_MIN_PRECISION}"
            ", ties to the higher floor; the highest floor if none qualifies",
            "level_floor_met_precision": met,
            "level_floor_held": table,
        }
        levels = bank_mod.floored(levels, chosen)
    tune_cv = bank_mod.figures(y, bank_mod.decide(oof, threshold, levels))
    out_dir.mkdir(parents=True, exist_ok=True)
    write_npz(out_dir / "head.npz", weights=w)
    manifest: dict[str, Any] = {
        "schema": HEAD_SCHEMA,
        "name": "defense-head",
        "data": "Reverie's own journal-voice bank (models/defenses/bank.jsonl, tune rows) + DMRS examples",
        "licence": "shippable (written for Reverie); PsyDefConv is never used here",
        "bank_sha256": hashlib.sha256(bank_path.read_bytes()).hexdigest(),
        "rows": len(rows),
        "encoder": encoder.model_hash,
        "features": "encoder embedding (384), cue counts per level (9), bias",
        "steps": bank_mod.HEAD_STEPS,
        "threshold": threshold,
        "threshold_tune_rows_only": tune_threshold,
        **({"level_thresholds": {str(i + 1): t for i, t in enumerate(levels)}} if levels else {}),
        **floor,
        "min_precision": bank_mod.MIN_PRECISION,
        "tune_out_of_fold": tune_cv,
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    head = load_head(out_dir)
    assert head is not None
    manifest["held"] = bank_mod.bank_report(head, encoder, bank)
    if journal is not None and journal.is_file():
        manifest["journal"] = bank_mod.journal_report(bank_mod.journal_sentences(journal), head, encoder)
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def _floors(text: str) -> tuple[float, ...]:
    try:
        values = tuple(float(v) for v in text.split(",") if v.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError("floors are numbers from 0 to 1, comma-separated") from exc
    if not values or not all(0.0 <= v <= 1.0 for v in values):
        raise argparse.ArgumentTypeError("floors are numbers from 0 to 1, comma-separated")
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journal", type=Path, default=ROOT / "tests" / "fixtures" / "vignettes.jsonl")
    parser.add_argument(
        "--per-level", action="store_true", help="also choose a threshold per level 1-7 by the same rule"
    )
    parser.add_argument(
        "--level-floors",
        type=_floors,
        default=bank_mod.LEVEL_FLOORS,
        help="with --per-level: the floors tried under every per-level bar, comma-separated (one value pins it)",
    )
    args = parser.parse_args()
    manifest = train(
        HEAD_DIR,
        load_encoder(),
        journal=args.journal,
        per_level=args.per_level,
        level_floors=args.level_floors,
    )
    print(
        json.dumps(
            {
                k: manifest[k]
                for k in (
                    "threshold",
                    "level_thresholds",
                    "level_floor",
                    "tune_out_of_fold",
                    "held",
                    "journal",
                )
                if k in manifest
            }
        )
    )


if __name__ == "__main__":
    main()
