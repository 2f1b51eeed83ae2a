"""A data folder on a read-only file system is said plainly (review r124): SQLite's "unable to open database file"
and "attempt to write a readonly database" (``SQLITE_CANTOPEN``, ``SQLITE_READONLY``) are told by their result code
in ``errors.failure_of`` as :class:`reverie.errors.StorageRefused` (E550, exit 14), naming the folder on the
command line, never a server path on the web or the API. Real mounts: the data folder bind-mounted read-only in a
private mount namespace (``unshare -rm``), so nothing outside the command sees it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlite_folder import env, folder_in_use, reverie

pytestmark = pytest.mark.slow


def _read_only_view(source: Path, target: Path, *command: str) -> list[str]:
    """``command`` run where ``target`` is ``source`` mounted read-only (a private mount namespace)."""
    script = 'mount --bind "$1" "$2" && mount -o remount,ro,bind "$2" && shift 2 && exec "$@"'
    return ["unshare", "-rm", "sh", "-c", script, "sh", str(source), str(target), *command]


def test_a_read_only_data_folder_is_said_plainly(tmp_path: Path) -> None:
    """The data folder on a file system mounted read-only (a disk remounted read-only after errors, a backup volume,
    a container's read-only mount): every command, even `reverie journal list`, ended with "error: unexpected
    OperationalError (incident …); run with --debug", exit 70. It lists the entries, or says in plain words that
    the database's folder cannot be written, E550, naming the folder, as a read-only disk is said for a recovery
    copy."""
    if (
        shutil.which("unshare") is None
        or subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode != 0
    ):
        pytest.skip("needs a private mount namespace (unshare -rm) for a read-only mount")
    data = folder_in_use(tmp_path / "data")
    view = tmp_path / "read-only"
    view.mkdir()
    probe = 'touch "$0/probe" 2>/dev/null && echo writable || echo read-only'
    seen = subprocess.run(
        _read_only_view(data, view, "sh", "-c", probe, str(view)), capture_output=True, text=True, timeout=60
    )
    if seen.stdout.strip() != "read-only":
        pytest.skip(f"no read-only mount here: {seen.stdout.strip()} {seen.stderr.strip()}")
    listed = subprocess.run(
        _read_only_view(data, view, *reverie("journal", "list", "-u", "wren")),
        capture_output=True,
        text=True,
        env=env(view),
        timeout=120,
    )
    assert "unexpected" not in listed.stderr, listed.stderr
    if listed.returncode != 0:  # refused in plain words: E550, the folder named
        assert listed.returncode == 14 and re.search(r"\[E550\]", listed.stderr), listed.stderr
        assert str(view) in listed.stderr and "read-only" in listed.stderr
