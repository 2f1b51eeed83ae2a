"""How often "In the dream you feel …" on the entry panel is right, counted as a person sees it.

Each hand-coded dream report with text (the DreamBank HVdC file; evaluation only, never shipped) is coded by the
dream coder and read by the entry panel (``insights.observations.read_entry``); a shown dreamer emotion is right when
the hand codes give the dreamer that emotion. Prints shown, right and precision per series and over all.

    .venv/bin/python scripts/dream_precision.py ../shared/data/hvdc/coded_dreams.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path


def main(path: Path) -> dict[str, dict[str, float]]:
    from reverie.analysis.dreams.coder import code_dreams, coding_findings
    from reverie.analysis.dreams.codes import coding_from_records
    from reverie.analysis.evaluation.dreams import read_coded_dreams
    from reverie.insights.observations import read_entry

    rows = [r for r in read_coded_dreams(path) if isinstance(r.get("report"), str) and r["report"].strip()]
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row, coding in zip(rows, code_dreams(r["report"] for r in rows), strict=True):
        felt = coding_from_records(row.get("codings") or []).dreamer_emotions()
        findings = [f.to_json() for f in coding_findings(coding)]
        for obs in read_entry(row["report"], {"findings": findings}).observations:
            if obs.key.startswith("dreams:emotion:"):
                for series in (str(row.get("collection", "")), "all"):
                    counts[series][0] += 1
                    counts[series][1] += obs.key.rsplit(":", 1)[1] in felt
    out = {
        k: {"shown": n, "right": ok, "precision": round(ok / n, 3)} for k, (n, ok) in sorted(counts.items())
    }
    for series, row in out.items():
        print(f"{series:10} shown {row['shown']:4} right {row['right']:4} precision {row['precision']}")
    print(json.dumps(out))
    return out


if __name__ == "__main__":
    main(Path(sys.argv[1]))
