"""Screen every line of the seen challenge batches as its kind and write one JSON line per line (2.15.0, h175).

Each line of every ``tests/analysis_risk/challenge_*.jsonl`` is screened with ``screen(text, kind)`` (a session note
as a note), the shipped sentence model and support floor, as "Seen figures, before → after" in docs/risk.md counts
them. No entry text is written: ids, kinds, groups, levels and the lexicon's rule names only. Run it once per code,
each in its own process with its own ``PYTHONPATH`` (the code measured is the one importable), then ``--compare``::

    PYTHONPATH=/path/to/before/src .venv/bin/python scripts/risk_seen_measure.py /tmp/before.jsonl
    PYTHONPATH=src .venv/bin/python scripts/risk_seen_measure.py /tmp/after.jsonl
    .venv/bin/python scripts/risk_seen_measure.py --compare /tmp/before.jsonl /tmp/after.jsonl

``--lexicon`` reads the lexicon alone (no model: fast, for a dump of which lines' rule readings move).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LEVELS = ("none", "indicator", "ideation", "behavior", "attempt")


def _measure(out: Path, lexicon_only: bool, batch_dir: Path) -> None:
    from reverie.analysis.evaluation.risk import _memo_encoder, challenge_batches, read_challenge
    from reverie.analysis.risk import VERSION, screen

    encoder = None if lexicon_only else _memo_encoder(True)
    rows = []
    for batch, path in challenge_batches(batch_dir).items():
        for item in read_challenge(path):
            kind = str(item.get("kind", "free_association"))
            result = screen(str(item["text"]), kind, model=not lexicon_only, encoder=encoder)
            rows.append(
                {
                    "id": item["id"],
                    "batch": batch,
                    "kind": kind,
                    "group": item["group"],
                    "expect": item["expect"],
                    "level": result.level,
                    "flagged": result.flagged,
                    "rules": sorted({f"{t.rule}:{t.level}" for t in result.triggers}),
                    "suppressed": sorted({f"{s.rule}:{s.reason}" for s in result.suppressed}),
                }
            )
        print(batch, len(rows), flush=True)
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print("version", VERSION, "lines", len(rows))


def _figures(rows: list[dict[str, Any]]) -> dict[str, int]:
    genuine = [r for r in rows if r["group"] == "genuine"]
    negative = [r for r in rows if r["group"] != "genuine"]
    return {
        "genuine": len(genuine),
        "negatives": len(negative),
        "flagged": sum(r["flagged"] for r in genuine),
        "at_level": sum(LEVELS.index(r["level"]) >= LEVELS.index(r["expect"]) for r in genuine),
        "false_alarms": sum(r["flagged"] for r in negative),
        "negatives_at_attempt": sum(r["level"] == "attempt" for r in negative),
    }


def _compare(before_path: Path, after_path: Path) -> None:
    before = [json.loads(line) for line in before_path.read_text(encoding="utf-8").splitlines()]
    after = [json.loads(line) for line in after_path.read_text(encoding="utf-8").splitlines()]
    notes = {k for k in ("session_note", "session_notes")}
    for name, keep in (
        ("all", lambda r: True),
        ("session notes", lambda r: r["kind"] in notes or r["kind"].startswith("session")),
        ("journal lines", lambda r: not r["kind"].startswith("session")),
    ):
        print(name, _figures([r for r in before if keep(r)]), "->", _figures([r for r in after if keep(r)]))
    by_id = {r["id"]: r for r in before}
    for row in after:
        old = by_id[row["id"]]
        if old["level"] != row["level"] or old["flagged"] != row["flagged"]:
            print(row["id"], row["group"], row["kind"], "expect", row["expect"], old["level"], "->", row["level"],
                  row["rules"])


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--compare"]:
        _compare(Path(args[1]), Path(args[2]))
        return
    lexicon_only = "--lexicon" in args
    paths = [a for a in args if not a.startswith("--")]
    _measure(Path(paths[0]), lexicon_only, ROOT / "tests" / "analysis_risk")


if __name__ == "__main__":
    main()
