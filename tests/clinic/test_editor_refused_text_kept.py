"""h99: text typed in `journal write`'s editor that cannot be saved as an entry (a NUL byte, over the length limit),
the editor then stopping with an error, is kept as a sealed recovery copy, the person told how to get it back; it
was deleted ("not kept", h98's report)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from editor_session import editor_script, write_with_editor

WORDS = "the words I typed before the editor failed"


def _write_in(cli: Any, tmp_path: Path, script: str) -> tuple[int, str]:
    proc = write_with_editor(cli, editor_script(tmp_path, script))
    return proc.returncode, proc.stderr.decode()


@pytest.mark.parametrize(
    "script",
    [
        f'#!/bin/sh\nprintf "{WORDS}\\000 and after the NUL" > "$1"\nexit 3\n',
        f'#!/bin/sh\nprintf "{WORDS}" > "$1"\nhead -c 1000001 /dev/zero | tr "\\000" a >> "$1"\nexit 3\n',
    ],
    ids=["with-a-nul", "over-the-length-limit"],
)
def test_text_the_entry_refuses_is_kept_when_the_editor_fails(cli: Any, tmp_path: Path, script: str) -> None:
    cli("user", "create", "ana")
    rc, err = _write_in(cli, tmp_path, script)
    assert rc != 0
    assert "exit status 3" in err, err
    assert "not kept" not in err, err
    assert "journal recover --show" in err, err
    assert len(list((cli.data_dir / "recovery").rglob("*.json"))) == 1, (
        "the only copy of what was typed is gone"
    )
    assert not [p for p in cli.data_dir.rglob("*") if p.is_file() and WORDS.encode() in p.read_bytes()]
    _, shown, _ = cli("journal", "recover", "-u", "ana", "--show", "1")
    assert WORDS in shown
