"""``reverie serve`` behind a TLS proxy (r130 fault 1): the real server, started as a subprocess, in clinic mode on the
test PostgreSQL (clinic mode refuses SQLite), on a free port, one process and ``--processes 2``.

Waitress removed every X-Forwarded-* header before Django saw it, so every page answered "HTTPS only" although the
proxy was listed in REVERIE_TRUSTED_PROXIES. A request carrying the proxy's headers from the listed address
(127.0.0.1) is served (200); the same request from a peer not listed (127.0.0.2, the same loopback) is refused (403):
Reverie's TrustedProxyMiddleware stays the one judge."""

from __future__ import annotations

import secrets
import subprocess
import sys
from http.client import HTTPConnection
from typing import Any

import pytest

from postgres_only import postgres_only

pytestmark = [pytest.mark.slow, *postgres_only("clinic mode runs on PostgreSQL only")]

SERVE = [sys.executable, "-m", "reverie.cli.main", "serve", "--no-worker", "--port", "0"]
HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.9.9.9", "Host": "reverie.example"}


def _get(port: int, source: str) -> tuple[int, str]:
    connection = HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))
    try:
        connection.request("GET", "/login/", headers=HEADERS)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


@pytest.mark.parametrize("processes", ["1", "2"])
def test_serve_believes_the_listed_proxy_and_refuses_any_other_peer(cli: Any, processes: str) -> None:
    env = dict(
        cli.env,
        REVERIE_MODE="clinic",
        REVERIE_TLS="true",
        REVERIE_SECRET_KEY=secrets.token_urlsafe(48),
        REVERIE_TRUSTED_PROXIES="127.0.0.1",
        REVERIE_ALLOWED_HOSTS="reverie.example",
    )
    with open(cli.data_dir.parent / "serve.log", "ab") as log:
        server = subprocess.Popen(
            [*SERVE, "--host", "127.0.0.1", "--processes", processes],
            env=env,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
    try:
        assert server.stdout is not None
        for line in server.stdout:
            if line.startswith("Reverie is running at "):
                port = int(line.split()[4].rstrip("/").rsplit(":", 1)[1])
                break
        else:
            raise AssertionError("serve exited early: " + (cli.data_dir.parent / "serve.log").read_text())
        status, body = _get(port, "127.0.0.1")
        assert status == 200, body
        status, body = _get(port, "127.0.0.2")
        assert status == 403
        assert "HTTPS only" in body
    finally:
        server.terminate()
        server.wait(timeout=60)
        if server.stdout is not None:
            server.stdout.close()
