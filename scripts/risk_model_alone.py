"""List what the sentence model alone decides on the challenge batches (twelfth round, docs/risk.md).

Every line of every ``tests/analysis_risk/challenge_*.jsonl`` is screened as an entry with the installed model
(``screen(text, model=True)``), and the lexicon's own level is read beside it. A line is **model alone** when it is
flagged and no lexicon phrase reaches ``ideation`` at that level: the sentence model raised it by itself. Hard
negatives that are model alone are the sentence model's own false alarms; genuine lines that are model alone are
the cases only the model catches (a retrain must keep them). Writes one JSON line per challenge line (no entry
text: ids, groups, levels and scores only) and prints the counts per batch.

Usage (from the project root)::

    .venv/bin/python scripts/risk_model_alone.py /tmp/model_alone.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reverie.analysis import risk_lexicon as lex  # noqa: E402
from reverie.analysis.evaluation.risk import (  # noqa: E402
    _MemoEncoder,
    challenge_batches,
    read_challenge,
)
from reverie.analysis.onnx_encoder import load_encoder  # noqa: E402
from reverie.analysis.risk import IDEATION, LEVELS, screen  # noqa: E402


def main() -> None:
    out = Path(sys.argv[1])
    encoder = _MemoEncoder(load_encoder())
    rows = []
    for batch, path in challenge_batches(ROOT / "tests" / "analysis_risk").items():
        counts = {"alarm": 0, "alarm_model_alone": 0, "genuine_flagged": 0, "genuine_model_alone": 0}
        for item in read_challenge(path):
            result = screen(str(item["text"]), model=True, encoder=encoder)
            rule_level = max((h.level for h in lex.read(str(item["text"]))), default=0)
            alone = result.flagged and rule_level < IDEATION
            genuine = item["group"] == "genuine"
            if result.flagged:
                counts["genuine_flagged" if genuine else "alarm"] += 1
                if alone:
                    counts["genuine_model_alone" if genuine else "alarm_model_alone"] += 1
            rows.append(
                {
                    "id": item["id"],
                    "batch": batch,
                    "group": item["group"],
                    "expect": item.get("expect"),
                    "level": result.level,
                    "flagged": result.flagged,
                    "rule_level": LEVELS[rule_level],
                    "model_alone": alone,
                    "model_score": None if result.model_score is None else round(result.model_score, 4),
                }
            )
        print(batch, counts, flush=True)
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
