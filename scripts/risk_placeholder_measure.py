"""Measure the thirty-second round's placeholder guard (docs/risk.md, "Thirty-second round (h111)"; rule written
first): the screen before the guard (``risk.model_inputs`` as the unit read whole) and with it, on the same lines,
in one run with one memoised encoder. Prints counts and line ids only (no line text).

Usage (from the project root)::

    .venv/bin/python scripts/risk_placeholder_measure.py OUT.json [--batch PATH]

Without ``--batch``: every seen batch (``tests/analysis_risk/challenge_*.jsonl``), per batch and pooled (also the
pool without frozen25, the 25 batches the rule names). With ``--batch``: that one file (the frozen batch, once).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reverie.analysis import risk  # noqa: E402
from reverie.analysis import risk_lexicon as lex  # noqa: E402
from reverie.analysis.evaluation.risk import (  # noqa: E402
    _memo_encoder,
    challenge_batches,
    read_challenge,
)

GUARD = risk.model_inputs


def before(masked: str, spans: Sequence[tuple[int, int]], hits: Sequence[lex.Hit]) -> list[str | None]:
    """The sentence model's input before the guard: each unit as written."""
    return [masked[s:e].strip() for s, e in spans]


def levels(items: list[dict[str, Any]], encoder: Any, guard: bool) -> list[str]:
    risk.model_inputs = GUARD if guard else before
    try:
        return [risk.screen(i["text"], encoder=encoder).level for i in items]
    finally:
        risk.model_inputs = GUARD


def figures(items: list[dict[str, Any]], got: list[str]) -> dict[str, int]:
    lv = risk.LEVELS
    gen = [(i, g) for i, g in zip(items, got, strict=True) if i["group"] == "genuine"]
    neg = [(i, g) for i, g in zip(items, got, strict=True) if i["group"] != "genuine"]
    return {
        "genuine": len(gen),
        "negative": len(neg),
        "genuine_flagged": sum(lv.index(g) >= risk.IDEATION for _, g in gen),
        "genuine_at_expected": sum(lv.index(g) >= lv.index(i["expect"]) for i, g in gen),
        "false_alarms": sum(lv.index(g) >= risk.IDEATION for _, g in neg),
        "negatives_at_attempt": sum(g == "attempt" for _, g in neg),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--batch", type=Path)
    args = parser.parse_args()
    encoder = _memo_encoder(True)
    if encoder is None:
        raise SystemExit("the sentence model or the encoder is not installed")
    batches = {args.batch.stem: args.batch} if args.batch else challenge_batches()
    report: dict[str, Any] = {"batches": {}, "moved": []}
    pools: dict[str, dict[str, dict[str, int]]] = {"all": {}, "without_frozen25": {}}
    for name, path in batches.items():
        items = read_challenge(path)
        old, new = levels(items, encoder, False), levels(items, encoder, True)
        report["batches"][name] = {"before": figures(items, old), "after": figures(items, new)}
        for i, a, b in zip(items, old, new, strict=True):
            if a != b:
                report["moved"].append({"id": i["id"], "group": i["group"], "before": a, "after": b})
        for pool in ("all", "without_frozen25"):
            if pool == "without_frozen25" and name == "frozen25":
                continue
            for side in ("before", "after"):
                into = pools[pool].setdefault(side, {})
                for k, v in report["batches"][name][side].items():
                    into[k] = into.get(k, 0) + v
        print(name, report["batches"][name], flush=True)
    report["pooled"] = pools
    args.out.write_text(json.dumps(report, indent=1))
    print(json.dumps(pools, indent=1))
    print("moved:", json.dumps(report["moved"]))


if __name__ == "__main__":
    main()
