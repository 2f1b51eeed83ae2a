"""Review r86, fixed by h103: the command line after h98 (r81): text an editor saved in another encoding (kept as
its bytes, saved only in the encoding the person chooses), and progress bars kept off what a command prints to a
pipe."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cli_process import editor_env, terminal

pytestmark = [pytest.mark.db, pytest.mark.slow]

RUSSIAN = "Мне снилась мама, она плакала."  # "I dreamt of my mother, she was crying."


def _write_in_editor(cli: Any, tmp_path: Path, raw: bytes) -> subprocess.CompletedProcess[bytes]:
    bytes_file = tmp_path / "typed.bin"
    bytes_file.write_bytes(raw)
    editor = editor_env(tmp_path, f"#!/bin/sh\ncat '{bytes_file}' > \"$1\"\n")
    with terminal() as stdin:
        return subprocess.run(
            [sys.executable, "-m", "reverie.cli.main", "journal", "write", "-u", "ana"],
            stdin=stdin,
            capture_output=True,
            env={**cli.env, **editor},
            timeout=300,
        )


def test_a_copy_read_as_western_text_is_not_saved_as_mojibake_without_a_word(
    cli: Any, tmp_path: Path
) -> None:
    """A person whose editor saves in Windows-1251 (a Russian "ANSI" setting) writes "Мне снилась мама …". `journal
    write` keeps it as a recovery copy read as Windows-1252 ("check its accents"). Later, `reverie journal recover`
    saves every copy: it says "Recovered 1 entry" and the journal now holds "Ìíå ñíèëàñü ìàìà …", every letter
    wrong, with no word that this copy was read in another encoding. They should be told, at the recover, that this
    copy was read as Western European text (or the copy should stay for a look with --show), not find garbled words
    saved as their entry."""
    cli("user", "create", "ana")
    raw = (RUSSIAN + "\n").encode("cp1251")
    proc = _write_in_editor(cli, tmp_path, raw)
    assert proc.returncode != 0
    garbled = raw.decode("cp1252").strip()
    _, out, err = cli("journal", "recover", "-u", "ana", check=False)
    entries = json.loads(cli("journal", "list", "-u", "ana", "--json")[1])
    saved_garbled = any(garbled in row.get("body", "") for row in entries)
    said = "UTF-8" in out + err or "Western" in out + err or "Windows-1252" in out + err
    assert not saved_garbled or said, (out, err, entries)


def test_a_copy_in_another_encoding_is_saved_as_the_person_chooses(cli: Any, tmp_path: Path) -> None:
    """h103: the Windows-1251 copy is listed, not saved; `--show 1 --encoding cp1251` reads it as they say, and
    `recover 1 --encoding cp1251` saves their words, exactly."""
    cli("user", "create", "ana")
    assert _write_in_editor(cli, tmp_path, (RUSSIAN + "\n").encode("cp1251")).returncode != 0
    rc, out, err = cli("journal", "recover", "-u", "ana", check=False)
    assert rc == 1 and "Recovered 0 entries." in out and "--encoding" in err, (out, err)
    _, shown, _ = cli("journal", "recover", "-u", "ana", "--show", "1", "--encoding", "cp1251")
    assert RUSSIAN in shown, shown
    _, out, _ = cli("journal", "recover", "1", "--encoding", "cp1251", "-u", "ana")
    assert "Recovered 1 entry." in out
    bodies = [row.get("body", "") for row in json.loads(cli("journal", "list", "-u", "ana", "--json")[1])]
    assert any(RUSSIAN in body for body in bodies), bodies
    assert not list((cli.data_dir / "recovery").rglob("*.json"))


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le"])
def test_an_editor_that_saves_utf16_is_read_as_utf16(cli: Any, tmp_path: Path, codec: str) -> None:
    """h103: Windows' "Unicode" Notepad saves UTF-16, with a byte-order mark or without one (then every other byte
    of a Latin letter is zero): that is unambiguous, so it is read as UTF-16 and saved."""
    cli("user", "create", "ana")
    words = "I dreamt of the sea, calm this time. " + RUSSIAN
    proc = _write_in_editor(cli, tmp_path, (words + "\n").encode(codec))
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    bodies = [row.get("body", "") for row in json.loads(cli("journal", "list", "-u", "ana", "--json")[1])]
    assert any(words in body for body in bodies), bodies


def test_reanalyse_piped_to_a_file_prints_only_what_it_says(cli: Any) -> None:
    """`reverie reanalyse > log` (a nightly job) writes a line of 40 "━" bar characters, "Re-analysing ━━━━ …",
    into the log before "Re-analysed 0 entries.": its progress bar goes to stdout, though the CLI's one way to Rich
    (cli/rich_text.py, ARCHITECTURE) promises "a progress bar on stderr and only on a terminal". The log should hold
    only what the command says."""
    cli("user", "create", "ana")
    rc, out, err = cli("reanalyse", check=False)
    assert rc == 0, err
    assert "━" not in out and "Re-analysing" not in out, repr(out)
    assert out.startswith("Re-analysed"), repr(out)
