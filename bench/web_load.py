"""Web pages under load, on loopback: 20 concurrent sessions × 50 mixed requests, against `reverie serve`.

Run: .venv/bin/python bench/web_load.py [--sessions 20] [--requests 50] [--entries 300] [--database-url URL]
     [--processes 1,2] [--rounds 2]
Bounded: a fixed number of requests, loopback only, a fresh data folder (SQLite unless --database-url). Setup, in
this process through the ordinary services: a client with ``--entries`` entries (every third shared), their
therapist, and four more clients with one open risk alert each (so the therapist's home page shows several).
Then `reverie serve --port 0` starts in a child process. Sessions are signed in by creating Django sessions
(the therapist's marked as past the second step). Each session sends its mix of GETs one after another; a
single session alone first (the baseline), then all sessions at once. Prints p50/p95/p99 of both, the ratio
p95 under load ÷ p95 alone (goal ≤ 5), the slowest pages, and, last, one JSON object.

``--processes 1,2`` compares `reverie serve --processes 1` with `--processes 2` on the same data, alternating
(``--rounds`` times each: 1, 2, 1, 2, …); each run starts its own server and measures its own lone session.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from datetime import timedelta
from http.client import HTTPConnection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = 16


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _setup(entries: int) -> dict[str, Any]:
    from django.test import Client
    from django.utils import timezone

    import reverie.cli.runtime  # noqa: F401  (sets Django up and migrates)
    from reverie.care.services import alerts
    from reverie.clinic.models import Pair
    from reverie.clinic.models.accounts import Role
    from reverie.clinic.services import journal, keys, people
    from reverie.clinic.services.journal import EntryDraft, Feeling

    keys.ensure_key_file()
    password = "a long load-bench password"
    client = people.create_user("load-client", password)
    therapist = people.create_user("load-therapist", password, Role.THERAPIST)
    Pair.objects.create(client=client, therapist=therapist)
    rng = random.Random(SEED)
    start = timezone.now() - timedelta(days=entries)
    topics = ("my mother", "work", "my partner", "the session", "a dream", "my sister", "sleep")
    ids = []
    for day in range(entries):
        body = (
            f"Today I kept thinking about {rng.choice(topics)} and the way I go quiet when someone gets close. "
            f"Later I felt calmer and wrote about {rng.choice(topics)}."
        )
        view = journal.create_entry(
            client,
            EntryDraft(
                kind="free_association",
                body=body,
                happened_at=start + timedelta(days=day),
                feelings=(Feeling("sadness", 3), Feeling("relief", 2)),
            ),
        )
        if day % 3 == 0:
            journal.set_shared(client, view.id, True)
        ids.append(str(view.id))
    for n in range(4):
        other = people.create_user(f"load-client-{n}", password)
        Pair.objects.create(client=other, therapist=therapist)
        alerts.raise_alert(other, "journal", "ideation", f"bench-{n}")
    alerts.raise_alert(client, "journal", "ideation", ids[-1])
    cookies = {}
    for name, user in (("client", client), ("therapist", therapist)):
        browser = Client()
        browser.force_login(user)
        session = browser.session
        session["otp"] = True  # the therapist passed the second step (a client's is ignored)
        session.save()
        cookies[name] = session.session_key
    return {"cookies": cookies, "entry_ids": ids, "client_id": client.pk}


def _mix(role: str, setup: dict[str, Any], count: int, rng: random.Random) -> list[str]:
    ids = setup["entry_ids"]
    if role == "therapist":
        pages = ["/", "/", "/courses/", f"/clients/{setup['client_id']}/insights/", "/week/"]
    else:
        pages = ["/", "/journal/", "/journal/?page=2", "/journal/?q=mother", "/insights/", "ENTRY", "ENTRY"]
    out = []
    for _ in range(count):
        page = rng.choice(pages)
        out.append(f"/journal/{rng.choice(ids)}/" if page == "ENTRY" else page)
    return out


def _session(port: int, cookie: str, paths: list[str], out: list[tuple[str, float, int]]) -> None:
    conn = HTTPConnection("127.0.0.1", port, timeout=120)
    for path in paths:
        started = time.perf_counter()
        conn.request("GET", path, headers={"Cookie": f"sessionid={cookie}", "Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        out.append((path, time.perf_counter() - started, response.status))
    conn.close()


def _run(
    port: int, setup: dict[str, Any], sessions: int, requests: int
) -> tuple[list[tuple[str, float, int]], float]:
    rng = random.Random(SEED)
    results: list[tuple[str, float, int]] = []
    threads = []
    for n in range(sessions):
        role = "therapist" if n % 5 == 4 else "client"  # one session in five is the therapist's
        paths = _mix(role, setup, requests, rng)
        threads.append(threading.Thread(target=_session, args=(port, setup["cookies"][role], paths, results)))
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def _summary(results: list[tuple[str, float, int]]) -> dict[str, Any]:
    times = [t * 1000 for _, t, _ in results]
    return {
        "requests": len(results),
        "errors": sum(1 for _, _, status in results if status != 200),
        "error_statuses": dict(Counter(status for _, _, status in results if status != 200)),
        "p50_ms": round(_percentile(times, 0.5), 1),
        "p95_ms": round(_percentile(times, 0.95), 1),
        "p99_ms": round(_percentile(times, 0.99), 1),
    }


def _slowest(results: list[tuple[str, float, int]]) -> dict[str, float]:
    by_page: dict[str, list[float]] = {}
    for path, seconds, _ in results:
        key = "/journal/<id>/" if path.startswith("/journal/") and path.count("/") == 3 else path
        by_page.setdefault(key, []).append(seconds * 1000)
    medians = {page: round(statistics.median(v), 1) for page, v in by_page.items()}
    return dict(sorted(medians.items(), key=lambda kv: -kv[1]))


def _drain(stream: Any, log: Path) -> None:
    """Keep the server's pipe drained; what it says (warnings, incident ids) goes to a log beside its data."""
    with log.open("a") as out:
        for line in stream:
            out.write(line)


def start_server(
    env: dict[str, str], processes: int = 1, options: tuple[str, ...] = ()
) -> tuple[subprocess.Popen[str], int]:
    """`reverie serve` on a free port with ``env`` (its ``REVERIE_DATA_DIR`` holds the server's log); its port once it
    says it runs, its output drained to the log from then on (bench/first_save_bench.py starts its server here too)."""
    command = ["serve", "--port", "0", *(["--processes", str(processes)] if processes != 1 else []), *options]
    child = subprocess.Popen(
        [sys.executable, "-c", "from reverie.cli.main import run; run()", *command],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert child.stdout is not None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = child.stdout.readline()
        if "running at http://" in line:
            port = int(line.split("http://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1])
            log = Path(env["REVERIE_DATA_DIR"]) / f"serve-{processes}.log"
            threading.Thread(target=_drain, args=(child.stdout, log), daemon=True).start()
            return child, port
        if not line and child.poll() is not None:
            break
    child.kill()
    raise SystemExit("reverie serve did not start")


def _tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by ``pid`` and every process below it (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(") ", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
    return total


def _connections_by_process(port: int, out: list[list[int]]) -> None:
    """How the sessions' keep-alive connections are spread over the server's processes (``ss``, Linux), a few
    seconds into the loaded run: a process holding more of them makes its sessions wait longer."""
    time.sleep(3)
    try:
        listing = subprocess.run(
            ["ss", "-Htnp", "state", "established", f"( sport = :{port} )"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return
    pids = Counter(part.split("pid=", 1)[1].split(",", 1)[0] for part in listing.split() if "pid=" in part)
    out.append(sorted(pids.values(), reverse=True))


def _measure(setup: dict[str, Any], args: argparse.Namespace, processes: int) -> dict[str, Any]:
    child, port = start_server(dict(os.environ), processes)
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=60).read()
        _run(port, setup, max(2, processes), 10)  # warm every server process (imports, templates)
        alone, _ = _run(port, setup, 1, args.requests)
        before, server_before = os.times(), _tree_cpu(child.pid)
        spread: list[list[int]] = []
        threading.Thread(target=_connections_by_process, args=(port, spread), daemon=True).start()
        loaded, wall = _run(port, setup, args.sessions, args.requests)
        server_cpu = _tree_cpu(child.pid) - server_before
        load_average = os.getloadavg()[0]
    finally:
        child.terminate()
        child.wait(timeout=60)
    single, load = _summary(alone), _summary(loaded)
    return {
        "processes": processes,
        "single": single,
        "loaded": load,
        "ratio_p95": round(load["p95_ms"] / single["p95_ms"], 2),
        "ratio_p50": round(load["p50_ms"] / single["p50_ms"], 2),
        "throughput_rps": round(len(loaded) / wall, 1),
        "bench_client_cpu_s": round(os.times().user + os.times().system - before.user - before.system, 1),
        # the server's CPU per request under load (all its processes): what one request costs, whatever the load
        "server_cpu_ms_per_request": round(1000 * server_cpu / len(loaded), 1),
        "connections_by_process": spread[0] if spread else None,
        "slowest_pages_ms_p50_under_load": dict(list(_slowest(loaded).items())[:6]),
        "errors_by_page": dict(Counter(path for path, _, status in loaded if status != 200).most_common(5)),
        "load_average": load_average,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--entries", type=int, default=300)
    parser.add_argument("--database-url", default="")
    parser.add_argument(
        "--processes", default="1", help="server processes to compare, e.g. 1,2 (alternating)"
    )
    parser.add_argument("--rounds", type=int, default=1, help="runs of each --processes value")
    args = parser.parse_args()
    counts = [int(n) for n in args.processes.split(",")]
    os.environ.setdefault("REVERIE_DATA_DIR", tempfile.mkdtemp(prefix="reverie-load-"))
    os.environ.setdefault("REVERIE_ANALYSIS", "off")
    if args.database_url:
        os.environ["REVERIE_DATABASE_URL"] = args.database_url
    started = time.perf_counter()
    setup = _setup(args.entries)
    print(f"setup {time.perf_counter() - started:.1f} s", file=sys.stderr)
    runs = []
    for _ in range(args.rounds):
        for processes in counts:
            run = _measure(setup, args, processes)
            runs.append(run)
            single, load = run["single"], run["loaded"]
            print(
                f"{processes} process(es): alone p50 {single['p50_ms']} p95 {single['p95_ms']} "
                f"p99 {single['p99_ms']} ms | {args.sessions} sessions p50 {load['p50_ms']} p95 {load['p95_ms']} "
                f"p99 {load['p99_ms']} ms, {run['throughput_rps']} req/s, ratio p95 {run['ratio_p95']}, "
                f"server CPU {run['server_cpu_ms_per_request']} ms/request, load {run['load_average']:.1f}",
                file=sys.stderr,
            )
    report: dict[str, Any] = {
        "sessions": args.sessions,
        "requests_per_session": args.requests,
        "entries": args.entries,
        "database": "postgresql" if args.database_url else "sqlite",
        "cores": os.cpu_count(),
    }
    if len(runs) == 1:
        report.update(runs[0])
    else:
        report["runs"] = runs
    print(json.dumps(report))


if __name__ == "__main__":
    main()
