"""Ctrl-C while `journal write` saves what was typed in the editor must say the text was kept."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import pytest

from cli_process import editor_env, files_holding, first_entry_save_raises, run_script, terminal

pytestmark = [pytest.mark.db, pytest.mark.slow]

# The real CLI in its own process; the first Entry.save raises KeyboardInterrupt, as Ctrl-C pressed while the save
# waits on the database (SQLite's busy wait lasts up to 30 s: long enough for a person to give up and press it).
CTRL_C_IN_SAVE = first_entry_save_raises("KeyboardInterrupt")


def test_ctrl_c_during_the_save_of_typed_text_tells_the_person_it_is_kept(cli: Any, tmp_path: Path) -> None:
    """Stopped during the save of an editor-typed entry, the CLI says the text was kept and how to get it back
    (`journal recover`), as it does for any other failed save; it does not say only "Stopped."."""
    canary = f"CANARY{secrets.token_hex(6)}"
    cli("user", "create", "ria")
    editor = editor_env(
        tmp_path, f'#!/bin/sh\nprintf "%s" "an hour of writing about my father {canary}" > "$1"\n'
    )
    with terminal() as stdin:  # a terminal: the text is typed, held nowhere but in this command
        proc = run_script(cli, CTRL_C_IN_SAVE, "journal", "write", "-u", "ria", stdin=stdin, **editor)
    err = proc.stderr.decode()
    assert proc.returncode == 130
    assert canary not in err and "Traceback" not in err
    # What held: the copy is there, sealed, and `journal recover` saves it; no plain text on disk.
    assert not files_holding(cli.data_dir, canary)
    _, recovered, _ = cli("journal", "recover", "-u", "ria")
    assert "Recovered 1" in recovered
    # The fault: the person is told only "Stopped.": nothing says an hour's writing was kept or where it is.
    assert "recover" in err or "kept" in err, err
