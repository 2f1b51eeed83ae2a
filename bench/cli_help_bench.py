"""``reverie --help`` against ``python -c "import typer"``: start-up cost of the command line.

Run: .venv/bin/python bench/cli_help_bench.py [--runs 15]
The two commands alternate, each run in a fresh process; the figure is the median wall time (and the median of
user+system CPU of the child, steadier on a shared machine). The goal is ratio ≤ 2.0. JSON last.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _once(argv: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    python = sys.executable
    typer_argv = [python, "-c", "import typer"]
    help_argv = [python, "-c", "from reverie.cli.main import run; run()", "--help"]
    samples: dict[str, list[tuple[float, float]]] = {"typer": [], "help": []}
    _once(typer_argv), _once(help_argv)  # warm the file cache
    for _ in range(args.runs):
        samples["typer"].append(_once(typer_argv))
        samples["help"].append(_once(help_argv))
    med = {
        k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
        for k, v in samples.items()
    }
    report = {
        "runs": args.runs,
        "import_typer_s": round(med["typer"][0], 3),
        "reverie_help_s": round(med["help"][0], 3),
        "ratio": round(med["help"][0] / med["typer"][0], 2),
        "import_typer_cpu_s": round(med["typer"][1], 3),
        "reverie_help_cpu_s": round(med["help"][1], 3),
        "ratio_cpu": round(med["help"][1] / med["typer"][1], 2),
        "load_average": os.getloadavg()[0],
    }
    print(f"import typer {report['import_typer_s']} s, reverie --help {report['reverie_help_s']} s")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
