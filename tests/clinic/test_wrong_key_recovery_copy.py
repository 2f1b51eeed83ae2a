"""r130 fault 3: `reverie journal write` with a wrong master key sealed its "kept" recovery copy under that wrong key
(the fallback key derived from the active master key), so once the right key was back the text could never be
recovered. A master key known not to be the clinic's (it opens none of the stored data keys) is never sealed under:
the copy is kept plain, readable only by its owner, and `journal recover` saves it under the right key.

``recovery.keep`` is the one writer of every recovery copy (`journal write` from a pipe, a file or the editor, the
editor's trouble, the leftover sweep), so this covers each of them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from editor_session import editor_script, write_with_editor
from reverie.errors import KeyUnavailable
from reverie.vault.keys import create_key_file

pytestmark = pytest.mark.db


def test_a_copy_kept_under_a_wrong_master_key_is_recovered_with_the_right_one(
    cli: Any, tmp_path: Path
) -> None:
    """A wrong key from the start is refused before anything is typed (h171,
    `test_journal_write_key_checked_first.py`); one that comes while the editor is open (the key file replaced by
    another folder's) is found only once the text is taken: the copy is kept plain, never under that key."""
    cli("user", "create", "erin")
    cli("journal", "write", "-u", "erin", input="erin's words, sealed under the clinic's key")
    cli("user", "create", "bob")
    key_file = cli.data_dir / "keys.json"
    right = key_file.read_bytes()
    other = tmp_path / "other-folder" / "keys.json"
    create_key_file(other)  # another installation's key file, mode 0600
    editor = editor_script(
        tmp_path, f'#!/bin/sh\nprintf "bob\'s first words" > "$1"\nmv "{other}" "{key_file}"\n'
    )
    proc = write_with_editor(cli, editor, user="bob")
    err = proc.stderr.decode()
    assert proc.returncode == KeyUnavailable.exit_code and "Your text is kept in" in err, err
    (copy,) = (cli.data_dir / "recovery").glob("*/*.json")
    doc = json.loads(copy.read_text())
    assert "fallback_sealed" not in doc and "sealed" not in doc  # nothing under the wrong key
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    key_file.write_bytes(right)  # the right key file is back
    cli("journal", "recover", "-u", "bob")
    _, out, _ = cli("journal", "list", "-u", "bob", "--json")
    assert [e["body"] for e in json.loads(out)] == ["bob's first words"]
    assert not list((cli.data_dir / "recovery").glob("*/*.json"))
