"""h42: the editor's plain-text file is never left behind (a kill, a hang-up, a leftover swept at the next sign-in),
and a check-in is recalled in one line only once the person has been shown it in full (the web's check-in page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from editor_session import editor_script, write_with_editor

WORDS = "the words I was typing when everything stopped"
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."


def _plain(folder: Path, words: bytes) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and words in p.read_bytes()]


def _write_in(cli: Any, tmp_path: Path, script: str) -> tuple[int, str, str]:
    proc = write_with_editor(cli, editor_script(tmp_path, script))
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


def test_a_kill_in_the_editor_seals_what_was_typed(cli: Any, tmp_path: Path) -> None:
    """SIGTERM while the editor is open: what was typed is kept as a sealed recovery copy, no plain text stays."""
    cli("user", "create", "ana")
    rc, _, err = _write_in(cli, tmp_path, f'#!/bin/sh\necho "{WORDS}" > "$1"\nkill -TERM $PPID\nsleep 3\n')
    assert rc != 0
    assert "Reverie was stopped while the editor was open" in err and "journal recover" in err, err
    assert not _plain(cli.data_dir, WORDS.encode())
    assert len(list((cli.data_dir / "recovery").rglob("*.json"))) == 1
    _, out, _ = cli("journal", "recover", "-u", "ana")
    assert "Recovered 1 entry." in out


def test_an_editor_file_left_by_a_hard_kill_is_sealed_at_the_next_sign_in(cli: Any, tmp_path: Path) -> None:
    """SIGKILL cannot be caught: the next command that signs the person in seals the leftover and deletes it."""
    cli("user", "create", "ana")
    rc, _, _ = _write_in(cli, tmp_path, f'#!/bin/sh\necho "{WORDS}" > "$1"\nkill -KILL $PPID\nsleep 3\n')
    assert rc != 0
    assert _plain(cli.data_dir, WORDS.encode())  # what a hard kill leaves
    _, _, err = cli("journal", "list", "-u", "ana")
    assert "is kept: `reverie journal recover` saves it" in err, err
    assert not _plain(cli.data_dir, WORDS.encode())
    assert not list((cli.data_dir / "recovery").rglob(".editing-*"))
    _, out, _ = cli("journal", "recover", "-u", "ana")
    assert "Recovered 1 entry." in out


def test_an_editor_file_that_is_not_utf8_is_sealed_not_deleted(cli: Any, tmp_path: Path) -> None:
    """A leftover that is not UTF-8 (an editor set to Latin-1) is not left in plain text, and not deleted either
    (r81: those were the person's words): it is sealed as its bytes, with a note that it is not UTF-8 (h103: no
    encoding guessed); `journal recover --show` gives it back in the readings it may have, a plain `journal recover`
    does not save it, `recover 1 --encoding latin-1` does."""
    cli("user", "create", "ana")
    script = f'#!/bin/sh\nprintf "{WORDS} caf\\351" > "$1"\nkill -KILL $PPID\nsleep 3\n'
    rc, _, _ = _write_in(cli, tmp_path, script)
    assert rc != 0
    assert _plain(cli.data_dir, WORDS.encode())
    _, _, err = cli("journal", "list", "-u", "ana")
    assert "is kept as it is" in err and "not UTF-8" in err and "--encoding" in err, err
    assert not _plain(cli.data_dir, WORDS.encode())
    _, shown, _ = cli("journal", "recover", "-u", "ana", "--show", "1")
    assert f"{WORDS} café" in shown and "Western European" in shown and f"{WORDS} caf\ufffd" in shown
    rc, out, err = cli("journal", "recover", "-u", "ana", check=False)
    assert rc == 1 and "Recovered 0 entries." in out and "not UTF-8" in err, (out, err)
    _, out, _ = cli("journal", "recover", "1", "--encoding", "latin-1", "-u", "ana")
    assert "Recovered 1 entry." in out
    assert f"{WORDS} café" in cli("journal", "list", "-u", "ana", "--json")[1]


@pytest.mark.django_db
def test_a_check_in_counts_as_seen_once_its_page_was_shown(make_user: Any, web_as: Any) -> None:
    """A check-in raised out of the person's sight is unseen until the web's check-in page (question, plan, crisis
    lines) shows it; then the command line may recall it in one line."""
    from reverie.care.services import alerts
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft

    alice = make_user()
    journal.create_entry(alice, EntryDraft(kind="reflection", body=RISKY))
    assert alerts.pending_check_in(alice) is not None
    assert alerts.unseen_check_ins(alice)
    assert web_as(alice).get("/check-in/").status_code == 200
    assert not alerts.unseen_check_ins(alice)
