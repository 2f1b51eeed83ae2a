"""How often a feeling shown on the entry panel is right, counted as a person sees it.

Each line of an emotion journal file (``{"text", "plausible": [...], "not": [...]}``) is analysed as one entry through
the whole pipeline and read by the entry panel (``insights.observations.read_entry``); a shown feeling is right when
it is among the line's plausible feelings. Prints one line per file, then JSON.

    .venv/bin/python scripts/feeling_precision.py tests/fixtures/emotion_journal_frozen14.jsonl …
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def measure(path: Path) -> dict[str, Any]:
    from reverie.analysis.pipeline import analyse_many
    from reverie.insights.observations import read_entry

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = analyse_many([(row["text"], "free_association") for row in rows])
    shown = right = named_not = 0
    for row, result in zip(rows, results, strict=True):
        plausible, ruled_out = set(row.get("plausible", [])), set(row.get("not", []))
        for obs in read_entry(row["text"], result.to_json()).observations:
            if obs.analyzer != "feelings":
                continue
            label = obs.key.split(":", 1)[1]
            shown += 1
            right += label in plausible
            named_not += label in ruled_out
    return {
        "file": path.name,
        "lines": len(rows),
        "shown": shown,
        "right": right,
        "ruled_out": named_not,
        "precision": round(right / shown, 3) if shown else None,
    }


if __name__ == "__main__":
    out = [measure(Path(p)) for p in sys.argv[1:]]
    for r in out:
        print(
            f"{r['file']:34} shown {r['shown']:3d} right {r['right']:3d} precision {r['precision']} "
            f"(a feeling the line rules out: {r['ruled_out']})"
        )
    print(json.dumps(out))
