"""``reverie serve`` stops cleanly: SIGTERM/SIGINT stop its worker child too; a busy port is named, not an OSError."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from typing import Any

import pytest
from process_tree import alive as _alive
from process_tree import children as _children

pytestmark = pytest.mark.slow


def _serve(cli: Any) -> subprocess.Popen[str]:
    """``reverie serve --port 0``: the system picks a free port (no race with other tests), serve prints it."""
    return subprocess.Popen(
        [sys.executable, "-m", "reverie.cli.main", "serve", "--port", "0"],
        env=cli.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def _wait_until_serving(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:  # the key-file notice, then the address
        if line.startswith("Reverie is running at "):
            url = line.split()[4]
            break
    else:
        raise AssertionError("serve exited early")
    assert not url.endswith(":0/")
    with urllib.request.urlopen(f"{url}login/", timeout=30) as response:
        assert response.status == 200


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_serve_signal_stops_the_worker_child(cli: Any, stop: signal.Signals) -> None:
    """Before: SIGTERM killed serve at once and left its ``reverie worker`` child running for ever."""
    server = _serve(cli)
    try:
        _wait_until_serving(server)
        children = _children(server.pid)
        assert len(children) == 1  # the worker
        server.send_signal(stop)
        assert server.wait(timeout=60) == 0
        deadline = time.monotonic() + 30
        while any(_alive(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(c) for c in children), "the worker outlived serve"
    finally:
        if server.poll() is None:
            server.kill()
        server.wait(timeout=30)
        if server.stdout is not None:
            server.stdout.close()


def test_serve_busy_port_says_so(cli: Any) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = int(taken.getsockname()[1])
        code, _, err = cli("serve", "--port", str(port), check=False)
    assert code == 9
    assert f"port {port} is already in use; choose another with --port" in err
    assert "unexpected" not in err


def test_serve_killed_its_worker_stops_by_itself(cli: Any) -> None:
    """SIGKILL cannot be handled: the worker notices that serve is gone and stops (its task, if any, is requeued)."""
    server = _serve(cli)
    try:
        _wait_until_serving(server)
        children = _children(server.pid)
        assert len(children) == 1
        server.kill()
        server.wait(timeout=30)
        deadline = time.monotonic() + 30
        while any(_alive(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(c) for c in children), "the worker outlived a killed serve"
    finally:
        if server.poll() is None:
            server.kill()
        server.wait(timeout=30)
        if server.stdout is not None:
            server.stdout.close()
