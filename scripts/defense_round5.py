"""The fifth round's measurements for the defense head (docs/defenses.md, "Fifth round"), kept to rerun.

    PYTHONPATH=src .venv/bin/python scripts/defense_round5.py

Fits the shipped head's recipe (``defense_bank``: class-balanced softmax over embedding ⊕ cue counts, 5-fold
out-of-fold probabilities on the tune rows pooled with the final head's probabilities on the held rows) on
three banks: the shipped bank; the shipped bank plus this round's plainly stated despair and low mood as level 0
(``defense_bank_round5.jsonl``); and that plus the fourth round's candidate lines (``defense_bank_round4.jsonl``).
For each, one threshold (``choose_threshold``) and per-level thresholds (``choose_level_thresholds``), both chosen
on the pooled probabilities only (never on a key file), and every decision through the analyzer's risk guard.
Prints, per setting: the held rows (first three rounds' 130, the fourth round's 85, this round's), every seen
key file, ``defense_low_mood_check.jsonl`` (24 plainly low-mood sentences written this round, never trained on:
any level shown there is wrong), the held-out vignette sentences, and the despair entry of
``test_one_high_adaptive_sentence_gives_no_odf_in_an_entry_about_dying``: right / shown / shown precision /
high-adaptive share / macro_f1_official. Aggregates only. CPU, minutes.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reverie.analysis.defenses import risk_guarded_text  # noqa: E402
from reverie.analysis.evaluation import defense_bank as bank_mod  # noqa: E402
from reverie.analysis.evaluation.defenses import fit_softmax  # noqa: E402
from reverie.analysis.onnx_encoder import load_encoder  # noqa: E402

KEYS = ("", "2", "3", "4", "5")
SCRIPTS = ROOT / "scripts"
DYING = [
    "I don't want to be alive anymore.",
    "Everyone would be better off without me.",
    "I talked to my sister about it and it really helped.",
]


def decide(texts: Sequence[str], probs: np.ndarray, thresholds: tuple[float, ...]) -> list[int]:
    levels = bank_mod.decide(probs, 1.0, thresholds)
    return [0 if risk_guarded_text(t) else lv for t, lv in zip(texts, levels, strict=True)]


def line(gold: Sequence[int], predicted: Sequence[int]) -> dict[str, Any]:
    fig = bank_mod.figures(gold, predicted)
    right = sum(a == b for a, b in zip(gold, predicted, strict=True))
    keep = ("shown", "shown_precision", "high_adaptive_share", "macro_f1_official")
    return {"right": right, "n": len(gold), **{k: fig[k] for k in keep}}


def run(bank_path: Path, groups: dict[str, set[str]], encoder: Any) -> dict[str, Any]:
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
    checks: list[tuple[str, list[str], list[int]]] = []
    for suffix in KEYS:
        path = ROOT / "tests" / "fixtures" / f"defense_key_frozen{suffix}.jsonl"
        key = bank_mod.read_key(path)
        checks.append((path.name, [t for t, _ in key], [lv for _, lv in key]))
    low = bank_mod.read_key(SCRIPTS / "defense_low_mood_check.jsonl")
    checks.append(("low_mood_check", [t for t, _ in low], [lv for _, lv in low]))
    vignettes = bank_mod.journal_sentences(ROOT / "tests" / "fixtures" / "vignettes_holdout.jsonl")
    global_t = bank_mod.choose_threshold(gold, pooled)
    settings = {"global": (global_t,) * 7, "per_level": bank_mod.choose_level_thresholds(gold, pooled)}
    report: dict[str, Any] = {"bank_rows": len(bank), "tune_rows": len(rows)}
    held_texts = [r.text for r in held]
    for name, thresholds in settings.items():
        predicted = decide(held_texts, held_probs, thresholds)
        out: dict[str, Any] = {"thresholds": thresholds}
        for group, texts in groups.items():
            idx = [i for i, r in enumerate(held) if r.text in texts]
            if idx:
                out[f"held_{group}"] = line([held[i].level for i in idx], [predicted[i] for i in idx])
        for check, texts, levels in checks:
            probs = bank_mod.probabilities(w, bank_mod.matrix(texts, encoder))
            out[check] = line(levels, decide(texts, probs, thresholds))
        vp = decide(vignettes, bank_mod.probabilities(w, bank_mod.matrix(vignettes, encoder)), thresholds)
        out["vignettes_holdout"] = {
            "sentences": len(vp),
            "high_adaptive_share": round(sum(p == 7 for p in vp) / len(vp), 4),
            "shown": sum(p != 0 for p in vp),
        }
        dp = bank_mod.probabilities(w, bank_mod.matrix(DYING, encoder))
        out["dying_entry_levels"] = decide(DYING, dp, thresholds)
        out["dying_entry_levels_without_guard"] = bank_mod.decide(dp, 1.0, thresholds)
        report[name] = out
    return report


def main() -> None:
    encoder = load_encoder()
    shipped = bank_mod.BANK.read_text(encoding="utf-8")
    round4 = (SCRIPTS / "defense_bank_round4.jsonl").read_text(encoding="utf-8")
    round5 = (SCRIPTS / "defense_bank_round5.jsonl").read_text(encoding="utf-8")
    groups = {
        "first_three_rounds": {r.text for r in bank_mod.read_bank()},
        "round4": {json.loads(t)["text"] for t in round4.splitlines() if t.strip()},
        "round5_despair": {json.loads(t)["text"] for t in round5.splitlines() if t.strip()},
    }
    out: dict[str, Any] = {}
    banks = {"shipped": shipped, "shipped_plus_despair": shipped + round5, "grown": shipped + round4 + round5}
    only = sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in banks.items():
            if only and name not in only:
                continue
            path = Path(tmp) / f"{name}.jsonl"
            path.write_text(text, encoding="utf-8")
            out[name] = run(path, groups, encoder)
            print(json.dumps({name: out[name]}), flush=True)


if __name__ == "__main__":
    main()
