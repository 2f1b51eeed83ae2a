"""Benchmark the insight engine on the five-year synthetic history.

Prints the timings, then, as its last line, JSON: {"build_s", "update_ms", "peak_rss_mb", "items"}.
- build_s: median over runs of building the state from all items and reading the client's view (goal < 1 s)
- update_ms: median of adding one new item to a built state and reading the view again (goal < 50 ms)
- peak_rss_mb: the process's peak resident memory

Run: .venv/bin/python bench/insights_bench.py [--entries 1800] [--sessions 200] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from dataclasses import replace
from datetime import timedelta

from reverie.insights import InsightState, Item, render_pdf, synthetic_history


def _new_items(items: list[Item], n: int) -> list[Item]:
    """Fresh items (another seed) moved to just after the history, as if written today."""
    extra = synthetic_history(seed=99, n_entries=n, n_sessions=0)
    last = items[-1].happened_at
    return [
        replace(it, id=f"new-{k}", happened_at=last + timedelta(hours=k + 1)) for k, it in enumerate(extra)
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1800)
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--updates", type=int, default=30)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    items = synthetic_history(seed=7, n_entries=args.entries, n_sessions=args.sessions)
    print(f"generated {len(items)} items in {time.perf_counter() - started:.3f} s")

    builds, cpu = [], []
    for _ in range(args.runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        state = InsightState(items)
        view = state.view("client")
        builds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    print("build runs, wall (s):", ", ".join(f"{b:.3f}" for b in builds))
    print("build runs, process CPU (s):", ", ".join(f"{c:.3f}" for c in cpu))
    print(f"load average (1 min) on {os.cpu_count()} cores: {os.getloadavg()[0]:.1f}")
    print(f"statements: {sum(1 for _ in view.statements())}, evidence ids: {len(view.evidence_ids())}")

    started = time.perf_counter()
    state.view("therapist")
    state.view("therapist", include_process_notes=True)
    print(f"first therapist views (lanes built on demand): {time.perf_counter() - started:.3f} s")

    updates = []
    for new in _new_items(items, args.updates):
        started = time.perf_counter()
        state.add(new)
        state.view("client")
        updates.append((time.perf_counter() - started) * 1000)
    print(
        f"update (add + view, all three lanes kept current): median {statistics.median(updates):.1f} ms, "
        f"max {max(updates):.1f} ms over {len(updates)} updates"
    )
    started = time.perf_counter()
    pdf = render_pdf(state.view("client"))
    print(f"pdf: {len(pdf)} bytes in {time.perf_counter() - started:.3f} s")

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "build_s": round(statistics.median(builds), 3),
        "update_ms": round(statistics.median(updates), 1),
        "peak_rss_mb": round(peak_mb, 1),
        "items": len(items),
    }
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
