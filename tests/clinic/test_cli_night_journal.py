"""Review r37: a client's everyday command-line journal on a fresh data folder: it says things plainly (a kind
the help offers, text typed after the command, an editor that fails, a full disk, a damaged database) and keeps
what the person typed."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from typing import Any

import pytest

WORDS = "I could not sleep again and my mother called"


def _signed_up(cli: Any) -> None:
    cli("user", "create", "ana")


def _run(cli: Any, *args: str, stdin: Any = None, preexec: Any = None, **env: str) -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "reverie.cli.main", *args],
        stdin=stdin,
        capture_output=True,
        env={**cli.env, "REVERIE_USER": "ana", **env},
        timeout=480,
        preexec_fn=preexec,
    )
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def _count(cli: Any) -> int:
    import json

    _, out, _ = cli("journal", "list", "--json", "-u", "ana")
    return len(json.loads(out))


def test_kind_fantasy_is_accepted_as_help_says(cli: Any) -> None:
    """`journal write --kind fantasy` saves a daydream, as the help's "daydream (or fantasy)" promises."""
    _signed_up(cli)
    rc, out, err = cli(
        "journal", "write", "-u", "ana", "--kind", "fantasy", input="lying on a beach\n", check=False
    )
    assert rc == 0, err
    assert "daydream" in out.lower()


def test_text_given_as_argument_is_not_echoed_and_the_hint_is_true(cli: Any) -> None:
    """`journal write "my words"` neither repeats the words in the error nor tells the person to quote what they
    already quoted: it says how to give a text (pipe, --file or the editor)."""
    _signed_up(cli)
    rc, _, err = cli("journal", "write", "-u", "ana", WORDS, check=False)
    assert rc != 0
    assert "mother called" not in err
    assert "goes in quotes" not in err


def _tty_stdin() -> tuple[int, int]:
    return os.openpty()


@pytest.mark.parametrize("editor", ["fails", "missing"])
def test_editor_trouble_is_said_plainly_and_keeps_the_text(cli: Any, tmp_path: Any, editor: str) -> None:
    """When the text editor exits with an error (or cannot be started), the person reads a plain sentence (not
    "unexpected CalledProcessError/FileNotFoundError") and what they typed is kept for `journal recover`."""
    _signed_up(cli)
    script = tmp_path / "ed.sh"
    script.write_text(f'#!/bin/sh\necho "{WORDS}" >> "$1"\nexit 1\n')
    script.chmod(0o700)
    command = str(script) if editor == "fails" else str(tmp_path / "no-such-editor")
    master, slave = _tty_stdin()
    try:
        rc, _, err = _run(cli, "journal", "write", stdin=slave, EDITOR=command, VISUAL=command)
    finally:
        os.close(master)
        os.close(slave)
    assert rc != 0
    assert "unexpected" not in err and "Error" not in err, err
    if editor == "fails":
        recovered = list((cli.data_dir / "recovery").rglob("*.json"))
        assert recovered, "the typed text was deleted with the editor's temporary file"


def test_full_disk_is_said_plainly(cli: Any) -> None:
    """A write that meets a full disk (here: a file-size limit) says in words that nothing was saved and why,
    not "unexpected OSError"; nothing is stored."""
    _signed_up(cli)
    before = _count(cli)

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    text = ("a long night of thoughts about the house. " * 5000).encode()
    proc = subprocess.run(
        [sys.executable, "-m", "reverie.cli.main", "journal", "write", "-u", "ana"],
        input=text,
        capture_output=True,
        env=cli.env,
        timeout=480,
        preexec_fn=small_files,
    )
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode != 0
    assert _count(cli) == before
    assert "OSError" not in err and "unexpected" not in err, err


def test_corrupt_database_is_said_plainly(cli: Any) -> None:
    """A damaged database file (a partial copy) gives a plain sentence saying what is wrong and what to do, not
    "unexpected DatabaseError (incident …)"."""
    _signed_up(cli)
    database = cli.data_dir / "reverie.sqlite3"
    if not database.exists():
        pytest.skip("not on SQLite")
    head = database.read_bytes()[:40]
    database.write_bytes(head)
    rc, _, err = cli("journal", "list", "-u", "ana", check=False)
    assert rc != 0
    assert "DatabaseError" not in err and "unexpected" not in err, err


def test_corrupt_database_names_the_file_and_has_its_own_exit_status(cli: Any) -> None:
    """The damaged database's message names the file and the way back (a backup, `reverie doctor`); exit 12."""
    _signed_up(cli)
    database = cli.data_dir / "reverie.sqlite3"
    if not database.exists():
        pytest.skip("not on SQLite")
    database.write_bytes(database.read_bytes()[:40])
    rc, _, err = cli("journal", "list", "-u", "ana", check=False)
    assert rc == 12, err
    assert str(database) in err and "reverie restore" in err and "reverie doctor" in err and "[E530]" in err


def test_full_disk_exit_status_and_piped_text_said_not_kept(cli: Any) -> None:
    """The full disk's message has its own exit status (11) and says the piped text was not kept."""
    _signed_up(cli)

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    proc = subprocess.run(
        [sys.executable, "-m", "reverie.cli.main", "journal", "write", "-u", "ana"],
        input=("the house at night. " * 10000).encode(),
        capture_output=True,
        env=cli.env,
        timeout=480,
        preexec_fn=small_files,
    )
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 11, err
    assert "disk is full" in err and "piped in was not kept" in err, err
    assert "the house" not in err


def test_editor_file_is_private_in_the_data_folder_and_removed(cli: Any, tmp_path: Any) -> None:
    """The file the editor opens lies in the person's own folder of the data folder (not the shared temporary
    folder), readable by them alone, and is gone once the command ends."""
    _signed_up(cli)
    seen = tmp_path / "seen"
    script = tmp_path / "ed.sh"
    script.write_text(
        f'#!/bin/sh\necho "$1" > "{seen}"\nstat -c %a "$1" >> "{seen}"\necho "{WORDS}" > "$1"\n'
    )
    script.chmod(0o700)
    master, slave = _tty_stdin()
    try:
        rc, _, err = _run(cli, "journal", "write", stdin=slave, EDITOR=str(script), VISUAL=str(script))
    finally:
        os.close(master)
        os.close(slave)
    assert rc == 0, err
    path, mode = seen.read_text().split()
    assert path.startswith(str(cli.data_dir)), path
    assert mode == "600"
    assert not os.path.exists(path)


def test_missing_editor_says_how_to_set_one_and_nothing_typed(cli: Any, tmp_path: Any) -> None:
    """An editor that cannot be started is named, with the fix (EDITOR or a pipe); exit 9, nothing kept."""
    _signed_up(cli)
    missing = str(tmp_path / "no-such-editor")
    master, slave = _tty_stdin()
    try:
        rc, _, err = _run(cli, "journal", "write", stdin=slave, EDITOR=missing, VISUAL=missing)
    finally:
        os.close(master)
        os.close(slave)
    assert rc == 9, err
    assert f"The editor '{missing}' could not be started; set EDITOR" in err
    assert not list((cli.data_dir / "recovery").rglob("*.json"))


def test_text_after_write_says_the_three_ways(cli: Any) -> None:
    """The refusal names the editor, --file and the pipe, and says the words were not kept."""
    _signed_up(cli)
    rc, _, err = cli("journal", "write", "-u", "ana", WORDS, check=False)
    assert rc == 2
    assert "--file FILE" in err and "piped in" in err and "editor" in err and "not saved or kept" in err


RISKY = "I keep thinking I want to kill myself. Nobody would miss me."


def test_a_check_in_already_waiting_is_recalled_in_one_line(cli: Any) -> None:
    """The save that raises a check-in shows it with the crisis lines; a later save only recalls it, in one line
    (it stays waiting: `journal check-in` still shows it)."""
    _signed_up(cli)
    _, first, _ = cli("journal", "write", "-u", "ana", input=RISKY)
    assert "Crisis lines" in first
    _, later, _ = cli("journal", "write", "-u", "ana", input="A long walk by the river with my sister.")
    assert "Crisis lines" not in later
    assert "A question from Reverie is still waiting: run `reverie journal check-in`." in later
    _, shown, _ = cli("journal", "check-in", "-u", "ana")
    assert "Crisis lines" in shown


def test_one_recovered_entry_is_said_in_the_singular(cli: Any) -> None:
    """`journal recover` after one failed save says "Recovered 1 entry."."""
    _signed_up(cli)
    rc, _, _ = cli(
        "journal", "write", "-u", "ana", "--happened-at", "2999-01-01", input="a quiet evening", check=False
    )
    assert rc != 0
    _, out, _ = cli("journal", "recover", "-u", "ana")
    assert "Recovered 1 entry." in out


def test_empty_entry_names_the_feeling_option(cli: Any) -> None:
    """An empty text is refused in the command line's words (--feeling), not the web form's ("tick a feeling")."""
    _signed_up(cli)
    rc, _, err = cli("journal", "write", "-u", "ana", input="   \n", check=False)
    assert rc == 2
    assert "--feeling" in err and "tick" not in err
