"""h171: `reverie journal write` with a master key that opens none of the stored data keys let the person type a
whole entry in $EDITOR (or pipe it) and only then failed, the text kept as a plain recovery copy. The key is now
checked before the editor opens or anything is read, with `serve`'s own refusal (E510, the same exit status)."""

from __future__ import annotations

import base64
import secrets
from pathlib import Path
from typing import Any

import pytest

from editor_session import editor_script, write_with_editor
from reverie.errors import KeyUnavailable

pytestmark = pytest.mark.db

WORDS = "a dream of a staircase that went on"


def _kept(cli: Any) -> list[Path]:
    """Every file a `journal write` may leave in the recovery folders: copies and editors' files."""
    folder = cli.data_dir / "recovery"
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def _e510_line(err: str) -> str:
    (line,) = [line for line in err.splitlines() if "opens none of the data keys" in line]
    return line


def test_a_wrong_master_key_is_refused_before_the_editor_opens(cli: Any, tmp_path: Path) -> None:
    cli("user", "create", "erin")
    cli("journal", "write", "-u", "erin", input="sealed under the clinic's key")  # a data key is stored
    cli("user", "create", "ana")
    wrong = base64.b64encode(secrets.token_bytes(32)).decode()
    marker = tmp_path / "the-editor-opened"
    editor = editor_script(tmp_path, f'#!/bin/sh\ntouch "{marker}"\nprintf "{WORDS}" > "$1"\n')
    cli.env["REVERIE_MASTER_KEY"] = wrong
    try:
        proc = write_with_editor(cli, editor, user="ana")
        served, _, serve_err = cli("serve", "--port", "0", "--no-worker", check=False)
    finally:
        del cli.env["REVERIE_MASTER_KEY"]
    err = proc.stderr.decode()
    assert not marker.exists(), "the editor was opened under a master key that cannot save what is typed"
    assert proc.returncode == KeyUnavailable.exit_code == served, (proc.returncode, served, err)
    assert "REVERIE_MASTER_KEY opens none of the data keys" in err and "[E510]" in err, err
    assert _e510_line(err) == _e510_line(serve_err)  # serve's very words
    assert wrong not in err + proc.stdout.decode()
    assert not _kept(cli), "a recovery copy was kept of a text that was never asked for"
    assert WORDS.encode() not in b"".join(p.read_bytes() for p in cli.data_dir.rglob("*") if p.is_file())


def test_a_wrong_master_key_is_refused_before_a_pipe_is_read(cli: Any) -> None:
    cli("user", "create", "erin")
    cli("journal", "write", "-u", "erin", input="sealed under the clinic's key")
    wrong = base64.b64encode(secrets.token_bytes(32)).decode()
    code, out, err = cli("journal", "write", "-u", "erin", input=WORDS, check=False, REVERIE_MASTER_KEY=wrong)
    assert code == KeyUnavailable.exit_code, err
    assert "REVERIE_MASTER_KEY opens none of the data keys" in err and wrong not in err + out
    assert "kept" not in err, err  # nothing was taken, so nothing is said kept
    assert not _kept(cli)
    _, listed, _ = cli("journal", "list", "-u", "erin", "--json")
    assert WORDS not in listed


def test_a_wrong_master_key_is_refused_before_the_password_is_asked(cli: Any) -> None:
    """The key is the installation's, not the person's: with no REVERIE_PASSWORD, `journal write` under a wrong key
    says so before asking anyone for a password they would type for nothing (stop 51's gap)."""
    cli("user", "create", "erin")
    cli("journal", "write", "-u", "erin", input="sealed under the clinic's key")
    wrong = base64.b64encode(secrets.token_bytes(32)).decode()
    del cli.env["REVERIE_PASSWORD"]
    code, _out, err = cli(
        "journal", "write", "-u", "erin", input=WORDS, check=False, REVERIE_MASTER_KEY=wrong
    )
    assert code == KeyUnavailable.exit_code, err
    assert "opens none of the data keys" in err and "password" not in err.lower(), err
    assert "and try again" in err, err  # not "start Reverie again": this was a command, not a start
    assert not _kept(cli)
