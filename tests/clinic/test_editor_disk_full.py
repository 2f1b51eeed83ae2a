"""Text typed in the editor when the disk is full: the editor's file is never deleted before a sealed copy exists."""

from __future__ import annotations

import secrets
import subprocess
from pathlib import Path
from typing import Any

import pytest

from cli_process import editor_env, patched_cli, run_script, terminal

pytestmark = [pytest.mark.db, pytest.mark.slow]

# The real CLI in its own process; every recovery copy moved into place is refused for want of space.
DISK_FULL = patched_cli(r"""
import errno, os
real_replace = os.replace

def replace(src, dst, *a, **k):
    if "recovery" in str(dst):
        raise OSError(errno.ENOSPC, "No space left on device", str(dst))
    return real_replace(src, dst, *a, **k)

os.replace = replace
""")


def _write_on_a_full_disk(cli: Any, tmp_path: Path, script: str) -> subprocess.CompletedProcess[bytes]:
    with terminal() as stdin:
        return run_script(
            cli, DISK_FULL, "journal", "write", "-u", "tom", stdin=stdin, **editor_env(tmp_path, script)
        )


def _editor_files(cli: Any) -> list[Path]:
    return [p for p in (cli.data_dir / "recovery").rglob(".editing-*.md") if p.is_file()]


@pytest.mark.parametrize("ending", ["", "exit 3\n"], ids=["editor-ends-well", "editor-fails"])
def test_text_typed_when_the_disk_is_full_stays_for_the_next_command(
    cli: Any, tmp_path: Path, ending: str
) -> None:
    """Typed in the editor, then no recovery copy can be written (ENOSPC): the editor's file stays (0600), the
    person is told so, and the next command (with space again) seals it for `journal recover`."""
    canary = f"CANARY{secrets.token_hex(6)}"
    cli("user", "create", "tom")
    proc = _write_on_a_full_disk(
        cli, tmp_path, f'#!/bin/sh\nprintf "%s" "what I typed tonight {canary}" > "$1"\n{ending}'
    )
    err = proc.stderr.decode()
    assert proc.returncode != 0 and canary not in err, err
    assert "stays in the editor's file" in err, err
    left = _editor_files(cli)
    assert len(left) == 1 and canary.encode() in left[0].read_bytes()
    assert left[0].stat().st_mode & 0o777 == 0o600
    _, _, swept = cli("journal", "list", "-u", "tom")
    assert "is kept: `reverie journal recover` saves it" in swept, swept
    assert not _editor_files(cli)
    _, out, _ = cli("journal", "recover", "-u", "tom")
    assert "Recovered 1 entry." in out
