"""The seen challenge batches as training lines for the risk sentence model: a held-out check (docs/risk.md,
"Nineteenth round"). Evaluation only: nothing is written to the model folder.

Each batch of ``tests/analysis_risk/challenge_*.jsonl`` in turn is left out; the sentence model is fitted as
``train_risk.py --batches`` fits it (the bank, C-SSRS users' sentences as weak labels, the other batches' lines:
genuine or not, weight ``--weight``, no variants); the held-out batch is screened as ``screen`` reads it. Prints each
batch's flagged genuine cases and false alarms at ``--threshold`` with and without the other batches, then the pooled
out-of-fold figures over a grid. ``--frozen FILE``: also fit on every batch and screen FILE (a batch none of them is)
once. ``--everyday SPEC`` (as ``train_risk.py --everyday``, e.g. ``written:1``): everyday negatives join every fit
but the base (the base stays the shipped recipe). Last, both the base and the fit on every batch screen the demo's
entries, the written everyday bank's held third and ``scripts/risk_everyday_probe.txt`` (lines flagged per threshold).

Usage: .venv/bin/python scripts/risk_batches_lobo.py --cache /tmp/risk-emb.npz [--frozen FILE] [--everyday SPEC]
[--out OUT.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_risk as tr

GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def top_scores(p: tr.Prescreened, model: Any) -> np.ndarray:
    """Per text: 1.0 when the lexicon flags it, else the highest open unit's probability (flagged at t when >= t)."""
    probs = model.predict_proba(p.unit_x)[:, 1] if len(p.unit_x) else np.zeros(0)
    top = np.zeros(len(p.rule_level))
    np.maximum.at(top, p.unit_text, np.where(p.unit_open, probs, 0.0))
    return np.where(p.rule_level >= tr.IDEATION, 1.0, top)


def counts(flagged: np.ndarray, genuine: np.ndarray) -> list[int]:
    return [int((flagged & genuine).sum()), int((flagged & ~genuine).sum())]


def everyday_checks(base: Any, everything: Any, cache: Path | None) -> dict[str, Any]:
    """Texts flagged per threshold among the demo's entries, the written everyday bank's held third and the probe,
    by the base and by the fit on every batch (and the everyday negatives, if any)."""
    probe = [
        line
        for line in (tr.PROBE.read_text(encoding="utf-8").splitlines())
        if line.strip() and not line.startswith("#")
    ]
    sets = {
        "demo": tr.demo_entries(),
        "everyday_held": [("free_association", t) for t in tr.written_everyday(held=True)]
        if tr.EVERYDAY_BANK.exists()
        else [],
        "probe": [("free_association", t) for t in probe],
    }
    out: dict[str, Any] = {}
    for name, texts in sets.items():
        if not texts:
            continue
        screened = tr.prescreen(texts, cache)
        tops = {fit: top_scores(screened, m) for fit, m in (("base", base), ("with", everything))}
        out[name] = {
            "n": len(texts),
            **{str(t): {fit: int((top >= t).sum()) for fit, top in tops.items()} for t in GRID},
            "max": {fit: round(float(top.max()), 3) for fit, top in tops.items()},
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--data", type=Path, default=tr.DEFAULT_DATA)
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument(
        "--weight", type=float, default=1.0, help="each batch line's weight (train_risk.BATCH_WEIGHT)"
    )
    parser.add_argument("--grid", type=float, nargs="*", default=[], help="more thresholds to count at")
    parser.add_argument("--frozen", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--everyday", type=tr.parse_everyday, default=None)
    parser.add_argument(
        "--batch-labels",
        choices=("all", "content"),
        default="all",
        help="train_risk.BATCH_LABELS: every sentence of a genuine entry, or only those carrying risk content",
    )
    args = parser.parse_args()
    global GRID
    # the pooled figures at the thresholds asked for too
    GRID = tuple(sorted({*GRID, args.threshold, *args.grid}))
    paths = sorted((tr.ROOT / "tests" / "analysis_risk").glob("challenge_*.jsonl"))
    if args.frozen is not None:
        paths = [p for p in paths if p.name != args.frozen.name]
    batches = [read(p) for p in paths]
    names = [p.stem.removeprefix("challenge_") for p in paths]
    # the batch lines as train_risk's --batches rows (weight --weight), so that a fit can leave one batch (or all) out
    tr.TRAINING_BATCHES, tr.BATCH_WEIGHT, tr.BATCH_LABELS = tuple(names), args.weight, args.batch_labels
    d = tr.load(args.data, tr.DEFAULT_BANK, list(tr.DEFAULT_TUNE), args.cache, batches=True)
    users = np.arange(len(d.user_rows))
    base = tr.fit_sentence_model(d, users, leave_out_batches=names)
    if args.everyday is not None:  # after the base: it stays the shipped recipe
        tr.add_everyday(d, args.everyday, args.data.parent.parent / "goemotions" / "train.tsv", args.cache)
    report: dict[str, Any] = {
        "threshold": args.threshold,
        "weight": args.weight,
        "batch_labels": args.batch_labels,
        "everyday": str(args.everyday),
        "batches": {},
    }
    pooled: dict[str, list[float]] = {"base": [], "with": []}
    genuine_all: list[bool] = []
    for path, name, items in zip(paths, names, batches, strict=True):
        screened = tr.prescreen([("free_association", str(i["text"])) for i in items], args.cache)
        refit = tr.fit_sentence_model(d, users, start=base, leave_out_batches=[name])
        genuine = np.array([i["group"] == "genuine" for i in items])
        row = {"genuine": int(genuine.sum()), "negatives": int((~genuine).sum())}
        for fit, model in (("base", base), ("with", refit)):
            top = top_scores(screened, model)
            row[fit] = counts(top >= args.threshold, genuine)
            pooled[fit].extend(top.tolist())
        genuine_all.extend(genuine.tolist())
        report["batches"][path.stem] = row
        print(json.dumps({"batch": path.stem, **row}), flush=True)
    g = np.array(genuine_all)
    report["pooled"] = {
        str(t): {name: counts(np.array(v) >= t, g) for name, v in pooled.items()} for t in GRID
    }
    report["pooled_totals"] = {"genuine": int(g.sum()), "negatives": int((~g).sum())}
    print(json.dumps({"pooled": report["pooled"], **report["pooled_totals"]}), flush=True)
    everything = tr.fit_sentence_model(d, users, start=base)
    report["everyday_checks"] = everyday_checks(base, everything, args.cache)
    print(json.dumps({"everyday_checks": report["everyday_checks"]}), flush=True)
    if args.frozen is not None:
        refit = everything
        items = read(args.frozen)
        screened = tr.prescreen([("free_association", str(i["text"])) for i in items], args.cache)
        genuine = np.array([i["group"] == "genuine" for i in items])
        report["frozen"] = {
            str(t): {
                name: counts(top_scores(screened, m) >= t, genuine)
                for name, m in (("base", base), ("with", refit))
            }
            for t in GRID
        }
        print(json.dumps({"frozen": report["frozen"]}), flush=True)
    if args.out is not None:
        args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
