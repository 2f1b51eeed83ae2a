"""``reverie serve`` starts its analysis worker again when it ends (review r124). Real processes: the server is
started as a subprocess and its worker child killed with SIGKILL, as the system kills a process for memory."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from process_tree import alive, children
from sqlite_folder import env, reverie

pytestmark = pytest.mark.slow


def _worker_children(pid: int) -> list[int]:
    return [c for c in children(pid) if alive(c) and b"\0worker\0" in Path(f"/proc/{c}/cmdline").read_bytes()]


def _serve(data: Path, log: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    """``reverie serve --port 0 …`` answering; what it logs goes to ``log``. Returns it and its address."""
    with open(log, "ab") as said:
        server = subprocess.Popen(
            reverie("serve", "--port", "0", *extra),
            env=env(data, REVERIE_ANALYSIS="background"),
            stdout=subprocess.PIPE,
            stderr=said,
            text=True,
        )
    assert server.stdout is not None
    for line in server.stdout:
        if line.startswith("Reverie is running at "):
            return server, line.split()[4]
    raise AssertionError(f"serve exited early: {log.read_text()[-600:]}")


def _answers(url: str) -> bool:
    with urllib.request.urlopen(f"{url}login/", timeout=60) as response:
        return response.status == 200


def _next_worker(server: subprocess.Popen[str], other_than: set[int], seconds: float = 60) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = [c for c in _worker_children(server.pid) if c not in other_than]
        if found:
            return found[0]
        assert server.poll() is None, "serve ended"
        time.sleep(0.3)
    raise AssertionError("serve runs on with no worker")


def _stop(server: subprocess.Popen[str]) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=30)
    if server.stdout is not None:
        server.stdout.close()


def test_serve_starts_another_worker_when_its_worker_is_gone_and_says_when_it_keeps_ending(
    tmp_path: Path,
) -> None:
    """`reverie serve` started the one analysis worker and never looked at it again: a worker that ended (killed by
    the system for memory; ended by a failure) left `serve` answering pages with no worker at all, every entry saved
    from then on "waiting for analysis" and owed alerts not retried until someone restarted the server, and nothing
    said so. Now each end is logged and another worker started; when five end within five minutes the log says so
    plainly, and `serve` goes on serving (and restarting)."""
    log = tmp_path / "serve.log"
    server, url = _serve(tmp_path / "data", log)
    seen: set[int] = set()
    try:
        assert _answers(url)
        for _ in range(5):
            worker = _next_worker(server, seen)
            seen.add(worker)
            os.kill(worker, signal.SIGKILL)
        last = _next_worker(server, seen)  # started again after the fifth end too
        assert _answers(url)
        said = log.read_text()
    finally:
        _stop(server)
    assert server.returncode == 0
    assert not alive(last), "the worker outlived serve"
    assert (
        said.count("the analysis worker (pid") >= 5 and "ended (killed by SIGKILL); starting another" in said
    )
    assert "the analysis worker has ended 5 times in 5 minutes: Reverie goes on serving" in said


def test_serve_with_processes_starts_another_worker(tmp_path: Path) -> None:
    """The same with `--processes 2`, whose parent runs the one worker beside the web processes it restarts."""
    log = tmp_path / "serve.log"
    server, url = _serve(tmp_path / "data", log, "--processes", "2")
    try:
        first = _next_worker(server, set())
        os.kill(first, signal.SIGKILL)
        other = _next_worker(server, {first})
        assert _answers(url)
    finally:
        _stop(server)
    assert not alive(other), "the worker outlived serve"
    assert f"the analysis worker (pid {first}) ended (killed by SIGKILL)" in log.read_text()
