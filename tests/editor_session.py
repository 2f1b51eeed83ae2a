"""``reverie journal write`` run as a real process with a given text editor, stdin a terminal so the editor opens
(the CLI tests of the editor's failures share it: duplicates D1/D2 at stop 45)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any


def editor_script(folder: Path, script: str, name: str = "ed.sh") -> Path:
    """A shell script standing in for the person's editor; it gets the file to edit as ``$1``."""
    editor = folder / name
    editor.write_text(script)
    editor.chmod(0o700)
    return editor


def write_with_editor(cli: Any, editor: Path, user: str = "ana") -> subprocess.CompletedProcess[bytes]:
    """``journal write`` as ``user`` with ``editor`` as $EDITOR and $VISUAL, on a pseudo-terminal."""
    master, slave = os.openpty()
    try:
        env = {**cli.env, "REVERIE_USER": user, "EDITOR": str(editor), "VISUAL": str(editor)}
        return subprocess.run(
            [sys.executable, "-m", "reverie.cli.main", "journal", "write"],
            stdin=slave,
            capture_output=True,
            env=env,
            timeout=240,
        )
    finally:
        os.close(master)
        os.close(slave)
