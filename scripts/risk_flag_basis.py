"""How sure a risk flag is: on the written challenge batches, how often a flag with explicit words and a flag on the
sentence model alone are right (docs/risk.md, "How sure a flag is").

    python scripts/risk_flag_basis.py [tests/analysis_risk/challenge_*.jsonl ...]

Prints one JSON object: per basis ("words", "model_alone"), the genuine lines and the negatives it flagged, and the
share right on these batches (genuine: `group == "genuine"`, as `reverie eval risk` counts). Reads only the project's own batches (no ../shared).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from reverie.analysis import risk

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "tests" / "analysis_risk").glob("challenge_*.jsonl"))
    counts: Counter[tuple[str, bool]] = Counter()
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            result = risk.screen(row["text"])
            basis = "none" if not result.flagged else "model_alone" if result.model_alone else "words"
            counts[(basis, row["group"] == "genuine")] += 1
    genuine = sum(v for (_, g), v in counts.items() if g)
    negatives = sum(v for (_, g), v in counts.items() if not g)
    out: dict[str, object] = {"files": len(files), "genuine": genuine, "negatives": negatives}
    for basis in ("words", "model_alone"):
        right, wrong = counts[(basis, True)], counts[(basis, False)]
        out[basis] = {
            "genuine_flagged": right,
            "negatives_flagged": wrong,
            "right_when_shown": round(right / (right + wrong), 3) if right + wrong else None,
        }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
