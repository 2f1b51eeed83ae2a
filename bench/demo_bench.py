"""How long the demo takes to load: accounts, 40 entries written, read by the analyzers, the therapist's side.

Usage: python bench/demo_bench.py [--entries 40]. Uses a fresh data folder and SQLite database; prints wall and CPU
seconds per phase and the machine's load average (on a shared machine the wall time is mostly waiting).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=40)
    args = parser.parse_args()
    os.environ["REVERIE_DATA_DIR"] = tempfile.mkdtemp(prefix="reverie-demo-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reverie.clinic.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from reverie.clinic.services import demo

    marks: list[tuple[str, float, float]] = []
    wall0, cpu0 = time.perf_counter(), time.process_time()

    def mark(name: str) -> None:
        marks.append((name, time.perf_counter() - wall0, time.process_time() - cpu0))

    accounts = demo.create_accounts()
    mark("accounts")
    for step, _steps, _ in demo.fill(accounts, n_entries=args.entries):
        if step == args.entries:
            mark("entries written")
        if step == 2 * args.entries:
            mark("entries read by the analyzers")
    mark("therapist's side")
    previous_wall = previous_cpu = 0.0
    for name, wall, cpu in marks:
        print(f"{name:32s} wall {wall - previous_wall:6.1f} s   cpu {cpu - previous_cpu:6.1f} s")
        previous_wall, previous_cpu = wall, cpu
    print(
        f"{'total':32s} wall {marks[-1][1]:6.1f} s   cpu {marks[-1][2]:6.1f} s   load average {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
