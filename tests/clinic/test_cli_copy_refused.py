"""A recovery copy the disk refuses (EACCES, not a full disk) must not turn `journal write` into a crash."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import pytest

from cli_process import editor_env, files_holding, patched_cli, run_script, terminal

pytestmark = [pytest.mark.db, pytest.mark.slow]

# The real CLI in its own process; the first os.replace (moving the sealed recovery copy into place) is refused as a
# folder left owned by another user is (a `sudo reverie journal write` once made the person's recovery folder).
REPLACE_REFUSED_ONCE = patched_cli(r"""
import errno, os
real_replace = os.replace
state = {"refused": False}

def replace(src, dst, *a, **k):
    if not state["refused"] and "recovery" in str(dst):
        state["refused"] = True
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))
    return real_replace(src, dst, *a, **k)

os.replace = replace
""")


def test_a_refused_recovery_copy_is_said_plainly(cli: Any, tmp_path: Path) -> None:
    """When the recovery copy cannot be written for a reason other than a full disk (here EACCES), the first
    `journal write -f FILE` says plainly what failed and that nothing was saved (or saves anyway: the file still
    holds the text); never "unexpected PermissionError … run with --debug"."""
    canary = f"CANARY{secrets.token_hex(6)}"
    cli("user", "create", "sol")
    text = tmp_path / "first.txt"
    text.write_text(f"my first entry {canary}")
    proc = run_script(cli, REPLACE_REFUSED_ONCE, "journal", "write", "-u", "sol", "-f", str(text))
    err = proc.stderr.decode()
    assert canary not in err and "Traceback" not in err
    # What held: nothing half-made; the next save works and reads back after a restart (a new process).
    cli("journal", "write", "-u", "sol", "-f", str(text))
    _, found, _ = cli("journal", "search", canary, "-u", "sol", "--json")
    assert canary in found
    assert not files_holding(cli.data_dir, canary)
    # The fault: the person is told "unexpected PermissionError (incident …); run with --debug".
    assert "unexpected" not in err and "--debug" not in err, err


def test_text_typed_in_the_editor_is_saved_when_its_copy_is_refused(cli: Any, tmp_path: Path) -> None:
    """Typed in the editor, the text is held nowhere else: a refused recovery copy (EACCES) is said, naming the
    folder, and the text is saved without one rather than dropped."""
    canary = f"CANARY{secrets.token_hex(6)}"
    cli("user", "create", "tom")
    editor = editor_env(tmp_path, f'#!/bin/sh\nprintf "%s" "what I typed tonight {canary}" > "$1"\n')
    with terminal() as stdin:
        proc = run_script(cli, REPLACE_REFUSED_ONCE, "journal", "write", "-u", "tom", stdin=stdin, **editor)
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    assert "cannot write its recovery copy in" in err and "permission denied" in err and canary not in err
    _, found, _ = cli("journal", "search", canary, "-u", "tom", "--json")
    assert canary in found
    assert not files_holding(cli.data_dir, canary)
