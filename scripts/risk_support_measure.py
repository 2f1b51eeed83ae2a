"""Measure the h37 support gate on the seen challenge batches (docs/risk.md, "h37", protocol written first).

One memoised encoder. For every seen line (``tests/analysis_risk/challenge_*.jsonl``) the shipped screen is run;
for a flag on the model alone, the highest cosine of its raising sentences to the support vectors says at which
thresholds it would stand. The threshold is chosen by the protocol's rule on the pooled figures (grid 0.30 … 0.99:
the fewest false alarms with genuine flagged down by at most 0.5 % of the genuine count; stop if false alarms do not
fall by ≥ 10 %). Then baseline and candidate are measured with ``challenge_figures``, pooled and per batch, in the
same run. Prints counts only (no line text); ``--batch PATH`` measures one other file with the threshold given by
``--threshold`` (the frozen batch, once).

Usage (from the project root)::

    .venv/bin/python scripts/risk_support_measure.py OUT.json [--threshold T --batch PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from build_risk_support import support_rows  # noqa: E402

from reverie.analysis import risk as risk_mod  # noqa: E402
from reverie.analysis import risk_lexicon as lex  # noqa: E402
from reverie.analysis.encoder import encode_output  # noqa: E402
from reverie.analysis.evaluation.risk import (  # noqa: E402
    _MemoEncoder,
    challenge_batches,
    challenge_figures,
    read_challenge,
)
from reverie.analysis.onnx_encoder import load_encoder  # noqa: E402

GRID = [round(0.30 + 0.01 * i, 2) for i in range(70)]


def counts(figures: dict[str, Any]) -> tuple[int, int, int, int]:
    g, n = figures["n_genuine"], figures["n_negative"]
    return (
        round(figures["genuine_flagged"] * g) if g else 0,
        g,
        round(figures["false_alarm_rate"] * n) if n else 0,
        n,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--threshold", type=float)
    parser.add_argument("--batch", type=Path)
    args = parser.parse_args()
    encoder = _MemoEncoder(load_encoder())
    base = risk_mod.load_model(support=False)
    assert base is not None and base.support is None
    vectors = support_rows(base, encoder)
    print("support vectors", len(vectors), flush=True)
    report: dict[str, Any] = {"n_support": len(vectors)}
    if args.batch is not None:
        assert args.threshold is not None
        cand = replace(
            base, support=risk_mod.Support(risk_mod.support_vectors(vectors), args.threshold, "h37")
        )
        items = read_challenge(args.batch)
        report["batch"] = {
            "baseline": counts(challenge_figures(items, model=base, encoder=encoder)),
            "candidate": counts(challenge_figures(items, model=cand, encoder=encoder)),
            "threshold": args.threshold,
        }
        print(report["batch"], flush=True)
        args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")
        return
    support = risk_mod.Support(risk_mod.support_vectors(vectors), 1.0, "sweep")
    rows = []
    batches = challenge_batches(ROOT / "tests" / "analysis_risk")
    for batch, path in batches.items():
        for item in read_challenge(path):
            text = str(item["text"])
            result = risk_mod.screen(text, model=base, encoder=encoder)
            near = None
            if result.model_alone:
                hits = list(lex.reading(text, "free_association").hits)
                masked = risk_mod.model_text(text, hits)
                units = [
                    masked[t.span.start : t.span.end].strip() or "."
                    for t in result.triggers
                    if t.rule == "model"
                ]
                if units:
                    near = float(
                        support.resemblance(encode_output(encoder, units, base.encoder_output)).max()
                    )
                else:
                    near = 1.0  # flagged on the level rule alone: never happens without a model trigger
            rows.append((batch, item["group"] == "genuine", result.flagged, near))
        print(batch, "screened", flush=True)
    n_gen = sum(r[1] for r in rows)
    base_gen = sum(r[1] and r[2] for r in rows)
    base_fa = sum((not r[1]) and r[2] for r in rows)
    sweep = []
    for t in GRID:
        keep = [r for r in rows if r[2] and (r[3] is None or r[3] >= t)]
        sweep.append((t, sum(r[1] for r in keep), sum(not r[1] for r in keep)))
    report["pooled_baseline_sweep"] = [base_gen, n_gen, base_fa, len(rows) - n_gen]
    report["sweep"] = sweep
    allowed = base_gen - 0.005 * n_gen
    eligible = [s for s in sweep if s[1] >= allowed]
    best = min(eligible, key=lambda s: (s[2], s[0]))
    report["chosen"] = best
    report["passes_10pct"] = best[2] <= 0.9 * base_fa
    print("baseline", base_gen, n_gen, base_fa, "allowed genuine >=", allowed, flush=True)
    print("chosen", best, "10% rule", report["passes_10pct"], flush=True)
    for s in sweep:
        print(s)
    t = best[0]
    cand = replace(base, support=risk_mod.Support(risk_mod.support_vectors(vectors), t, "h37"))
    per_batch = {}
    tot = np.zeros((2, 4), dtype=np.int64)
    for batch, path in batches.items():
        items = read_challenge(path)
        b = counts(challenge_figures(items, model=base, encoder=encoder))
        c = counts(challenge_figures(items, model=cand, encoder=encoder))
        per_batch[batch] = {"baseline": b, "candidate": c}
        tot += np.asarray([b, c])
        print(batch, b, c, flush=True)
    report["per_batch"] = per_batch
    report["pooled"] = {"baseline": tot[0].tolist(), "candidate": tot[1].tolist()}
    print("pooled", report["pooled"], flush=True)
    args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
