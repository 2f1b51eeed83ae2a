"""How often a relationship observation on the entry page is right, counted as a person sees them.

The episode evaluation's "shown right" counts only episodes found with the right other person. A person also sees
the observations of spurious episodes (no episode there, or the wrong person), so this script counts every
relationship observation ``read_entry`` would show (at the panel's floor) on each vignette file, and calls it right
when an expected episode of the text has the same other person (the role the page names) and the same cluster for each worded part
(the wish W and the response of self RS; RO is never put into words). Prints a table and, last, JSON.

    .venv/bin/python scripts/observation_precision.py tests/fixtures/vignettes_frozen9.jsonl …
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

_CODE = re.compile(r"^(W|RO|RS)(\d)$")


def _parts(key: str) -> tuple[str, dict[str, int]]:
    """``relationships:partner:W6-RO5-RS7`` → ("partner", {"w": 6, "rs": 7}) (the worded parts only)."""
    _, role, codes = key.split(":", 2)
    parts: dict[str, int] = {}
    for code in codes.split("-"):
        match = _CODE.match(code)
        if match and match.group(1) in {"W", "RS"}:
            parts[match.group(1).lower()] = int(match.group(2))
    return role, parts


def by_floor(paths: list[Path], floors: list[float]) -> dict[str, dict[str, Any]]:
    """Pooled over ``paths``: for each panel floor, relationship observations shown and right (the panel as
    shipped, its relationships floor replaced)."""
    from dataclasses import replace

    from reverie.analysis.evaluation.episodes import ANALYZERS, read_vignettes
    from reverie.analysis.pipeline import analyse_many
    from reverie.insights import observations as panel

    analysed = []
    for path in paths:
        rows = read_vignettes(path)
        results = analyse_many([(row["text"], row["kind"]) for row in rows], only=ANALYZERS)
        analysed.extend((row, result.to_json()) for row, result in zip(rows, results, strict=True))
    shipped = panel.SUPPORT["relationships"]
    out: dict[str, dict[str, Any]] = {}
    try:
        for floor in floors:
            panel.SUPPORT["relationships"] = replace(shipped, floor=floor)
            shown = right = 0
            for row, result in analysed:
                for obs in panel.read_entry(row["text"], result).observations:
                    if obs.analyzer != "relationships":
                        continue
                    role, parts = _parts(obs.key)
                    same = [e for e in row["episodes"] if str(e["other"]) == role]
                    shown += 1
                    right += bool(same) and any(all(e.get(c) == v for c, v in parts.items()) for e in same)
            out[f"{floor:.2f}"] = {
                "shown": shown,
                "right": right,
                "precision": round(right / shown, 3) if shown else None,
            }
    finally:
        panel.SUPPORT["relationships"] = shipped
    return out


def measure(path: Path) -> dict[str, Any]:
    from reverie.analysis.evaluation.episodes import ANALYZERS, read_vignettes
    from reverie.analysis.pipeline import analyse_many
    from reverie.insights.observations import SUPPORT, read_entry

    rows = read_vignettes(path)
    results = analyse_many([(row["text"], row["kind"]) for row in rows], only=ANALYZERS)
    shown = right = 0
    part_shown = {"w": 0, "rs": 0}
    part_right = {"w": 0, "rs": 0}
    strong = strong_right = 0
    for row, result in zip(rows, results, strict=True):
        expected = row["episodes"]
        for obs in read_entry(row["text"], result.to_json()).observations:
            if obs.analyzer != "relationships":
                continue
            role, parts = _parts(obs.key)
            same = [e for e in expected if str(e["other"]) == role]
            ok_parts = {c: any(e.get(c) == v for e in same) for c, v in parts.items()}
            whole = bool(same) and any(all(e.get(c) == v for c, v in parts.items()) for e in same)
            shown += 1
            right += whole
            for c, ok in ok_parts.items():
                part_shown[c] += 1
                part_right[c] += ok
            if obs.confidence >= SUPPORT["relationships"].sure_at:
                strong += 1
                strong_right += whole

    def share(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    return {
        "file": path.name,
        "texts": len(rows),
        "shown": shown,
        "right": right,
        "precision": share(right, shown),
        "w_precision": share(part_right["w"], part_shown["w"]),
        "rs_precision": share(part_right["rs"], part_shown["rs"]),
        "sure_shown": strong,
        "sure_precision": share(strong_right, strong),
    }


def main(paths: list[Path]) -> list[dict[str, Any]]:
    out = [measure(p) for p in paths]
    print(f"{'file':32} {'shown':>5} {'right':>5} {'prec':>6} {'W':>6} {'RS':>6} {'sure':>5} {'prec':>6}")
    for r in out:
        print(
            f"{r['file']:32} {r['shown']:5d} {r['right']:5d} {r['precision'] or 0:6.3f} {r['w_precision'] or 0:6.3f}"
            f" {r['rs_precision'] or 0:6.3f} {r['sure_shown']:5d} {r['sure_precision'] or 0:6.3f}"
        )
    print(json.dumps(out))
    return out


if __name__ == "__main__":
    if sys.argv[1:2] == ["--floors"]:
        table = by_floor([Path(p) for p in sys.argv[2:]], [0.6 + 0.05 * i for i in range(8)])
        for floor, row in table.items():
            print(
                f"floor {floor}: shown {row['shown']:4d} right {row['right']:4d} precision {row['precision']}"
            )
        print(json.dumps(table))
    else:
        main([Path(p) for p in sys.argv[1:]])
