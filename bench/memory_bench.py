"""Peak memory of `reverie serve` with its worker while entries are written and analysed, and of
`reverie bench analysis`.

Run: .venv/bin/python bench/memory_bench.py [--entries 24] [--skip-bench]
Starts `reverie serve --port 0` (analysis in the background: serve starts its `reverie worker` child) in a fresh
data folder, writes ``--entries`` entries of about 300 words through the ordinary services (each one screened at
save and queued for analysis), waits until the worker has analysed them all, and reads the peak resident set size
(VmHWM) of serve and of the worker from /proc. Then runs `reverie bench analysis` under the same measure (its own
peak RSS, via wait4). Goal: each ≤ 1.2 GB. JSON last.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=24)
    parser.add_argument("--skip-bench", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("REVERIE_DATA_DIR", tempfile.mkdtemp(prefix="reverie-mem-"))
    os.environ["REVERIE_ANALYSIS"] = "background"

    import reverie.cli.runtime  # noqa: F401  (sets Django up and migrates)
    from reverie.analysis.bench import synthetic_entries
    from reverie.clinic.models import StoredAnalysis
    from reverie.clinic.services import journal, keys, people
    from reverie.clinic.services.journal import EntryDraft

    keys.ensure_key_file()
    serve = subprocess.Popen(
        [sys.executable, "-c", "from reverie.cli.main import run; run()", "serve", "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert serve.stdout is not None
    while "running at http://" not in serve.stdout.readline():
        if serve.poll() is not None:
            raise SystemExit("reverie serve did not start")
    threading.Thread(target=serve.stdout.read, daemon=True).start()
    started = time.perf_counter()
    try:
        user = people.create_user("memory-bench", "a long memory-bench password")
        for text in synthetic_entries(args.entries, seed=5):
            journal.create_entry(user, EntryDraft(kind="free_association", body=text))
        deadline = time.monotonic() + 1800
        while StoredAnalysis.objects.count() < args.entries and time.monotonic() < deadline:
            time.sleep(2)
        analysed = StoredAnalysis.objects.count()
        workers = _children(serve.pid)
        serve_mb = _peak_mb(serve.pid)
        worker_mb = max((_peak_mb(pid) for pid in workers), default=0.0)
    finally:
        serve.terminate()
        serve.wait(timeout=120)
    report: dict[str, object] = {
        "entries": args.entries,
        "analysed": analysed,
        "seconds": round(time.perf_counter() - started, 1),
        "serve_peak_rss_mb": serve_mb,
        "worker_peak_rss_mb": worker_mb,
        "serve_plus_worker_mb": round(serve_mb + worker_mb, 1),
    }
    if not args.skip_bench:
        bench = subprocess.Popen(
            [sys.executable, "-c", "from reverie.cli.main import run; run()", "bench", "analysis"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert bench.stdout is not None
        printed = bench.stdout.read()
        _, _, usage = os.wait4(bench.pid, 0)
        report["bench_analysis_peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)
        report["bench_analysis"] = json.loads(printed.strip().splitlines()[-1])
    report["load_average"] = os.getloadavg()[0]
    print(
        f"serve {report['serve_peak_rss_mb']} MB + worker {report['worker_peak_rss_mb']} MB",
        file=sys.stderr,
    )
    print(json.dumps(report))


if __name__ == "__main__":
    main()
