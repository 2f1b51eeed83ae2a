"""Score a held-back shown-feelings batch (g2, g3): is the finding a line is about shown or not, as a person sees it.

Each line (``{"text", "kind", "class", "shown", "label"}``) is analysed as one entry through the whole pipeline (a
``dream`` line as a dream, any other as free association) and read by the entry panel
(``insights.observations.read_entry``). The line is right when the finding its ``label`` names is on the panel
exactly when ``shown`` is true. Labels:

- ``feeling``: any feeling (``feelings:*``);
- ``positive``: any feeling of positive valence (``ambivalence.SENTIMENT["positive"]``);
- ``unexplained``: the unplaced-feeling observation (``unexplained:*``);
- ``apprehension``: the dream's apprehension (``dreams:emotion:AP``) or ``feelings:apprehension``;
- any other GoEmotions label: that feeling (``feelings:<label>``).

Prints one line per class and the total, then one line per wrong line's index (never its text), then JSON.

    .venv/bin/python scripts/shown_feelings_score.py tests/fixtures/shown_feelings_heldback_g3.jsonl
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def is_shown(label: str, keys: Sequence[str]) -> bool:
    """The finding ``label`` names is among the panel's observation ``keys``."""
    from reverie.analysis.ambivalence import SENTIMENT

    feelings = [k.split(":", 1)[1] for k in keys if k.startswith("feelings:")]
    if label == "feeling":
        return bool(feelings)
    if label == "positive":
        return any(f in SENTIMENT["positive"] for f in feelings)
    if label == "unexplained":
        return any(k.startswith("unexplained:") for k in keys)
    if label == "apprehension":
        return "dreams:emotion:AP" in keys or "apprehension" in feelings
    return label in feelings


def score(path: Path) -> dict[str, Any]:
    from reverie.analysis.pipeline import analyse_many
    from reverie.insights.observations import read_entry

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    kinds = ["dream" if row.get("kind") == "dream" else "free_association" for row in rows]
    results = analyse_many([(row["text"], kind) for row, kind in zip(rows, kinds, strict=True)])
    classes: dict[str, list[int]] = {}
    wrong: list[int] = []
    for i, (row, result) in enumerate(zip(rows, results, strict=True)):
        keys = [o.key for o in read_entry(row["text"], result.to_json()).observations]
        ok = is_shown(str(row["label"]), keys) == bool(row["shown"])
        tally = classes.setdefault(str(row["class"]), [0, 0])
        tally[0] += ok
        tally[1] += 1
        if not ok:
            wrong.append(i)
    return {
        "file": path.name,
        "right": sum(r for r, _ in classes.values()),
        "lines": len(rows),
        "classes": {name: {"right": r, "lines": n} for name, (r, n) in classes.items()},
        "wrong_lines": wrong,
    }


if __name__ == "__main__":
    out = [score(Path(p)) for p in sys.argv[1:]]
    for r in out:
        per_class = ", ".join(f"{name} {c['right']}/{c['lines']}" for name, c in r["classes"].items())
        print(
            f"{r['file']:40} right {r['right']} of {r['lines']} ({per_class}); wrong lines {r['wrong_lines']}"
        )
    print(json.dumps(out))
