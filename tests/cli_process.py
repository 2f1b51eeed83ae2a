"""The real CLI in its own process, for the clinic's CLI failure tests: a script that patches something and then runs
``reverie`` (``patched_cli``, ``first_entry_save_raises``, run by ``run_script``), a terminal for it (``terminal``)
with an editor that types text (``editor_env``), and the check that no plain copy of the text is left
(``files_holding``)."""

from __future__ import annotations

import contextlib
import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_RUN = """
import sys
from reverie.cli.main import run
sys.argv = ["reverie", *sys.argv[1:]]
run()
"""


def patched_cli(prelude: str) -> str:
    """A ``python -c`` script: ``prelude`` (the patch), then ``reverie`` with the script's arguments."""
    return prelude + _RUN


def first_entry_save_raises(error: str, imports: str = "") -> str:
    """The CLI whose first ``Entry.save`` (after signing in) raises ``error`` (a Python expression); later saves work."""
    return patched_cli(
        f"""
{imports}
import reverie.cli.runtime as runtime

real_sign_in = runtime.sign_in

def sign_in(*args, **kwargs):
    user = real_sign_in(*args, **kwargs)
    from reverie.clinic.models import Entry
    real_save = Entry.save
    state = {{"raised": False}}

    def save(self, *a, **k):
        if not state["raised"]:
            state["raised"] = True
            raise {error}
        return real_save(self, *a, **k)

    Entry.save = save
    return user

runtime.sign_in = sign_in
"""
    )


def run_script(
    cli: Any, script: str, *args: str, stdin: Any = None, **env: str
) -> subprocess.CompletedProcess[bytes]:
    """``python -c script args…`` with the ``cli`` fixture's environment (plus ``env``), its output captured."""
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        stdin=stdin,
        capture_output=True,
        env={**cli.env, **env},
        timeout=300,
    )


def editor_env(tmp_path: Path, script: str) -> dict[str, str]:
    """EDITOR and VISUAL set to a shell ``script`` (written to tmp_path/editor.sh) that stands in for the person."""
    editor = tmp_path / "editor.sh"
    editor.write_text(script)
    editor.chmod(0o700)
    return {"EDITOR": str(editor), "VISUAL": str(editor)}


@contextlib.contextmanager
def terminal() -> Iterator[int]:
    """A pseudo-terminal's far end, for a command's stdin: the text is typed, held nowhere but in that command."""
    leader, follower = pty.openpty()
    try:
        yield follower
    finally:
        os.close(follower)
        os.close(leader)


def files_holding(folder: Path, words: str) -> list[Path]:
    """The files under ``folder`` holding ``words`` in plain text (unreadable ones skipped)."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            try:
                if words.encode() in path.read_bytes():
                    found.append(path)
            except OSError:
                continue
    return found
