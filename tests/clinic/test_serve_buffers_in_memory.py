"""`reverie serve`'s waitress keeps request and response bodies in memory (h199's finding): by waitress's defaults a
request body over 512 KB and a response over 1 MB are spilled, in plaintext, into an anonymous temporary file: a
picture being attached, a decrypted recording being downloaded. A real waitress server with Reverie's options, a
3 MB body each way, and no temporary file made; with waitress's defaults the same exchange makes two (the test's own
check that it can fail)."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import waitress.buffers
import waitress.server

from reverie.cli.admin import waitress_options

BODY = b"x" * (3 * 1024 * 1024)


def _echo(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    sent = environ["wsgi.input"].read(length)
    start_response(
        "200 OK", [("Content-Type", "application/octet-stream"), ("Content-Length", str(len(sent)))]
    )
    return [sent]


@pytest.fixture
def spilled(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """The temporary files waitress makes while the test runs (closed after it: a spilled body's file outlives its
    request in waitress's parser)."""
    made: list[Any] = []
    newfile = waitress.buffers.TempfileBasedBuffer.newfile

    def counted(self: Any) -> Any:
        made.append(newfile(self))
        return made[-1]

    monkeypatch.setattr(waitress.buffers.TempfileBasedBuffer, "newfile", counted)
    yield made
    for file in made:
        file.close()


def _exchange(options: dict[str, Any]) -> Iterator[bytes]:
    server = waitress.server.create_server(_echo, host="127.0.0.1", port=0, **options)
    stop = threading.Event()

    def serve() -> None:  # the server's own loop, a turn at a time, so it is stopped before it is closed
        while not stop.is_set():
            server.asyncore.loop(timeout=0.05, map=server._map, count=1)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=30)
        connection.request("POST", "/", body=BODY, headers={"Content-Type": "application/octet-stream"})
        yield connection.getresponse().read()
        connection.close()
    finally:
        stop.set()
        thread.join(timeout=5)
        server.task_dispatcher.shutdown()
        server.asyncore.close_all(map=server._map)  # the listener, its trigger and each connection's channel


def test_reverie_serve_spills_no_body_to_a_temporary_file(spilled: list[Any]) -> None:
    options = waitress_options()
    assert options["inbuf_overflow"] > len(BODY)
    for answer in _exchange(options):
        assert answer == BODY
    assert spilled == []


def test_waitress_defaults_would_have_spilled_both(spilled: list[Any]) -> None:
    for answer in _exchange({"threads": 2}):
        assert answer == BODY
    assert len(spilled) >= 2
