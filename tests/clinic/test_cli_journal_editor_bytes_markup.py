"""Review r81: a person who keeps their journal in the terminal at 2 a.m. (`reverie journal …` in its own process):
what they typed in their editor is never lost, and what they wrote never breaks or changes the list of their
entries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cli_process import editor_env, terminal

pytestmark = [pytest.mark.db, pytest.mark.slow]


def test_text_typed_in_a_latin1_editor_is_not_deleted(cli: Any, tmp_path: Path) -> None:
    """An editor set to Latin-1 (or a paste from an old Windows file) saves "Café …" with the byte 0xE9. The person
    sees "The text is not valid UTF-8 … Nothing was saved." and the page they typed is gone: the editor's file is
    deleted at once, no recovery copy is kept and nothing says where the words are. They should find their words
    kept (a recovery copy `journal recover` saves, or the file left where the message says), as for an editor that
    fails in any other way."""
    cli("user", "create", "ana")
    editor = editor_env(
        tmp_path, "#!/bin/sh\nprintf 'Caf\\351 at two, I wrote a whole page about my father\\n' > \"$1\"\n"
    )
    with terminal() as stdin:
        proc = subprocess.run(
            [sys.executable, "-m", "reverie.cli.main", "journal", "write", "-u", "ana"],
            stdin=stdin,
            capture_output=True,
            env={**cli.env, **editor},
            timeout=300,
        )
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode != 0, err
    assert "my father" not in err  # the words are never echoed
    raw = b"Caf\xe9 at two, I wrote a whole page about my father"
    left = [p for p in cli.data_dir.rglob("*") if p.is_file() and raw in p.read_bytes()]
    named = [p for p in left if str(p) in err]
    _, recovered, recover_err = cli("journal", "recover", "-u", "ana", check=False)
    kept_as_copy = "Recovered 1 entry" in recovered or "left in place as copy 1" in recover_err
    assert named or kept_as_copy, f"the typed text is gone; the person was told: {err!r}"


@pytest.mark.parametrize("command", [("journal", "list"), ("journal", "search", "notes")])
def test_square_brackets_in_an_entry_do_not_break_the_list(cli: Any, command: tuple[str, ...]) -> None:
    """An entry that begins "my notes [/] …" (square brackets are common in notes and pasted text) makes
    `reverie journal list` and `reverie journal search` stop with "error: unexpected MarkupError (incident …)" and
    exit 70, for every later run: the person can no longer list or search their journal. They should see the entry
    in the table, as they wrote it."""
    cli("user", "create", "ana")
    cli("journal", "write", "-u", "ana", input="my notes [/] and more\n")
    rc, out, err = cli(*command, "-u", "ana", check=False, COLUMNS="200")
    assert rc == 0, err
    assert "unexpected" not in err
    assert "my notes [/]" in out


def test_the_list_shows_brackets_as_written(cli: Any) -> None:
    """An entry "see [bold]this[/bold] later" is listed as "see this later" (the brackets are read as styling and
    silently dropped), so the list shows words the person did not write. It should show "[bold]this[/bold]" as
    typed."""
    cli("user", "create", "ana")
    cli("journal", "write", "-u", "ana", input="see [bold]this[/bold] later\n")
    _, out, _ = cli("journal", "list", "-u", "ana", COLUMNS="200")
    assert "[bold]this[/bold]" in out
