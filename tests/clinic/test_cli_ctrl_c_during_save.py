"""Ctrl-C while `journal write` saves what was typed in the editor must say the text was kept."""

from __future__ import annotations

import os
import pty
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.db, pytest.mark.slow]

# The real CLI in its own process; the first Entry.save raises KeyboardInterrupt, as Ctrl-C pressed while the save
# waits on the database (SQLite's busy wait lasts up to 30 s: long enough for a person to give up and press it).
CTRL_C_IN_SAVE = r"""
import sys
import reverie.cli.runtime as runtime

real_sign_in = runtime.sign_in

def sign_in(*args, **kwargs):
    user = real_sign_in(*args, **kwargs)
    from reverie.clinic.models import Entry
    real_save = Entry.save
    state = {"stopped": False}

    def save(self, *a, **k):
        if not state["stopped"]:
            state["stopped"] = True
            raise KeyboardInterrupt
        return real_save(self, *a, **k)

    Entry.save = save
    return user

runtime.sign_in = sign_in
from reverie.cli.main import run
sys.argv = ["reverie", *sys.argv[1:]]
run()
"""


def test_ctrl_c_during_the_save_of_typed_text_tells_the_person_it_is_kept(cli: Any, tmp_path: Path) -> None:
    """Stopped during the save of an editor-typed entry, the CLI says the text was kept and how to get it back
    (`journal recover`), as it does for any other failed save; it does not say only "Stopped."."""
    canary = f"CANARY{secrets.token_hex(6)}"
    cli("user", "create", "ria")
    editor = tmp_path / "editor.sh"
    editor.write_text(f'#!/bin/sh\nprintf "%s" "an hour of writing about my father {canary}" > "$1"\n')
    editor.chmod(0o700)
    leader, follower = pty.openpty()  # a terminal: the text is typed, held nowhere but in this command
    try:
        proc = subprocess.run(
            [sys.executable, "-c", CTRL_C_IN_SAVE, "journal", "write", "-u", "ria"],
            stdin=follower,
            capture_output=True,
            env={**cli.env, "EDITOR": str(editor), "VISUAL": str(editor)},
            timeout=300,
        )
    finally:
        os.close(follower)
        os.close(leader)
    err = proc.stderr.decode()
    assert proc.returncode == 130
    assert canary not in err and "Traceback" not in err
    # What held: the copy is there, sealed, and `journal recover` saves it; no plain text on disk.
    assert not [p for p in cli.data_dir.rglob("*") if p.is_file() and canary.encode() in p.read_bytes()]
    _, recovered, _ = cli("journal", "recover", "-u", "ria")
    assert "Recovered 1" in recovered
    # The fault: the person is told only "Stopped.": nothing says an hour's writing was kept or where it is.
    assert "recover" in err or "kept" in err, err
