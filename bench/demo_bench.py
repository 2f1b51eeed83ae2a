"""How long the demo takes to be ready: accounts, 40 entries written (each with its save-time risk screen), read
by the analyzers, the therapist's side.

Usage: python bench/demo_bench.py [--entries 40] [--runs 1] [--mode both|before|after]. Each measurement runs in
its own process with a fresh data folder and SQLite database; ``both`` alternates the two ways so they meet the
same machine load:

- ``before``: everything in the page's request, the full analysis included (what the CLI's ``reverie demo`` does);
- ``after``: what the web's first run does with a worker (``REVERIE_ANALYSIS=background``): ready once the entries
  are written and the therapist's side is made; the full analysis is queued for the worker. The reading of that
  queue is then timed separately ("worker's reading, after ready"; here in batches of 8 in this process, while a
  ``reverie worker`` reads one entry per task).

The URLconf (every view module) is loaded before the clock starts, as ``reverie serve`` has it loaded before the
first request. Prints wall and CPU seconds per phase and the machine's load average (on a shared machine the wall time is
mostly waiting), and one JSON line per run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def measure(entries: int, mode: str) -> dict[str, object]:
    os.environ["REVERIE_DATA_DIR"] = tempfile.mkdtemp(prefix="reverie-demo-bench-")
    os.environ["REVERIE_ANALYSIS"] = "background"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reverie.clinic.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  (the server loads its views at startup, before the first request)
    from reverie.clinic.models import Entry
    from reverie.clinic.services import analysis, demo

    marks: list[tuple[str, float, float]] = []
    wall0, cpu0 = time.perf_counter(), time.process_time()

    def mark(name: str) -> None:
        marks.append((name, time.perf_counter() - wall0, time.process_time() - cpu0))

    accounts = demo.create_accounts()
    mark("accounts")
    for step, _steps, _ in demo.fill(accounts, n_entries=entries, in_background=mode == "after"):
        if step == entries:
            mark("entries written")
        if mode == "before" and step == 2 * entries:
            mark("entries read by the analyzers")
    mark("therapist's side")
    ready_wall, ready_cpu = marks[-1][1], marks[-1][2]
    left = analysis.pending_count(accounts.client)
    if mode == "after":
        pending = [(e.id, e.revision) for e in Entry.objects.filter(client=accounts.client)]
        for _ in analysis.analyse_stored_entries(pending):
            pass
        mark("worker's reading, after ready")
    previous_wall = previous_cpu = 0.0
    print(f"--- {mode}: {entries} entries")
    for name, wall, cpu in marks:
        print(f"{name:32s} wall {wall - previous_wall:6.1f} s   cpu {cpu - previous_cpu:6.1f} s")
        previous_wall, previous_cpu = wall, cpu
    load = os.getloadavg()[0]
    print(f"{'ready':32s} wall {ready_wall:6.1f} s   cpu {ready_cpu:6.1f} s   load average {load:.1f}")
    return {
        "mode": mode,
        "entries": entries,
        "ready_wall_s": round(ready_wall, 2),
        "ready_cpu_s": round(ready_cpu, 2),
        "left_to_worker": left,
        "total_wall_s": round(marks[-1][1], 2),
        "load_average": round(load, 1),
        "phases": {name: round(wall, 2) for name, wall, _ in marks},
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", type=int, default=40)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--mode", choices=("both", "before", "after"), default="both")
    parser.add_argument("--one", choices=("before", "after"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.entries, args.one)))
        return
    modes = ("before", "after") if args.mode == "both" else (args.mode,)
    for _ in range(args.runs):
        for mode in modes:
            command = [sys.executable, __file__, "--entries", str(args.entries), "--one", mode]
            subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
