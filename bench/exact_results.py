"""Every result of every seen text, one JSON line per text: to check that a speed change changes no finding.

Run (the same command on the tree before and after a change, then compare the MD5 it prints last):

    PYTHONHASHSEED=0 PYTHONPATH=src .venv/bin/python bench/exact_results.py --out /tmp/after.jsonl

Texts: every line of ``tests/fixtures/*.jsonl`` and ``tests/analysis_risk/challenge*.jsonl`` (its ``text``, or
``report`` for dream reports, analysed as kind ``dream``), then the bench's 40 seeded entries. Each line holds the
file, the line number and the whole ``AnalysisResult.to_json()`` (findings, notes, provenance). Reads only files
already in the repository; writes only ``--out``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("REVERIE_DATA_DIR", tempfile.mkdtemp(prefix="reverie-exact-"))

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("tests/fixtures/*.jsonl", "tests/analysis_risk/challenge*.jsonl")


def texts() -> list[tuple[str, int, str, str]]:
    """(file, line, text, kind) for every text, in a fixed order."""
    from reverie.analysis.bench import synthetic_entries

    out: list[tuple[str, int, str, str]] = []
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                row = json.loads(line)
                if "text" in row:
                    out.append((path.name, number, str(row["text"]), "free_association"))
                elif "report" in row:
                    out.append((path.name, number, str(row["report"]), "dream"))
    for number, text in enumerate(synthetic_entries(), 1):
        out.append(("bench", number, text, "free_association"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--limit", type=int, default=0, help="only the first N texts (a quick check)")
    args = parser.parse_args()

    from reverie.analysis.onnx_encoder import load_encoder
    from reverie.analysis.pipeline import analyse_many

    encoder = load_encoder()
    items = texts()
    if args.limit:
        items = items[: args.limit]
    digest = hashlib.md5()  # a checksum to compare two runs, not security
    with open(args.out, "w", encoding="utf-8") as out:
        for name, number, text, kind in items:  # one text per call, as an entry is analysed at save
            result = analyse_many([(text, kind)], encoder=encoder)[0]
            line = json.dumps(
                {"file": name, "line": number, "result": result.to_json()}, sort_keys=True, ensure_ascii=False
            )
            out.write(line + "\n")
            digest.update(line.encode("utf-8") + b"\n")
    print(f"{len(items)} texts, md5 {digest.hexdigest()}", file=sys.stderr)


if __name__ == "__main__":
    main()
