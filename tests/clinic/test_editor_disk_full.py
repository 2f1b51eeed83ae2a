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


def test_the_options_given_with_the_text_come_back_with_it(cli: Any, tmp_path: Path) -> None:
    """Review r135 fault 3: `journal write --kind dream --title … --feeling … --person … --tag … --happened-at …`,
    the text typed in the editor, no recovery copy possible (a full disk): `journal recover` saved it as a bare free
    association dated the day of the recovery. The options now wait beside the editor's file (``NAME.options``,
    0600) and come back with the text; both files go once it is sealed."""
    canary = f"CANARY{secrets.token_hex(6)}"
    cli("user", "create", "tom")
    script = f'#!/bin/sh\nprintf "%s" "the lighthouse again {canary}" > "$1"\n'
    options = [
        *("--kind", "dream", "--title", "full7", "--feeling", "fear:5", "--person", "Mother"),
        *("--tag", "sea", "--happened-at", "2026-12-06T03:10"),
    ]
    with terminal() as stdin:
        proc = run_script(
            cli,
            DISK_FULL,
            "journal",
            "write",
            "-u",
            "tom",
            *options,
            stdin=stdin,
            **editor_env(tmp_path, script),
        )
    assert proc.returncode != 0 and "stays in the editor's file" in proc.stderr.decode()
    [left] = _editor_files(cli)
    sidecar = left.with_name(left.name + ".options")
    assert sidecar.stat().st_mode & 0o777 == 0o600 and b"full7" in sidecar.read_bytes()
    _, _, swept = cli("journal", "list", "-u", "tom")
    assert "is kept: `reverie journal recover` saves it." in swept and "free association" not in swept, swept
    assert not _editor_files(cli) and not sidecar.exists()
    cli("journal", "recover", "-u", "tom")
    _, listed, _ = cli("journal", "list", "-u", "tom")
    assert "2026-12-06 03:10" in listed and "Dream" in listed and "fear 5" in listed, listed
    entry_id = listed.split("│")[1].strip() if "│" in listed else ""
    _, shown, _ = cli("journal", "show", entry_id, "-u", "tom")
    assert "full7" in shown and "Mother" in shown and "sea" in shown, shown


def test_a_text_swept_without_its_options_says_what_it_was_kept_as(cli: Any, tmp_path: Path) -> None:
    """A leftover with no options beside it (left by an older Reverie, or the disk too full to write them): the
    sweep says plainly that it is kept as a free association dated the day it is saved, with none of the options."""
    canary = f"CANARY{secrets.token_hex(6)}"
    cli("user", "create", "tom")
    with terminal() as stdin:
        run_script(
            cli,
            DISK_FULL,
            *("journal", "write", "-u", "tom", "--title", "full6"),
            stdin=stdin,
            **editor_env(tmp_path, f'#!/bin/sh\nprintf "%s" "{canary}" > "$1"\n'),
        )
    [left] = _editor_files(cli)
    left.with_name(left.name + ".options").unlink()
    _, _, swept = cli("journal", "list", "-u", "tom")
    assert "kept as a free association dated the day `journal recover` saves it" in swept, swept
