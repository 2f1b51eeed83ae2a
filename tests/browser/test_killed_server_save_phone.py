"""A real ``reverie serve`` killed (SIGKILL) while the write page is open, on a 360-px phone in real headless Chromium
(h194 tested a refused connection through Playwright's routing only). Save then says "Not sent…" with the words
kept in the box; the same server started again on the same data folder and port, Save sends them: exactly one entry,
readable. The server is its own process with its own data folder (the ``cli`` fixture), on a port the system chose."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from browser_phone import PHONE, sign_in

pytestmark = [pytest.mark.browser]
NOT_SENT = "Not sent: Reverie could not be reached. Your words are still here. Press Save again when you are back online."
WORDS = "KILLED-1 the dream of the train that stopped between two stations, and nobody got off"


def _serve(cli: Any, port: int) -> tuple[subprocess.Popen[str], str]:
    """``reverie serve`` (one process, no worker) on ``port`` (0: any free one), once it answers: (process, address)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "reverie.cli.main", "serve", "--port", str(port), "--no-worker"],
        env=cli.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert server.stdout is not None
    for line in server.stdout:  # the key-file notice, then the address
        if line.startswith("Reverie is running at "):
            url = line.split()[4]
            break
    else:
        raise AssertionError("serve exited early")
    with urllib.request.urlopen(f"{url}login/", timeout=30) as response:
        assert response.status == 200
    return server, url


def _stop(server: subprocess.Popen[str]) -> None:
    if server.poll() is None:
        server.kill()
    server.wait(timeout=30)
    if server.stdout is not None:
        server.stdout.close()


@pytest.fixture
def servers() -> Iterator[list[subprocess.Popen[str]]]:
    """Every server the test starts, each stopped at the end by its own process (never by name)."""
    started: list[subprocess.Popen[str]] = []
    yield started
    for server in started:
        _stop(server)


def test_save_with_the_server_killed_keeps_the_words_and_the_restarted_server_saves_them_once(
    cli: Any, chromium: Any, servers: list[subprocess.Popen[str]]
) -> None:
    cli("user", "create", "kay")
    first, url = _serve(cli, 0)
    servers.append(first)
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    context = chromium.new_context(viewport=PHONE, base_url=url)
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        sign_in(page, "kay")
        page.fill("#id_body", WORDS)
        write_page = page.url

        first.kill()  # SIGKILL: no goodbye, the listening socket gone with the process
        first.wait(timeout=30)
        page.click("form.write button[type=submit]")
        line = page.locator("#not-sent", has_text="Not sent")
        line.wait_for()
        assert line.inner_text() == NOT_SENT
        assert page.input_value("#id_body") == WORDS  # the words are still in the box
        assert page.url == write_page  # no error page in its place

        again, _ = _serve(cli, port)  # the same data folder, the same port
        servers.append(again)
        page.click("form.write button[type=submit]")
        page.wait_for_url("**/journal/*/")
        assert page.locator("text=KILLED-1 the dream").count() >= 1  # its page, readable
    finally:
        context.close()
    _, listed, _ = cli("journal", "list", "-u", "kay", "--json")
    entries = json.loads(listed)
    assert len(entries) == 1  # exactly one: the killed server saved nothing, the second press saved it once
    _, shown, _ = cli("journal", "show", "-u", "kay", entries[0]["id"], "--json")
    assert json.loads(shown)["body"] == WORDS
