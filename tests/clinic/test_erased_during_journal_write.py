"""An erasure while the same person's `journal write` is under way leaves none of their words (review r124). Real
processes on a real data folder: the write reads its text from a named pipe, so it is signed in and waiting when
the erasure runs."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_folder import connect, env, folder_in_use, reverie, run

pytestmark = pytest.mark.slow


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return folder_in_use(tmp_path / "data")


@pytest.fixture
def database(data: Path) -> Iterator[sqlite3.Connection]:
    conn = connect(data)
    try:
        yield conn
    finally:
        conn.close()


def test_an_erasure_during_a_journal_write_leaves_none_of_the_persons_words(
    data: Path, database: sqlite3.Connection
) -> None:
    """A person erases their account (`reverie erase`, or the web's page) while a `reverie journal write` of theirs
    is under way: signed in, its text still coming (an editor open, a pipe, a file). The erasure completes and
    removes their recovery folder. Then the write went on: their data key gone, ``recovery.keep`` sealed the text
    under a key derived from the master key into ``recovery/<their id>/``, readable with keys.json alone for good,
    and the person was told "Not saved. Your text is kept in … `reverie journal recover` saves it" with E409, none of
    it true. Now nothing is kept, and the write says the account was erased (E410, exit 16)."""
    fifo = data.parent / "text-to-save"
    os.mkfifo(fifo)
    words = "Words written just before I erased my account."
    writer = subprocess.Popen(
        reverie("journal", "write", "-u", "wren", "--file", str(fifo)),
        env=env(data),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 45
        sending = None
        while sending is None and time.monotonic() < deadline and writer.poll() is None:
            try:  # opens once the writer, signed in, opens the file to read its text
                sending = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.1)
        assert sending is not None, "the write never came to read its text"
        erased = run(data, "erase", "-u", "wren", "--confirm", "wren")
        assert erased.returncode == 0, erased.stderr
        os.write(sending, words.encode())
        os.close(sending)
        _, said = writer.communicate(timeout=90)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.communicate(timeout=30)
    left = sorted(p.name for p in (data / "recovery").rglob("*")) if (data / "recovery").exists() else []
    assert left == [], f"kept after the erasure in recovery/: {left}; the writer said: {said}"
    assert "journal recover" not in said and "kept in" not in said, said
    assert "account was erased" in said and "[E410]" in said, said
    assert words not in said
    assert writer.returncode == 16
    assert database.execute("SELECT count(*) FROM clinic_entry").fetchone()[0] == 0
