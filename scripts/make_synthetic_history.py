"""Write the deterministic synthetic history (items with findings, no text) as JSON lines.

Each line: {"id", "source", "kind", "happened_at", "shared_with_therapist", "is_process_note", "findings"}
with findings in the analysis contract's JSON form. The generator itself lives in
``reverie.insights.synthetic`` (the demo command needs it at run time); this is a thin wrapper.

Run: .venv/bin/python scripts/make_synthetic_history.py --out history.jsonl [--seed 7] [--entries 1800]
     [--sessions 200] [--no-plant] [--texts N]   (--texts writes N short demo texts instead)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from reverie.insights import Item, SyntheticText, synthetic_history, synthetic_texts


def item_json(item: Item) -> dict[str, Any]:
    return {
        "id": item.id,
        "source": item.source,
        "kind": item.kind,
        "happened_at": item.happened_at.isoformat(),
        "shared_with_therapist": item.shared_with_therapist,
        "is_process_note": item.is_process_note,
        "findings": [f.to_json() for f in item.findings],
    }


def text_json(text: SyntheticText) -> dict[str, Any]:
    return {
        "id": text.id,
        "source": text.source,
        "kind": text.kind,
        "happened_at": text.happened_at.isoformat(),
        "shared_with_therapist": text.shared_with_therapist,
        "text": text.text,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the synthetic insight history as JSON lines.")
    parser.add_argument("--out", type=Path, help="output file (default: stdout)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--entries", type=int, default=1800)
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--no-plant", action="store_true", help="leave out the planted withdrawal pattern")
    parser.add_argument("--texts", type=int, default=0, help="write this many demo texts instead of items")
    args = parser.parse_args(argv)
    if args.texts:
        rows = [text_json(t) for t in synthetic_texts(args.seed, args.texts, max(1, args.texts // 5))]
    else:
        items = synthetic_history(args.seed, args.entries, args.sessions, planted=not args.no_plant)
        rows = [item_json(i) for i in items]
    lines = "".join(json.dumps(row, sort_keys=True) + "\n" for row in rows)
    if args.out:
        args.out.write_text(lines, encoding="utf-8")
        print(f"wrote {len(rows)} rows to {args.out}")
    else:
        sys.stdout.write(lines)


if __name__ == "__main__":
    main()
