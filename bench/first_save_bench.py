"""The first save after `reverie serve` starts, on loopback (review r128: 3.2-4.6 s, the save-time risk screen loading
its lexicon, sentence model and encoder inside that save; the goal is 2 s).

Run: .venv/bin/python bench/first_save_bench.py [--rounds 3] [--idle 0] [--pause 0]
Each round starts `reverie serve --port 0 --no-worker` on a fresh data folder (one client, signed in by a Django
session made here), then, ``--idle`` seconds after it says it is running (0: at once, as the warm-up starts): GET
/write/ (the first page), waits ``--pause`` seconds (a person typing; 0: the save races the warm-up, the worst
case), POSTs a new entry (the first save), POSTs a second one, reads the server's peak resident memory (/proc VmHWM) and stops it. Prints
one line per round and, last, one JSON object with the medians. Compare code before and after by running this same
file with PYTHONPATH pointing at each tree: `PYTHONPATH=<tree>/src .venv/bin/python bench/first_save_bench.py`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from http.client import HTTPConnection
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from web_load import start_server  # bench/ is this script's folder, first on its path

ROOT = Path(__file__).resolve().parents[1]
BODY = "Walked home the long way and thought about what she said at lunch. Tired but calmer than yesterday."


def _setup(data: str) -> str:
    """A client and a signed-in session in the data folder ``data`` (in a child process: Django is set up once per
    process, and each round has its own folder)."""
    code = (
        "import reverie.cli.runtime\n"
        "from django.test import Client\n"
        "from reverie.clinic.services import keys, people\n"
        "keys.ensure_key_file()\n"
        "user = people.create_user('bench-client', 'a long bench password')\n"
        "browser = Client(); browser.force_login(user)\n"
        "print(browser.session.session_key)\n"
    )
    env = {**os.environ, "REVERIE_DATA_DIR": data, "REVERIE_ANALYSIS": "background"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1]


def _request(
    port: int, method: str, path: str, cookies: dict[str, str], body: str = ""
) -> tuple[int, str, float]:
    conn = HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()), "Host": "127.0.0.1"}
    if body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Referer"] = f"http://127.0.0.1:{port}{path}"
    start = time.perf_counter()
    conn.request(method, path, body=body or None, headers=headers)
    response = conn.getresponse()
    text = response.read().decode(errors="replace")
    seconds = time.perf_counter() - start
    for value in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = value.partition("=")
        cookies[name.strip()] = rest.split(";", 1)[0]
    conn.close()
    return response.status, text, seconds


def _save(port: int, cookies: dict[str, str], page: str, body: str) -> float:
    form = next(f for f in re.findall(r"<form\b.*?</form>", page, flags=re.S) if 'name="body"' in f)
    fields: dict[str, Any] = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    fields.update({"kind": "free_association", "body": body})
    status, _, seconds = _request(port, "POST", "/write/", cookies, urlencode(fields))
    if status != 302:
        raise SystemExit(f"the save answered {status}")
    return seconds


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _round(pause: float, idle: float) -> dict[str, float]:
    data = tempfile.mkdtemp(prefix="reverie-first-save-")
    session = _setup(data)
    started = time.perf_counter()
    child, port = start_server(
        {**os.environ, "REVERIE_DATA_DIR": data, "REVERIE_ANALYSIS": "background"}, 1, ("--no-worker",)
    )
    start_s = time.perf_counter() - started
    try:
        cookies = {"sessionid": session}
        time.sleep(idle)
        status, page, first_page = _request(port, "GET", "/write/", cookies)
        assert status == 200, status
        time.sleep(pause)
        first_save = _save(port, cookies, page, BODY)
        _, page, _ = _request(port, "GET", "/write/", cookies)
        second_save = _save(port, cookies, page, BODY.replace("lunch", "dinner"))
        rss = _peak_rss_mb(child.pid)
    finally:
        child.terminate()
        child.wait(timeout=60)
    return {
        "start_s": round(start_s, 2),
        "first_page_s": round(first_page, 3),
        "first_save_s": round(first_save, 3),
        "second_save_s": round(second_save, 3),
        "serve_peak_rss_mb": round(rss, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--pause", type=float, default=0.0, help="seconds between the first page and the save"
    )
    parser.add_argument("--idle", type=float, default=0.0, help="seconds between start-up and the first page")
    args = parser.parse_args()
    rounds = []
    for n in range(args.rounds):
        result = _round(args.pause, args.idle)
        rounds.append(result)
        print(f"round {n + 1}: " + ", ".join(f"{k} {v}" for k, v in result.items()), flush=True)
    summary: dict[str, Any] = {
        "bench": "first_save",
        "rounds": args.rounds,
        "pause_s": args.pause,
        "idle_s": args.idle,
        **{key: round(statistics.median(r[key] for r in rounds), 3) for key in rounds[0]},
        "load_average": round(os.getloadavg()[0], 1),
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
