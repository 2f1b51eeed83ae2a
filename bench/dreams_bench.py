"""Benchmark Reverie's HVdC coder on DreamBank reports (read in place; nothing is printed from them).

Prints progress and a summary, then, as its last line, JSON:
{"dreams_per_s", "n", "peak_rss_mb", "seconds", "cpu_seconds", "load_avg_1m", "codes_per_dream"}.
- dreams_per_s: reports coded per second of wall time, spaCy parsing included (one batched pass)
- peak_rss_mb: the process's peak resident memory

Run: .venv/bin/python bench/dreams_bench.py [--limit 20000] [--data ../shared/data/dreambank/dreams]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from reverie.analysis.dreams.coder import code_dreams

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "dreambank" / "dreams"


def reports(folder: Path, limit: int) -> list[str]:
    """English DreamBank reports in file order (German ``*.de.json`` collections are skipped)."""
    out: list[str] = []
    for path in sorted(folder.glob("*.json")):
        if path.name.endswith(".de.json"):
            continue
        for dream in json.loads(path.read_text(encoding="utf-8")).get("dreams", []):
            text = str(dream.get("content") or "").strip()
            if text:
                out.append(text)
            if len(out) >= limit:
                return out
    return out


def _coded(texts: list[str], progress: Progress) -> Iterator[int]:
    task = progress.add_task("coding dreams", total=len(texts))
    for coding in code_dreams(texts, batch_size=16):
        progress.advance(task)
        yield (
            len(coding.characters)
            + len(coding.interactions)
            + len(coding.emotions)
            + len(coding.fortunes)
            + len(coding.outcomes)
            + len(coding.settings)
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=20_000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        sys.exit(f"DreamBank folder not found: {args.data}")

    texts = reports(args.data, args.limit)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} reports, {words} words, from {args.data.resolve()}")

    started, started_cpu = time.perf_counter(), time.process_time()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns) as progress:
        codes = sum(_coded(texts, progress))
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - started_cpu

    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load = os.getloadavg()[0]
    print(
        f"coded in {seconds:.1f} s wall, {cpu_seconds:.1f} s CPU; load average (1 min) {load:.1f} on {os.cpu_count()} cores"
    )
    result = {
        "dreams_per_s": round(len(texts) / seconds, 2) if seconds else None,
        "n": len(texts),
        "peak_rss_mb": round(peak_rss_mb, 1),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "load_avg_1m": round(load, 2),
        "codes_per_dream": round(codes / len(texts), 2) if texts else None,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
