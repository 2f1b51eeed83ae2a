"""The fourth round's try for the defense head, kept to rerun, not shipped (docs/defenses.md, "Fourth round").

    PYTHONPATH=src .venv/bin/python scripts/defense_round4.py [--candidates scripts/defense_bank_round4.jsonl]

Fits the shipped head's recipe (``defense_bank``: class-balanced softmax over embedding ⊕ cue counts, 5-fold
out-of-fold probabilities on the tune rows, pooled with the final head's probabilities on the held rows) twice:
on the shipped bank, and on the shipped bank plus the candidate lines (260 journal-voice sentences written for
Reverie this round, ``split`` by the bank's hash rule). For each it applies two abstention rules, both chosen on
the pooled probabilities only (never on a key file):

- ``global``: one threshold, ``defense_bank.choose_threshold`` (what ships);
- ``per_level``: the same "more likely right than wrong" rule applied to each level 1–7 on the rows where that
  level is the most likely (at least 5 shown; a level that never qualifies keeps the highest threshold).

and prints, per setting, the held rows (the first three rounds' 130 and the 85 new ones apart) and each seen key
file: right / shown / shown precision / high-adaptive share / macro_f1_official. Aggregates only. CPU, minutes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reverie.analysis.evaluation import defense_bank as bank_mod  # noqa: E402
from reverie.analysis.evaluation.defenses import fit_softmax  # noqa: E402
from reverie.analysis.onnx_encoder import load_encoder  # noqa: E402

KEYS = ("", "2", "3", "4")


def decide(probs: np.ndarray, thresholds: tuple[float, ...]) -> list[int]:
    return bank_mod.decide(probs, 1.0, thresholds)


def line(gold: Sequence[int], predicted: Sequence[int]) -> dict[str, Any]:
    fig = bank_mod.figures(gold, predicted)
    right = sum(a == b for a, b in zip(gold, predicted, strict=True))
    keep = ("shown", "shown_precision", "high_adaptive_share", "macro_f1_official")
    return {"right": right, "n": len(gold), **{k: fig[k] for k in keep}}


def run(bank_path: Path, first_texts: set[str], encoder: Any) -> dict[str, Any]:
    bank = bank_mod.read_bank(bank_path)
    rows = bank_mod.tuning_rows(bank)
    held = [r for r in bank if r.split == "held"]
    x = bank_mod.matrix([r.text for r in rows], encoder)
    y = [r.level for r in rows]
    oof = bank_mod.out_of_fold(x, y)
    w = fit_softmax(x, y, steps=bank_mod.HEAD_STEPS)
    held_probs = bank_mod.probabilities(w, bank_mod.matrix([r.text for r in held], encoder))
    gold = y + [r.level for r in held]
    pooled = np.vstack([oof, held_probs])
    keys = []
    for suffix in KEYS:
        path = ROOT / "tests" / "fixtures" / f"defense_key_frozen{suffix}.jsonl"
        key = bank_mod.read_key(path)
        keys.append((path.name, [lv for _, lv in key], bank_mod.matrix([t for t, _ in key], encoder)))
    global_t = bank_mod.choose_threshold(gold, pooled)
    settings = {"global": (global_t,) * 7, "per_level": bank_mod.choose_level_thresholds(gold, pooled)}
    report: dict[str, Any] = {"bank_rows": len(bank), "tune_rows": len(rows)}
    for name, thresholds in settings.items():
        predicted = decide(held_probs, thresholds)
        old = [i for i, r in enumerate(held) if r.text in first_texts]
        new = [i for i, r in enumerate(held) if r.text not in first_texts]
        report[name] = {
            "thresholds": thresholds,
            "held_first_three_rounds": line([held[i].level for i in old], [predicted[i] for i in old]),
            "held_new": line([held[i].level for i in new], [predicted[i] for i in new]) if new else None,
            **{n: line(g, decide(bank_mod.probabilities(w, xk), thresholds)) for n, g, xk in keys},
        }
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=Path, default=ROOT / "scripts" / "defense_bank_round4.jsonl")
    args = parser.parse_args()
    encoder = load_encoder()
    shipped = bank_mod.BANK.read_text(encoding="utf-8")
    first = {r.text for r in bank_mod.read_bank()}
    out = {"shipped_bank": run(bank_mod.BANK, first, encoder)}
    with tempfile.TemporaryDirectory() as tmp:
        grown = Path(tmp) / "bank.jsonl"
        grown.write_text(shipped + args.candidates.read_text(encoding="utf-8"), encoding="utf-8")
        out["grown_bank"] = run(grown, first, encoder)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
