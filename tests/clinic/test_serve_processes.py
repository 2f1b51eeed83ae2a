"""``reverie serve --processes N``: N web processes on one port, one worker, no orphans; state shared correctly.

Real processes throughout: the server is started as a subprocess, stopped with real signals, and the writers that
race each other are separate Python processes on the same database.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
import urllib.request
from http.client import HTTPConnection
from pathlib import Path
from typing import Any

import pytest
from process_tree import alive as _alive
from process_tree import children as _children

pytestmark = pytest.mark.slow


def _web_children(pid: int) -> list[int]:
    """The forked web processes (the worker child is a fresh ``reverie worker`` command line)."""
    return [c for c in _children(pid) if b"\0worker\0" not in Path(f"/proc/{c}/cmdline").read_bytes()]


def _serve(cli: Any, *extra: str) -> subprocess.Popen[str]:
    """``reverie serve --port 0 …``; what it says on stderr goes to ``serve.log`` beside its data folder."""
    with open(cli.data_dir.parent / "serve.log", "ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "reverie.cli.main", "serve", "--port", "0", *extra],
            env=cli.env,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )


def _wait_until_serving(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("Reverie is running at "):
            url = line.split()[4]
            break
    else:
        raise AssertionError("serve exited early")
    with urllib.request.urlopen(f"{url}login/", timeout=60) as response:
        assert response.status == 200
    return url


def _wait_gone(pids: list[int], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in pids), "a process outlived serve"


def _finish(server: subprocess.Popen[str]) -> None:
    if server.poll() is None:
        server.kill()
    server.wait(timeout=30)
    if server.stdout is not None:
        server.stdout.close()


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_serve_processes_share_the_port_and_all_stop_on_a_signal(cli: Any, stop: signal.Signals) -> None:
    server = _serve(cli, "--processes", "2")
    try:
        url = _wait_until_serving(server)
        children = _children(server.pid)
        assert len(children) == 3  # two web processes and one worker
        assert len(_web_children(server.pid)) == 2
        for _ in range(6):
            with urllib.request.urlopen(f"{url}login/", timeout=60) as response:
                assert response.status == 200
        server.send_signal(stop)
        assert server.wait(timeout=60) == 0
        _wait_gone(children)
        assert server.stdout is not None and "Stopped." in server.stdout.read()
    finally:
        _finish(server)


def test_serve_processes_killed_parent_leaves_no_orphans(cli: Any) -> None:
    """SIGKILL cannot be handled: each web process sees its parent gone within a second, the worker too."""
    server = _serve(cli, "--processes", "2")
    try:
        _wait_until_serving(server)
        children = _children(server.pid)
        assert len(children) == 3
        server.kill()
        server.wait(timeout=30)
        _wait_gone(children)
    finally:
        _finish(server)


def test_serve_processes_a_dead_web_process_is_replaced(cli: Any) -> None:
    server = _serve(cli, "--processes", "2", "--no-worker")
    try:
        url = _wait_until_serving(server)
        first = _web_children(server.pid)
        assert len(first) == 2
        signal_target = first[0]
        os.kill(signal_target, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            now = _web_children(server.pid)
            if len(now) == 2 and signal_target not in now:
                break
            time.sleep(0.2)
        now = _web_children(server.pid)
        assert len(now) == 2 and signal_target not in now and first[1] in now
        for _ in range(4):
            with urllib.request.urlopen(f"{url}login/", timeout=60) as response:
                assert response.status == 200
        server.terminate()
        assert server.wait(timeout=60) == 0
        _wait_gone(now)
    finally:
        _finish(server)


def _listening(port: int) -> int:
    """Listening TCP sockets on ``port`` (IPv4, this network namespace)."""
    rows = [line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:]]
    return sum(1 for row in rows if row[3] == "0A" and int(row[1].rsplit(":", 1)[1], 16) == port)


def _sockets(pid: int) -> int:
    """The process's open sockets; a descriptor closed while they are counted is not one (a race, not a failure)."""
    count = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            count += os.readlink(fd).startswith("socket:")
        except FileNotFoundError:
            continue
    return count


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SO_REUSEPORT spreads connections on Linux")
def test_serve_processes_spread_keep_alive_connections(cli: Any) -> None:
    """Before (one shared listening socket): the least busy process won nearly every accept, 17 of 20 keep-alive
    sessions on one of two processes. Now each process listens on its own socket and the kernel spreads new
    connections over them (by a hash of the address: 20 connections all on one of two processes has a chance of
    2 in a million)."""
    server = _serve(cli, "--processes", "2", "--no-worker")
    connections = [HTTPConnection("127.0.0.1", 0) for _ in range(20)]
    try:
        url = _wait_until_serving(server)
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        assert _listening(port) == 2  # one listening socket per process (before: one, shared)
        children = _web_children(server.pid)
        before = {pid: _sockets(pid) for pid in children}
        for conn in connections:
            conn.port = port
            conn.request("GET", "/login/")
            response = conn.getresponse()
            response.read()
            assert response.status == 200
        held = [_sockets(pid) - before[pid] for pid in children]
        assert min(held) >= 1, held  # each process holds some (before: one could hold nearly all)
    finally:
        for conn in connections:
            conn.close()
        _finish(server)


def test_serve_processes_busy_port_says_so(cli: Any) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = int(taken.getsockname()[1])
        code, _, err = cli("serve", "--port", str(port), "--processes", "2", check=False)
    assert code == 9
    assert f"port {port} is already in use; choose another with --port" in err


def test_serve_processes_refuses_a_bad_count(cli: Any) -> None:
    code, _, err = cli("serve", "--port", "0", "--processes", "0", check=False)
    assert code != 0
    assert "--processes takes a whole number from 1 to 32, or auto" in err
    assert "unexpected" not in err


# --- writes from several processes at once --------------------------------------------------------------------

_SETUP = """
import json, sys
import reverie.cli.runtime
from django.test import Client
from reverie.clinic.services import keys, people
keys.ensure_key_file()
client = people.create_user("racer", "a long test password")
browser = Client()
browser.force_login(client)
print(json.dumps({"session": browser.session.session_key}))
"""

_WRITER = """
import sys, time
from pathlib import Path
import reverie.cli.runtime
from reverie.clinic.models import User
from reverie.clinic.services import audit, throttle
name, go = sys.argv[1], Path(sys.argv[2])
limit = throttle.Limit("race", "shared", 10_000)
while not go.exists():
    time.sleep(0.01)
for i in range(40):
    audit.record(None, "race.event", "test", f"{name}-{i}")
    throttle.take(limit)
"""

_CHECK = """
import json
import reverie.cli.runtime
from reverie.clinic.models import AuditEvent, ThrottleCounter
from reverie.clinic.services import audit, throttle
check = audit.verify()
counter = ThrottleCounter.objects.filter(key=throttle.Limit("race", "shared", 10_000).key).first()
print(json.dumps({
    "ok": check.ok, "events": check.events, "problem": check.problem,
    "race": AuditEvent.objects.filter(action="race.event").count(),
    "listed": AuditEvent.objects.filter(action="journal.list").count(),
    "counted": counter.count if counter else 0,
}))
"""


def _python(cli: Any, code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        env=cli.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _run_python(cli: Any, code: str) -> dict[str, Any]:
    process = _python(cli, code)
    out, err = process.communicate(timeout=180)
    assert process.returncode == 0, err[-2000:]
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def test_two_processes_writing_at_once_lose_nothing(cli: Any, tmp_path: Path) -> None:
    """Two processes append to the audit chain and count throttled attempts at the same moment (SQLite in WAL
    mode, or PostgreSQL): every event is in one unbroken chain and every attempt is counted."""
    _run_python(cli, _SETUP)
    go = tmp_path / "go"
    writers = [_python(cli, _WRITER, name, str(go)) for name in ("a", "b")]
    time.sleep(1.0)  # both have started Django (or are about to): release them together
    go.touch()
    for writer in writers:
        _, err = writer.communicate(timeout=180)
        assert writer.returncode == 0, err[-2000:]
    result = _run_python(cli, _CHECK)
    assert result["ok"], result["problem"]
    assert result["race"] == 80
    assert result["counted"] == 80


def test_serve_processes_answer_concurrent_sessions_and_lose_no_write(cli: Any) -> None:
    """Six keep-alive sessions × 10 journal pages against two web processes: every page is answered and every
    page's audit event is in one unbroken chain."""
    session = _run_python(cli, _SETUP)["session"]
    server = _serve(cli, "--processes", "2", "--no-worker")
    try:
        url = _wait_until_serving(server)
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        statuses: list[int] = []

        def browse() -> None:
            conn = HTTPConnection("127.0.0.1", port, timeout=120)
            for _ in range(10):
                conn.request("GET", "/journal/", headers={"Cookie": f"sessionid={session}"})
                response = conn.getresponse()
                response.read()
                statuses.append(response.status)
            conn.close()

        threads = [threading.Thread(target=browse) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        assert statuses == [200] * 60
        server.terminate()
        assert server.wait(timeout=60) == 0
    finally:
        _finish(server)
    result = _run_python(
        cli,
        _CHECK.replace(
            'counter = ThrottleCounter.objects.filter(key=throttle.Limit("race", "shared", 10_000).key).first()',
            "counter = type('c', (), {'count': 0})",
        ),
    )
    assert result["ok"], result["problem"]
    assert result["listed"] == 60


def test_a_password_changed_elsewhere_ends_the_session_in_every_web_process(cli: Any) -> None:
    """Sessions live in the database, not in a process: a password changed by another process (here the CLI) ends
    the session on every web process at its next request."""
    session = _run_python(cli, _SETUP)["session"]
    server = _serve(cli, "--processes", "2", "--no-worker")
    connections: list[HTTPConnection] = []
    try:
        url = _wait_until_serving(server)
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        connections = [HTTPConnection("127.0.0.1", port, timeout=120) for _ in range(8)]

        def statuses() -> list[int]:
            found = []
            for conn in connections:
                conn.request("GET", "/journal/", headers={"Cookie": f"sessionid={session}"})
                response = conn.getresponse()
                response.read()
                found.append(response.status)
            return found

        assert statuses() == [200] * 8
        cli("user", "passwd", "--user", "racer", REVERIE_NEW_PASSWORD="another long test password")
        assert statuses() == [302] * 8  # to the sign-in page, whichever process answers
    finally:
        for conn in connections:
            conn.close()
        _finish(server)
